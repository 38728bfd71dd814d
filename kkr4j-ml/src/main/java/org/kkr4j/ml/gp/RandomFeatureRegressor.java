package org.kkr4j.ml.gp;

import org.kkr4j.ml.model.Standardiser;

import java.util.Objects;
import java.util.SplittableRandom;
import org.kkr4j.ml.model.Regressor;

/**
 * PHYSBO-style Bayesian linear regression on random Fourier features (ml.md 3.2): the GP's kernel is replaced by
 * {@code m} random features, so the posterior costs {@code O(m^2)} per observation and a Thompson sample costs
 * {@code O(m d)} per candidate whatever the training size. Hyperparameters come from a GP fitted on at most
 * {@code maxHyperparameterRows} training rows (a seeded subsample), or are fixed in {@code gp}.
 *
 * @param gp                     kernel, bounds, restarts (or fixed hyperparameters) of the underlying GP
 * @param features               number of random features m
 * @param maxHyperparameterRows  subsample size for the likelihood fit
 */
public record RandomFeatureRegressor(GaussianProcessRegressor gp, int features, int maxHyperparameterRows)
        implements Regressor {

    public RandomFeatureRegressor {
        Objects.requireNonNull(gp, "gp");
        if (features < 1 || maxHyperparameterRows < 2) {
            throw new IllegalArgumentException("features >= 1 and maxHyperparameterRows >= 2 needed: " + features
                    + ", " + maxHyperparameterRows);
        }
    }

    public static RandomFeatureRegressor of(int features) {
        return new RandomFeatureRegressor(GaussianProcessRegressor.defaults(), features, 500);
    }

    @Override
    public String describe() {
        return "BLM(" + features + " random Fourier features of " + gp.describe() + ")";
    }

    @Override
    public RandomFeatureModel fit(double[][] x, double[] y, long seed) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need >= 2 rows with one target each: " + x.length + " rows, "
                    + y.length + " targets");
        }
        Standardiser xs = Standardiser.of(x);
        double[] ms = Moments.meanAndStd(y);
        double yScale = ms[1] > 0 ? ms[1] : 1.0;
        double[][] zx = xs.apply(x);
        double[] zy = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            zy[i] = (y[i] - ms[0]) / yScale;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Hyperparameters h = gp.fixed();
        if (h == null) {
            int[] subset = subsample(x.length, maxHyperparameterRows, random);
            double[][] sx = new double[subset.length][];
            double[] sy = new double[subset.length];
            for (int i = 0; i < subset.length; i++) {
                sx[i] = zx[subset[i]];
                sy[i] = zy[subset[i]];
            }
            h = HyperparameterFit.maximise(gp.kernel(), gp.bounds(), sx, sy, gp.restarts(), random.nextLong())
                    .hyperparameters();
        }
        RandomFourierFeatures rff = new RandomFourierFeatures(gp.kernel(), h, features, random.nextLong());
        return RandomFeatureModel.fit(rff, h, xs, ms[0], yScale, zx, zy);
    }

    /** A seeded choice of min(n, k) distinct indices (partial Fisher-Yates). */
    static int[] subsample(int n, int k, SplittableRandom random) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int m = Math.min(n, k);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return java.util.Arrays.copyOf(idx, m);
    }
}
