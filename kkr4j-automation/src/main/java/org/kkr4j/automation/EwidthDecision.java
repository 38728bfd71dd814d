package org.kkr4j.automation;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The outcome of a gap judgement: keep the current ewidth, move to another, no valid ewidth in range, or
 * inconclusive (the DOS cannot decide, e.g. it comes from an unconverged potential: converge at the current
 * ewidth and judge again); with a reason per region and, for a vote, the decision of every member.
 */
public record EwidthDecision(Kind kind, double currentEwidthRy, OptionalDouble proposedEwidthRy,
                             GapThresholds thresholds, List<String> reasons, boolean relaxed, boolean windowLimited,
                             List<EwidthDecision> votes) {
    public enum Kind { KEEP, MOVE, NO_VALID_EWIDTH, INCONCLUSIVE }

    public EwidthDecision {
        reasons = List.copyOf(reasons);
        votes = List.copyOf(votes);
        if (kind == Kind.MOVE && proposedEwidthRy.isEmpty()) {
            throw new IllegalArgumentException("a move needs a proposed ewidth");
        }
    }

    /**
     * The ewidth to run next: the current one on keep and when inconclusive (go on converging there), the
     * proposal on move, none when no valid ewidth exists.
     */
    public OptionalDouble nextEwidthRy() {
        return switch (kind) {
            case KEEP, INCONCLUSIVE -> OptionalDouble.of(currentEwidthRy);
            case MOVE -> proposedEwidthRy;
            case NO_VALID_EWIDTH -> OptionalDouble.empty();
        };
    }

    public String summary() {
        return switch (kind) {
            case KEEP -> String.format(java.util.Locale.ROOT, "keep %.4f", currentEwidthRy);
            case MOVE -> String.format(java.util.Locale.ROOT, "move %.4f -> %.4f", currentEwidthRy,
                    proposedEwidthRy.getAsDouble());
            case NO_VALID_EWIDTH -> "no valid ewidth";
            case INCONCLUSIVE -> String.format(java.util.Locale.ROOT, "inconclusive at %.4f", currentEwidthRy);
        };
    }
}
