package org.kkr4j.ml.model;

/**
 * A fitted linear model in the units of the input columns: {@code intercept + sum_j coefficients[j] * x[j]}. What
 * ridge and lasso give; its coefficients are the model's own explanation.
 *
 * @param intercept    value at x = 0
 * @param coefficients one per column, in target units per column unit
 */
public record LinearModel(double intercept, double[] coefficients) implements FittedRegressor {

    public LinearModel {
        coefficients = coefficients.clone();
    }

    /** The same model, given by its coefficients on standardised columns. */
    static LinearModel fromStandardised(double interceptStd, double[] betaStd, Standardiser s) {
        double[] beta = new double[betaStd.length];
        double intercept = interceptStd;
        for (int j = 0; j < beta.length; j++) {
            beta[j] = betaStd[j] / s.scales()[j];
            intercept -= beta[j] * s.means()[j];
        }
        return new LinearModel(intercept, beta);
    }

    @Override
    public double predict(double[] x) {
        if (x.length != coefficients.length) {
            throw new IllegalArgumentException("row has " + x.length + " values, the model " + coefficients.length);
        }
        double s = intercept;
        for (int j = 0; j < x.length; j++) {
            s += coefficients[j] * x[j];
        }
        return s;
    }
}
