package org.kkr4j.ml.bo;

/**
 * A single-objective acquisition function, in the maximisation convention (the optimiser flips signs for
 * {@link Direction#MINIMISE}). {@code best} is the best value observed so far.
 */
public sealed interface Acquisition {

    String describe();

    /** Expected improvement over {@code best + xi}. */
    record ExpectedImprovement(double xi) implements Acquisition {
        public String describe() {
            return "EI(xi=" + xi + ")";
        }
    }

    /** Probability of improving on {@code best + xi}. */
    record ProbabilityOfImprovement(double xi) implements Acquisition {
        public String describe() {
            return "PI(xi=" + xi + ")";
        }
    }

    /** {@code mean + kappa std}. */
    record UpperConfidenceBound(double kappa) implements Acquisition {
        public String describe() {
            return "UCB(kappa=" + kappa + ")";
        }
    }

    /**
     * The argmax of one posterior draw. With random-feature models the draw is a whole function; with an exact
     * GP it is a joint draw over at most {@code jointCandidates} candidates (a seeded random subset when the pool
     * is larger), since a joint draw needs their covariance matrix.
     */
    record ThompsonSampling(int jointCandidates) implements Acquisition {
        public ThompsonSampling {
            if (jointCandidates < 1) {
                throw new IllegalArgumentException("jointCandidates must be >= 1, got " + jointCandidates);
            }
        }

        public String describe() {
            return "TS";
        }
    }

    static Acquisition ei() {
        return new ExpectedImprovement(0.0);
    }

    static Acquisition pi() {
        return new ProbabilityOfImprovement(0.0);
    }

    static Acquisition ucb(double kappa) {
        return new UpperConfidenceBound(kappa);
    }

    static Acquisition thompson() {
        return new ThompsonSampling(2000);
    }

    /** The closed forms, for a Gaussian posterior {@code N(mean, std^2)}. */
    static double expectedImprovement(double mean, double std, double best, double xi) {
        double gain = mean - best - xi;
        if (std <= 0) {
            return Math.max(0.0, gain);
        }
        double u = gain / std;
        return gain * org.kkr4j.ml.gp.Gaussian.cdf(u) + std * org.kkr4j.ml.gp.Gaussian.pdf(u);
    }

    static double probabilityOfImprovement(double mean, double std, double best, double xi) {
        double gain = mean - best - xi;
        if (std <= 0) {
            return gain > 0 ? 1.0 : 0.0;
        }
        return org.kkr4j.ml.gp.Gaussian.cdf(gain / std);
    }
}
