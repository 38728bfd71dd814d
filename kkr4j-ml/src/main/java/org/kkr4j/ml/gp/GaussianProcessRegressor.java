package org.kkr4j.ml.gp;

import org.kkr4j.ml.model.Standardiser;

import java.util.Objects;
import org.kkr4j.ml.model.Regressor;

/**
 * Gaussian-process regression with an ARD kernel: inputs and targets are standardised on the training rows, the
 * hyperparameters are fitted by type-II maximum likelihood ({@link HyperparameterFit}) unless fixed ones are
 * given. Fitting gives a {@link FittedGaussianProcess}, which is an {@code UncertainRegressor}.
 *
 * @param kernel   covariance function
 * @param bounds   search box of the hyperparameters (and noise floor)
 * @param restarts random starts of the optimiser besides the default start
 * @param fixed    hyperparameters to use without fitting, or null to fit them
 */
public record GaussianProcessRegressor(KernelType kernel, HyperparameterBounds bounds, int restarts,
                                       Hyperparameters fixed) implements Regressor {

    public GaussianProcessRegressor {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(bounds, "bounds");
        if (restarts < 0) {
            throw new IllegalArgumentException("restarts must be >= 0, got " + restarts);
        }
    }

    /** Matérn 5/2, default bounds, 4 random restarts. */
    public static GaussianProcessRegressor defaults() {
        return new GaussianProcessRegressor(KernelType.MATERN52, HyperparameterBounds.defaults(), 4, null);
    }

    public static GaussianProcessRegressor of(KernelType kernel) {
        return new GaussianProcessRegressor(kernel, HyperparameterBounds.defaults(), 4, null);
    }

    public GaussianProcessRegressor withFixed(Hyperparameters hyperparameters) {
        return new GaussianProcessRegressor(kernel, bounds, restarts, hyperparameters);
    }

    public GaussianProcessRegressor withRestarts(int n) {
        return new GaussianProcessRegressor(kernel, bounds, n, fixed);
    }

    @Override
    public String describe() {
        return "GP(" + kernel.label() + ", ARD, " + (fixed == null ? "type-II ML, " + (restarts + 1) + " starts" : "fixed")
                + ", noise floor " + bounds.noiseFloor() + ")";
    }

    @Override
    public FittedGaussianProcess fit(double[][] x, double[] y, long seed) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows, " + y.length + " targets");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a GP needs at least 2 training rows, got " + x.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target of training row " + i + " is not finite: " + y[i]);
            }
        }
        Standardiser xs = Standardiser.of(x);
        double[] ms = Moments.meanAndStd(y);
        double yScale = ms[1] > 0 ? ms[1] : 1.0;
        double[][] zx = xs.apply(x);
        double[] zy = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            zy[i] = (y[i] - ms[0]) / yScale;
        }
        Hyperparameters h;
        if (fixed != null) {
            if (fixed.dimension() != x[0].length) {
                throw new IllegalArgumentException("fixed hyperparameters have " + fixed.dimension()
                        + " length scales for " + x[0].length + " columns");
            }
            h = fixed;
        } else {
            h = HyperparameterFit.maximise(kernel, bounds, zx, zy, restarts, seed).hyperparameters();
        }
        return FittedGaussianProcess.condition(kernel, h, xs, ms[0], yScale, zx, zy);
    }
}
