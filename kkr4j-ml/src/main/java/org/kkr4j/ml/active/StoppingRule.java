package org.kkr4j.ml.active;

/**
 * When an AL campaign stops: after {@code budget} oracle requests (labels and failures alike, since both cost a
 * calculation), or as soon as the mean predicted standard deviation over the candidates still unlabelled falls
 * below {@code targetMeanStd} (in the target's units): the model then claims to know the rest of the pool well
 * enough. With a committee the standard deviation is its spread.
 */
public record StoppingRule(int budget, double targetMeanStd) {
    public StoppingRule {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1, got " + budget);
        }
        if (!(targetMeanStd >= 0)) {
            throw new IllegalArgumentException("target mean std must be >= 0, got " + targetMeanStd);
        }
    }

    /** Only the budget. */
    public static StoppingRule budget(int budget) {
        return new StoppingRule(budget, 0);
    }
}
