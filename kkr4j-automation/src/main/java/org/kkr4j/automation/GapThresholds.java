package org.kkr4j.automation;

/**
 * Parameters of the two-threshold gap judgement (Method 2 of the GAES description), in states/Ry per atom
 * and Ry. The DOS thresholds are meant for the DOS computed at {@code referenceEdeltRy}; see
 * {@link #scaledTo(double)}.
 *
 * @param coarseStatesPerRy   a region is a gap candidate where every curve is below this
 * @param fineStatesPerRy     inside a coarse region, where the contour bottom may sit
 * @param minGapWidthRy       a coarse region must be wider than this (eth)
 * @param valenceClearanceRy  the contour bottom must lie this far below the coarse region's top, i.e. below
 *                            the valence-band bottom (ediff)
 * @param marginRy            distance kept from the shallowest allowed point when proposing
 * @param fineRelaxFactor     the fine threshold is multiplied by this when a coarse region has no fine part
 * @param minEwidthRy         smallest ewidth proposed
 * @param maxEwidthRy         largest ewidth proposed
 * @param referenceEdeltRy    the edelt the two DOS thresholds were set for
 */
public record GapThresholds(double coarseStatesPerRy, double fineStatesPerRy, double minGapWidthRy,
                            double valenceClearanceRy, double marginRy, double fineRelaxFactor,
                            double minEwidthRy, double maxEwidthRy, double referenceEdeltRy) {
    public GapThresholds {
        if (!(fineStatesPerRy > 0 && coarseStatesPerRy >= fineStatesPerRy)) {
            throw new IllegalArgumentException("need 0 < fine <= coarse threshold, got fine " + fineStatesPerRy
                    + " coarse " + coarseStatesPerRy);
        }
        if (!(minEwidthRy > 0 && maxEwidthRy >= minEwidthRy)) {
            throw new IllegalArgumentException("need 0 < min ewidth <= max ewidth, got " + minEwidthRy + ", "
                    + maxEwidthRy);
        }
        if (!(referenceEdeltRy > 0)) {
            throw new IllegalArgumentException("reference edelt must be positive");
        }
    }

    /** The published Method 2 defaults, set on DOS computed with edelt 1e-4 Ry. */
    public static GapThresholds method2() {
        return new GapThresholds(2e-2, 1e-3, 0.30, 0.20, 0.01, 2.0, 1.0, 2.0, 1e-4);
    }

    /**
     * Thresholds for a DOS computed at another edelt. The floor of a gap is the Lorentzian tail of the peaks
     * around it, proportional to edelt, so the fine threshold scales linearly (never below its reference
     * value); the coarse threshold stays at least twice the fine one so that a coarse region can still hold
     * a fine sub-region.
     */
    public GapThresholds scaledTo(double edeltRy) {
        if (!(edeltRy > 0)) {
            throw new IllegalArgumentException("edelt must be positive, got " + edeltRy);
        }
        double factor = Math.max(1.0, edeltRy / referenceEdeltRy);
        double fine = fineStatesPerRy * factor;
        return withDos(Math.max(coarseStatesPerRy, 2 * fine), fine);
    }

    public GapThresholds withDos(double coarse, double fine) {
        return new GapThresholds(coarse, fine, minGapWidthRy, valenceClearanceRy, marginRy, fineRelaxFactor,
                minEwidthRy, maxEwidthRy, referenceEdeltRy);
    }

    /** The ewidth range in which candidates are sought (the published [1.0, 2.0] is a heuristic, ewidth.md §5). */
    public GapThresholds withRange(double minRy, double maxRy) {
        return new GapThresholds(coarseStatesPerRy, fineStatesPerRy, minGapWidthRy, valenceClearanceRy, marginRy,
                fineRelaxFactor, minRy, maxRy, referenceEdeltRy);
    }
}
