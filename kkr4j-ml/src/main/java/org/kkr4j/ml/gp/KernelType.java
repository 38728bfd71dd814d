package org.kkr4j.ml.gp;

/**
 * The stationary covariance functions offered, both with one length scale per input column (ARD).
 * {@code r} is the scaled distance {@code sqrt(sum_k ((a_k - b_k) / l_k)^2)}.
 */
public enum KernelType {
    /** {@code s2 exp(-r^2 / 2)}: infinitely smooth functions. */
    SQUARED_EXPONENTIAL,
    /** {@code s2 (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)}: twice differentiable, the usual default for BO. */
    MATERN52;

    private static final double SQRT5 = Math.sqrt(5.0);

    /** The kernel value for a squared scaled distance {@code r2} and signal variance {@code signalVariance}. */
    public double value(double r2, double signalVariance) {
        return switch (this) {
            case SQUARED_EXPONENTIAL -> signalVariance * Math.exp(-0.5 * r2);
            case MATERN52 -> {
                double r = Math.sqrt(r2);
                yield signalVariance * (1.0 + SQRT5 * r + 5.0 * r2 / 3.0) * Math.exp(-SQRT5 * r);
            }
        };
    }

    public String label() {
        return this == SQUARED_EXPONENTIAL ? "SE" : "Matern52";
    }
}
