package org.kkr4j.ml.model;

/** A fitted model: predicts the target of a row of descriptor values. */
public interface FittedRegressor {
    double predict(double[] x);

    /** Predictions for many rows (implementations may do better than one at a time). */
    default double[] predict(double[][] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = predict(xs[i]);
        }
        return out;
    }
}
