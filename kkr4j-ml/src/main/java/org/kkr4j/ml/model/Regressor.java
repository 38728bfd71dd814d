package org.kkr4j.ml.model;

/**
 * A learning method with its settings (k-nearest neighbours with k = 5, a Gaussian process with an ARD Matérn
 * kernel, ...). Fitting never changes the regressor; the result is a {@link FittedRegressor}.
 */
public interface Regressor {
    /** What it is, with its settings, for reports ({@code "kNN(k=5, euclidean, standardised)"}). */
    String describe();

    /**
     * Fits on rows {@code x} with targets {@code y}.
     *
     * @param seed for every random choice the method makes (bootstrap, restarts), so that results repeat
     */
    FittedRegressor fit(double[][] x, double[] y, long seed);
}
