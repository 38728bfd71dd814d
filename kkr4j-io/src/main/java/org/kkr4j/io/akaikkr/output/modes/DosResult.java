package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;

/**
 * The output of {@code go=dos}: one {@link SpinDos} per spin printed (two for magnetic runs, one
 * marked {@link SpinChannel#NON_MAGNETIC} for {@code nmag}). Energies are E − E_F in Ry; the window
 * check against ewidth is the caller's business.
 *
 * @param spins the spin sets in printed order (up, then down)
 */
public record DosResult(List<SpinDos> spins) {

    public DosResult {
        spins = List.copyOf(spins);
    }

    /** Whether the run printed separate up and down blocks. */
    public boolean spinPolarised() {
        return spins.stream().anyMatch(s -> s.spin() != SpinChannel.NON_MAGNETIC);
    }
}
