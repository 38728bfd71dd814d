package org.kkr4j.ml.model;

/**
 * The baseline every model has to beat: predicts the mean target of its training rows, whatever the input.
 */
public record MeanRegressor() implements Regressor {

    @Override
    public String describe() {
        return "mean of the training targets";
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        double mean = Shapes.mean(y);
        return row -> mean;
    }
}
