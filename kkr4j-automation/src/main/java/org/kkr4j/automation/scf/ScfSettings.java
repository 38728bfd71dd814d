package org.kkr4j.automation.scf;

import java.util.List;
import org.kkr4j.automation.JudgementSettings;

/**
 * The knobs of the automatic procedure. The defaults follow the documented method where it is right
 * (reference/ewidth.md §3.5: judgement dos with edelt 1e-4, dos window 3.0 widened up to 4.5, pmix ladder
 * 1e-2 … 1e-4) and its §8.2 proposals where it is not (a budget of go runs per system, a probe only when
 * the first guess is uncertain).
 *
 * @param goBudget          most go runs (specx invocations of mode go) per system; spending it ends as NOT_CONVERGED
 * @param dosBudget         most dos runs per system
 * @param probe             when the first go is a short probe
 * @param probeMaxitr       maxitr of a probe go
 * @param start             where the first ewidth comes from
 * @param ewidthGridRy      every ewidth run is a multiple of this (keeps cards comparable and cacheable)
 * @param dosEdeltRy        edelt of the judgement dos runs
 * @param dosWindowRy       the dos window (the card's ewidth of a dos run) to start with
 * @param dosWindowMaxRy    the widest dos window (wider windows show spurious structure, ewidth.md §2.3 item 8)
 * @param judgement         gap-judgement settings
 * @param pmixLadder        mixing parameters to step down through when the SCF stalls, largest first
 * @param rescueEdeltRy     the larger edelt of the "larger edelt, then back" rescue rung
 * @param bzqltyStep        added to a numeric bzqlty by the k-point rescue rung
 * @param continueAcrossMoves continue from the last potential after an ewidth move when that run was healthy
 * @param speculate         when the first ewidth is uncertain, run the nearest allowed rival at the same time
 */
public record ScfSettings(int goBudget, int dosBudget, ProbePolicy probe, int probeMaxitr, StartPolicy start,
                          double ewidthGridRy, double dosEdeltRy, double dosWindowRy, double dosWindowMaxRy,
                          JudgementSettings judgement, List<Double> pmixLadder, double rescueEdeltRy,
                          int bzqltyStep, boolean continueAcrossMoves, boolean speculate) {

    public ScfSettings {
        pmixLadder = List.copyOf(pmixLadder);
        if (goBudget < 1) {
            throw new IllegalArgumentException("the go budget must be at least 1, got " + goBudget);
        }
        if (dosBudget < 1) {
            throw new IllegalArgumentException("the dos budget must be at least 1, got " + dosBudget);
        }
        if (probeMaxitr < 2) {
            throw new IllegalArgumentException("a probe needs at least 2 iterations, got " + probeMaxitr);
        }
        if (!(ewidthGridRy > 0)) {
            throw new IllegalArgumentException("the ewidth grid must be positive, got " + ewidthGridRy);
        }
        if (!(dosWindowRy > 0) || dosWindowMaxRy < dosWindowRy) {
            throw new IllegalArgumentException("need 0 < dos window <= maximum dos window, got " + dosWindowRy
                    + " and " + dosWindowMaxRy);
        }
    }

    public static ScfSettings defaults() {
        return new ScfSettings(8, 16, ProbePolicy.AUTO, 80, StartPolicy.FIRST_GUESS, 0.005, 1e-4, 3.0, 4.5,
                JudgementSettings.defaults(), List.of(1e-2, 5e-3, 1e-3, 5e-4, 1e-4), 1e-2, 4, true, true);
    }

    public ScfSettings withGoBudget(int n) {
        return new ScfSettings(n, Math.max(dosBudget, 2 * n), probe, probeMaxitr, start, ewidthGridRy, dosEdeltRy,
                dosWindowRy, dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    public ScfSettings withProbe(ProbePolicy p) {
        return new ScfSettings(goBudget, dosBudget, p, probeMaxitr, start, ewidthGridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    public ScfSettings withProbeMaxitr(int n) {
        return new ScfSettings(goBudget, dosBudget, probe, n, start, ewidthGridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    public ScfSettings withStart(StartPolicy s) {
        return new ScfSettings(goBudget, dosBudget, probe, probeMaxitr, s, ewidthGridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    public ScfSettings withGrid(double gridRy) {
        return new ScfSettings(goBudget, dosBudget, probe, probeMaxitr, start, gridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    /** The judgement dos: its edelt and its first and widest window. */
    public ScfSettings withDos(double edeltRy, double windowRy, double windowMaxRy) {
        return new ScfSettings(goBudget, dosBudget, probe, probeMaxitr, start, ewidthGridRy, edeltRy, windowRy,
                windowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    public ScfSettings withJudgement(JudgementSettings j) {
        return new ScfSettings(goBudget, dosBudget, probe, probeMaxitr, start, ewidthGridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, j, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, speculate);
    }

    public ScfSettings withContinueAcrossMoves(boolean on) {
        return new ScfSettings(goBudget, dosBudget, probe, probeMaxitr, start, ewidthGridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, on, speculate);
    }

    public ScfSettings withSpeculation(boolean on) {
        return new ScfSettings(goBudget, dosBudget, probe, probeMaxitr, start, ewidthGridRy, dosEdeltRy, dosWindowRy,
                dosWindowMaxRy, judgement, pmixLadder, rescueEdeltRy, bzqltyStep, continueAcrossMoves, on);
    }

    /** An ewidth on the grid, nearest to {@code ewidthRy}. */
    double onGrid(double ewidthRy) {
        return round(Math.round(ewidthRy / ewidthGridRy) * ewidthGridRy);
    }

    /** The smallest grid point at or above {@code ewidthRy}. */
    double onGridAtOrAbove(double ewidthRy) {
        return round(Math.ceil(ewidthRy / ewidthGridRy - 1e-9) * ewidthGridRy);
    }

    static double round(double ry) {
        return Math.round(ry * 1e6) / 1e6;
    }
}
