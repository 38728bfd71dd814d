package org.kkr4j.ml.model;

/**
 * A prediction with its uncertainty: the posterior mean and standard deviation of the latent function (a
 * Gaussian process), or the mean and spread of a committee.
 */
public record Prediction(double mean, double std) {
    public Prediction {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("a standard deviation must be >= 0, got " + std);
        }
    }
}
