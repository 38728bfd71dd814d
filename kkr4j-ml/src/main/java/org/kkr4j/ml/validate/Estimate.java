package org.kkr4j.ml.validate;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The mean of repeated values (one per CV repeat, say) with a two-sided 95 % Student-t confidence interval:
 * {@code mean +- t(0.975, n-1) * sd / sqrt(n)}. Repeats of cross-validation share their rows, so the interval
 * describes the variability due to the random split, not a sampling interval for new data. With one value the
 * spread and interval are NaN.
 *
 * @param mean              mean of the values
 * @param standardDeviation sample standard deviation (n - 1)
 * @param low               lower end of the 95 % interval
 * @param high              upper end of the 95 % interval
 * @param count             number of values
 */
public record Estimate(double mean, double standardDeviation, double low, double high, int count) {
    public static final double LEVEL = 0.95;

    public static Estimate of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("an estimate needs at least one value");
        }
        double mean = Arrays.stream(values).sum() / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2) * sd / Math.sqrt(n);
        return new Estimate(mean, sd, mean - half, mean + half, n);
    }

    /** Whether the interval lies entirely on one side of zero. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
