package org.kkr4j.automation.scf;

import java.util.Locale;
import java.util.Optional;
import org.kkr4j.automation.ScfTrend;

/**
 * The ordered SCF rescue for a run whose ewidth is judged valid but which did not converge: continue while the
 * trend says the SCF still improves; otherwise, one rung at a time, a smaller pmix (down the ladder), a larger
 * edelt (then back to the user's), more k points, and last a fresh potential. Every rung continues from the
 * last potential except the last. The budget of go runs is the procedure's, not the ladder's.
 */
final class RescueLadder {
    enum Rung { CONTINUE, SMALLER_PMIX, LARGER_EDELT, EDELT_BACK, MORE_K_POINTS, FRESH_POTENTIAL }

    record Step(Rung rung, ScfControls controls, boolean freshPotential, String reason) {
    }

    private enum Stage { PMIX, EDELT, K_POINTS, FRESH, EXHAUSTED }

    private final ScfSettings settings;
    private final ScfControls user;
    private Stage stage = Stage.PMIX;

    RescueLadder(ScfSettings settings, ScfControls user) {
        this.settings = settings;
        this.user = user;
    }

    /**
     * The next step after an unconverged run with {@code current} controls.
     *
     * @param probeLimited the run was a probe that stopped at its short iteration limit
     */
    Optional<Step> next(ScfControls current, ScfTrend trend, boolean probeLimited) {
        boolean healthy = trend.kind() != ScfTrend.Kind.OSCILLATING && trend.kind() != ScfTrend.Kind.DIVERGING;
        if (trend.kind() == ScfTrend.Kind.CONVERGING || (probeLimited && healthy)) {
            return Optional.of(new Step(Rung.CONTINUE, current.withMaxitr(user.maxitr()), false,
                    (probeLimited ? "the probe stopped at its iteration limit" : "the SCF is still improving")
                            + " (" + trend.detail() + "): continue from its potential"));
        }
        while (stage != Stage.EXHAUSTED) {
            Optional<Step> step = rung(current, trend);
            if (step.isPresent()) {
                return step;
            }
        }
        return Optional.empty();
    }

    private Optional<Step> rung(ScfControls current, ScfTrend trend) {
        String why = "the SCF does not converge (" + trend.kind().name().toLowerCase(Locale.ROOT) + ": "
                + trend.detail() + ")";
        switch (stage) {
            case PMIX -> {
                for (double p : settings.pmixLadder()) {
                    if (p < current.pmix() - 1e-15) {
                        return Optional.of(new Step(Rung.SMALLER_PMIX, current.withPmix(p).withMaxitr(user.maxitr()),
                                false, why + ": smaller pmix " + p + ", continuing from the potential"));
                    }
                }
                stage = Stage.EDELT;
            }
            case EDELT -> {
                stage = Stage.K_POINTS;
                if (settings.rescueEdeltRy() > current.edeltRy()) {
                    return Optional.of(new Step(Rung.LARGER_EDELT, current.withEdelt(settings.rescueEdeltRy())
                            .withMaxitr(user.maxitr()), false, why + String.format(Locale.ROOT,
                            ": larger edelt %.0e (smoother Green function), then back to %.0e", settings.rescueEdeltRy(),
                            user.edeltRy())));
                }
            }
            case K_POINTS -> {
                stage = Stage.FRESH;
                try {
                    int bz = Integer.parseInt(current.bzqlty().strip());
                    String more = Integer.toString(bz + settings.bzqltyStep());
                    return Optional.of(new Step(Rung.MORE_K_POINTS, current.withBzqlty(more).withEdelt(user.edeltRy())
                            .withMaxitr(user.maxitr()), false, why + ": bzqlty " + bz + " -> " + more));
                } catch (NumberFormatException e) {
                    // a letter bzqlty (t, l, h, u) has no numeric next step; the next rung follows
                }
            }
            case FRESH -> {
                stage = Stage.EXHAUSTED;
                return Optional.of(new Step(Rung.FRESH_POTENTIAL, user.withPmix(Math.min(current.pmix(),
                        user.pmix())).withBzqlty(current.bzqlty()), true, why
                        + ": a fresh potential with the smallest pmix tried"));
            }
            case EXHAUSTED -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A larger edelt is a detour: once converged there, go back to the user's edelt from that potential. */
    Optional<Step> backToUserEdelt(ScfControls current) {
        if (Math.abs(current.edeltRy() - user.edeltRy()) <= 1e-15) {
            return Optional.empty();
        }
        return Optional.of(new Step(Rung.EDELT_BACK, current.withEdelt(user.edeltRy()).withMaxitr(user.maxitr()), false,
                String.format(Locale.ROOT, "converged at edelt %.0e: back to edelt %.0e from that potential",
                        current.edeltRy(), user.edeltRy())));
    }
}
