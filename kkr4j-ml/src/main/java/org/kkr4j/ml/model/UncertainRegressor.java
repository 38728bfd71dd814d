package org.kkr4j.ml.model;

/** A fitted model that also says how sure it is (Gaussian processes, committees): what AL and BO need. */
public interface UncertainRegressor extends FittedRegressor {
    Prediction predictWithUncertainty(double[] x);

    @Override
    default double predict(double[] x) {
        return predictWithUncertainty(x).mean();
    }
}
