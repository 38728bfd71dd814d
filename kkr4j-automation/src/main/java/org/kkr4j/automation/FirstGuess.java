package org.kkr4j.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An ewidth before any run, from the core levels of the elements present.
 *
 * <p>The contour bottom x = −ewidth must lie at least ediff below the valence-band bottom, taken as
 * {@link #VALENCE_BOTTOM_RY} (the deep end of the range reported for 4-component alloys; not yet a function
 * of the composition), and every known level must be either clearly below the contour (x ≥ level max + w,
 * the level stays frozen core) or wholly inside it (x ≤ level min − w_pass − ediff − margin: the level's
 * states are then counted as valence and their peak acts as the valence-band bottom). The shallowest x in
 * [−max ewidth, −min ewidth] that satisfies all of them is proposed.
 */
public final class FirstGuess {
    /** Deep end of the valence-band bottom range of 4-component alloys (E − E_F). */
    public static final double VALENCE_BOTTOM_RY = -1.0;
    /** Half-width of the forbidden interval around a level that stays core. */
    public static final double CORE_CLEARANCE_RY = 0.15;
    /** Width of the tail of a level that the contour takes into the valence. */
    public static final double VALENCE_LEVEL_TAIL_RY = 0.25;
    private static final double STEP_RY = 0.005;

    /** The proposal with the reasons for it; {@code ewidthRy} empty when no value satisfies every level. */
    public record Proposal(OptionalDouble ewidthRy, List<String> reasons) {
        public Proposal {
            reasons = List.copyOf(reasons);
        }
    }

    private FirstGuess() {
    }

    /** @param composition element symbol → concentration (any normalisation); zero concentrations are ignored */
    public static Proposal propose(Map<String, Double> composition) {
        return propose(composition, CoreLevelTable.bundled(), GapThresholds.method2());
    }

    public static Proposal propose(Map<String, Double> composition, CoreLevelTable table, GapThresholds t) {
        if (composition.isEmpty()) {
            throw new IllegalArgumentException("empty composition");
        }
        List<String> reasons = new ArrayList<>();
        ContourConstraints constraints = ContourConstraints.fromTable(composition, table, t);
        reasons.add(String.format(Locale.ROOT, "valence-band bottom assumed at %.2f Ry: contour at or below %.4f",
                VALENCE_BOTTOM_RY, constraints.ceilingRy()));
        for (ContourConstraints.Band b : constraints.bands()) {
            reasons.add(b.describe());
        }
        int steps = (int) Math.round((t.maxEwidthRy() - t.minEwidthRy()) / STEP_RY);
        for (int i = 0; i <= steps; i++) {
            double x = -(t.minEwidthRy() + i * STEP_RY);
            if (constraints.allows(x)) {
                double ew = Math.round(-x * 1e4) / 1e4;
                reasons.add(String.format(Locale.ROOT, "shallowest allowed contour bottom: ewidth %.4f", ew));
                return new Proposal(OptionalDouble.of(ew), reasons);
            }
        }
        reasons.add(String.format(Locale.ROOT, "no ewidth in [%.2f, %.2f] clears every level: a semicore "
                + "staircase is predicted", t.minEwidthRy(), t.maxEwidthRy()));
        return new Proposal(OptionalDouble.empty(), reasons);
    }
}
