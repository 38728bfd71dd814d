package org.kkr4j.automation.bench;

import org.kkr4j.automation.scf.ProbePolicy;
import org.kkr4j.automation.scf.ScfSettings;

/**
 * The procedure's settings restricted to what the recorded ewidth scans can answer: their go runs start from
 * scratch with the card's SCF controls (so no probe and no continuation across a move), their ewidth values lie
 * on a 0.4 Ry grid (0.8, 1.2, 1.6, 2.0; a few systems also 1.5 or 1.8, which this grid does not reach), and
 * their dos runs use edelt 1e-3 and a window of 3.0. Everything else is the default.
 */
public final class RecordedScanSettings {
    public static final double GRID_RY = 0.4;
    public static final double DOS_EDELT_RY = 1e-3;
    public static final double DOS_WINDOW_RY = 3.0;

    private RecordedScanSettings() {
    }

    public static ScfSettings of(ScfSettings base) {
        return base.withGrid(GRID_RY).withProbe(ProbePolicy.NEVER).withContinueAcrossMoves(false)
                .withDos(DOS_EDELT_RY, DOS_WINDOW_RY, DOS_WINDOW_RY);
    }
}
