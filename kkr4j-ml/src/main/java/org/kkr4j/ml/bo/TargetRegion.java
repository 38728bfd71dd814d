package org.kkr4j.ml.bo;

import org.kkr4j.ml.gp.Gaussian;

/**
 * A box of wanted objective values (in the objectives' own units and signs): objective {@code k} is wanted in
 * {@code [lower_k, upper_k]}; an infinite bound leaves that side open. With independent Gaussian predictions the
 * probability of landing in the box is the product of the per-objective interval probabilities.
 */
public record TargetRegion(double[] lower, double[] upper) {
    public TargetRegion {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("a target region needs one interval per objective: " + lower.length
                    + " lower, " + upper.length + " upper bounds");
        }
        lower = lower.clone();
        upper = upper.clone();
        for (int k = 0; k < lower.length; k++) {
            if (Double.isNaN(lower[k]) || Double.isNaN(upper[k]) || !(lower[k] < upper[k])) {
                throw new IllegalArgumentException("target interval " + k + " is empty or undefined: [" + lower[k]
                        + ", " + upper[k] + "]");
            }
        }
    }

    public int objectives() {
        return lower.length;
    }

    public boolean contains(double[] y) {
        for (int k = 0; k < lower.length; k++) {
            if (y[k] < lower[k] || y[k] > upper[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code prod_k [Phi((upper_k - mean_k) / std_k) - Phi((lower_k - mean_k) / std_k)]}. */
    public double probability(double[] mean, double[] std) {
        double p = 1;
        for (int k = 0; k < lower.length; k++) {
            p *= intervalProbability(mean[k], std[k], lower[k], upper[k]);
        }
        return p;
    }

    static double intervalProbability(double mean, double std, double lo, double hi) {
        if (std <= 0) {
            return mean >= lo && mean <= hi ? 1 : 0;
        }
        double a = Double.isInfinite(lo) ? 0 : Gaussian.cdf((lo - mean) / std);
        double b = Double.isInfinite(hi) ? 1 : Gaussian.cdf((hi - mean) / std);
        return Math.max(0, b - a);
    }
}
