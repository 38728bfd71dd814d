package org.kkr4j.ml.validate;

/** A regression score, and which way is better. */
public enum Metric {
    /** Coefficient of determination, 1 - SS_res / SS_tot around the mean of the scored rows. */
    R2(true),
    /** Mean absolute error, in target units. */
    MAE(false),
    /** Root-mean-square error, in target units. */
    RMSE(false);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(Metrics m) {
        return switch (this) {
            case R2 -> m.r2();
            case MAE -> m.mae();
            case RMSE -> m.rmse();
        };
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }
}
