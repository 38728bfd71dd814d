package org.kkr4j.ml.gp;

/**
 * Posterior mean and standard deviation of the latent function at many rows, in the target's units.
 */
public record Posterior(double[] mean, double[] std) {
    public Posterior {
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means, " + std.length + " standard deviations");
        }
    }

    public int size() {
        return mean.length;
    }
}
