package org.kkr4j.ml.model;

/**
 * Lasso whose penalty is a fraction of the smallest penalty that zeroes every coefficient on the rows it is fitted
 * on: {@code lambda = ratio * lambdaMax(training rows)}. A grid of ratios means the same on every training set, and
 * choosing the grid needs no look at any rows (a grid of absolute lambdas taken from the whole dataset would).
 * Ratios below ~0.01 with fewer rows than descriptors approach interpolation, where coordinate descent crawls; the
 * fit then fails with a clear error rather than returning an unconverged model.
 *
 * @param ratio in (0, 1]
 */
public record ScaledLasso(double ratio) implements Regressor {

    public ScaledLasso {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("lasso penalty ratio must lie in (0, 1], got " + ratio);
        }
    }

    @Override
    public String describe() {
        return "lasso(lambda=" + ratio + " lambdaMax, standardised)";
    }

    @Override
    public LinearModel fit(double[][] x, double[] y, long seed) {
        return new Lasso(ratio * Lasso.lambdaMax(x, y)).fit(x, y, seed);
    }
}
