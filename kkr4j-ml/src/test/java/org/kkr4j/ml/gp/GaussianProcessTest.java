package org.kkr4j.ml.gp;

import org.kkr4j.ml.model.Standardiser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.model.Prediction;

class GaussianProcessTest {

    private static double[][] randomRows(int n, int d, SplittableRandom r) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = r.nextDouble() * 4 - 2;
            }
        }
        return x;
    }

    @Test
    void withTinyNoiseThePosteriorReproducesTheTrainingTargets() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = randomRows(25, 3, r);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(x[i][0]) + x[i][1] * x[i][2] + 100;
        }
        for (KernelType kernel : KernelType.values()) {
            FittedGaussianProcess gp = GaussianProcessRegressor.of(kernel)
                    .withFixed(new Hyperparameters(new double[] {1.0, 1.5, 2.0}, 1.0, 1e-10)).fit(x, y, 0);
            for (int i = 0; i < y.length; i++) {
                Prediction p = gp.predictWithUncertainty(x[i]);
                assertEquals(y[i], p.mean(), 1e-4, kernel + " row " + i);
                assertTrue(p.std() < 1e-3, kernel + " std at a training row " + p.std());
            }
            // away from the data the posterior must not claim the same certainty
            assertTrue(gp.predictWithUncertainty(new double[] {10, 10, 10}).std() > 0.5);
        }
    }

    @Test
    void blockedPosteriorEqualsOneRowAtATime() {
        SplittableRandom r = new SplittableRandom(12);
        double[][] x = randomRows(60, 3, r);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.cos(x[i][0]) * x[i][2] - x[i][1];
        }
        FittedGaussianProcess gp = GaussianProcessRegressor.of(KernelType.MATERN52)
                .withFixed(new Hyperparameters(new double[] {0.7, 1.1, 2.0}, 1.5, 1e-3)).fit(x, y, 0);
        double[][] rows = randomRows(2 * FittedGaussianProcess.BLOCK + 77, 3, r);
        Posterior post = gp.posterior(rows);
        for (int i = 0; i < rows.length; i++) {
            Prediction p = gp.predictWithUncertainty(rows[i]);
            assertEquals(p.mean(), post.mean()[i], 1e-10);
            assertEquals(p.std(), post.std()[i], 1e-8);
        }
    }

    @Test
    void logMarginalLikelihoodMatchesBruteForceDeterminantAndInverse() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = randomRows(7, 2, r);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble() * 2 - 1;
        }
        for (KernelType kernel : KernelType.values()) {
            Hyperparameters h = new Hyperparameters(new double[] {0.8, 1.7}, 1.3, 0.05);
            double[][] k = new double[7][7];
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    double r2 = Math.pow((x[i][0] - x[j][0]) / 0.8, 2) + Math.pow((x[i][1] - x[j][1]) / 1.7, 2);
                    double rr = Math.sqrt(r2);
                    k[i][j] = kernel == KernelType.SQUARED_EXPONENTIAL ? 1.3 * Math.exp(-r2 / 2)
                            : 1.3 * (1 + Math.sqrt(5) * rr + 5 * r2 / 3) * Math.exp(-Math.sqrt(5) * rr);
                    if (i == j) {
                        k[i][j] += 0.05;
                    }
                }
            }
            double det = determinant(k);
            double[][] inv = inverse(k);
            double quad = 0;
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    quad += y[i] * inv[i][j] * y[j];
                }
            }
            double expected = -0.5 * quad - 0.5 * Math.log(det) - 3.5 * Math.log(2 * Math.PI);
            assertEquals(expected, MarginalLikelihood.of(kernel, h, x, y), 1e-9);
        }
    }

    /** Laplace expansion along the first row: independent of any factorisation. */
    static double determinant(double[][] a) {
        int n = a.length;
        if (n == 1) {
            return a[0][0];
        }
        double det = 0;
        for (int c = 0; c < n; c++) {
            double[][] minor = new double[n - 1][n - 1];
            for (int i = 1; i < n; i++) {
                for (int j = 0, jj = 0; j < n; j++) {
                    if (j != c) {
                        minor[i - 1][jj++] = a[i][j];
                    }
                }
            }
            det += (c % 2 == 0 ? 1 : -1) * a[0][c] * determinant(minor);
        }
        return det;
    }

    /** Gauss-Jordan with partial pivoting. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
                    p = i;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            double piv = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= piv;
            }
            for (int i = 0; i < n; i++) {
                if (i != c) {
                    double f = m[i][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[i][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    @Test
    void hyperparameterFitRecoversAKnownLengthScale() {
        // a draw from a GP prior with a known length scale in column 0; column 1 is irrelevant noise input
        SplittableRandom r = new SplittableRandom(3);
        int n = 120;
        double lTrue = 0.6;
        double noise = 1e-4;
        double[][] x = randomRows(n, 2, r);
        Hyperparameters truth = new Hyperparameters(new double[] {lTrue, 1e9}, 1.0, noise);
        double[][] k = MarginalLikelihood.covariance(KernelType.SQUARED_EXPONENTIAL, truth, x);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Gaussian.next(r);
        }
        double[] y = CholeskyFactor.of(k).multiplyLower(g);

        FittedGaussianProcess gp = GaussianProcessRegressor.of(KernelType.SQUARED_EXPONENTIAL).fit(x, y, 7);
        double lHat = gp.lengthScalesInInputUnits()[0];

        // tolerance from the data: the Laplace width of the likelihood in log l (other hyperparameters at the
        // fit), by a finite-difference second derivative; the estimate must lie within 4 widths of the truth
        Standardiser s = Standardiser.of(x);
        double[][] zx = s.apply(x);
        double[] ms = Moments.meanAndStd(y);
        double[] zy = new double[n];
        for (int i = 0; i < n; i++) {
            zy[i] = (y[i] - ms[0]) / ms[1];
        }
        Hyperparameters hh = gp.hyperparameters();
        double t0 = Math.log(hh.lengthScales()[0]);
        double step = 0.02;
        double[] f = new double[3];
        for (int j = -1; j <= 1; j++) {
            double[] l = hh.lengthScales();
            l[0] = Math.exp(t0 + j * step);
            f[j + 1] = MarginalLikelihood.of(KernelType.SQUARED_EXPONENTIAL,
                    new Hyperparameters(l, hh.signalVariance(), hh.noiseVariance()), zx, zy);
        }
        double curvature = -(f[0] - 2 * f[1] + f[2]) / (step * step);
        assertTrue(curvature > 0, "the fit is not at a maximum in log l: " + curvature);
        double width = 1 / Math.sqrt(curvature);
        assertTrue(Math.abs(Math.log(lHat / lTrue)) < 4 * width,
                "l fitted " + lHat + " vs true " + lTrue + ", 4 widths in log l = " + 4 * width);
        // the irrelevant column must get a length scale far beyond the data's spread (4 units)
        assertTrue(gp.lengthScalesInInputUnits()[1] > 4 * lHat * 3, "column 1 length " + gp.lengthScalesInInputUnits()[1]);
    }

    @Test
    void randomFeaturesApproachTheExactPosteriorAndRankOneUpdatesEqualRefitting() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] x = randomRows(40, 2, r);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(2 * x[i][0]) + 0.5 * x[i][1];
        }
        Hyperparameters h = new Hyperparameters(new double[] {0.8, 1.2}, 1.0, 1e-2);
        GaussianProcessRegressor gpr = GaussianProcessRegressor.of(KernelType.SQUARED_EXPONENTIAL).withFixed(h);
        FittedGaussianProcess exact = gpr.fit(x, y, 0);
        RandomFeatureModel blm = new RandomFeatureRegressor(gpr, 3000, 500).fit(x, y, 11);
        // the feature approximation error of k shrinks like 1/sqrt(m); with m = 3000 a few percent of the
        // target's spread is the expected size of the mean's error
        double[] ms = Moments.meanAndStd(y);
        double[][] probe = randomRows(30, 2, r);
        double worst = 0;
        for (double[] p : probe) {
            worst = Math.max(worst, Math.abs(exact.predict(p) - blm.predict(p)));
        }
        assertTrue(worst < 0.1 * ms[1], "max |exact - RFF| = " + worst + " vs target std " + ms[1]);

        RandomFeatureModel fewer = new RandomFeatureRegressor(gpr, 200, 500)
                .fit(java.util.Arrays.copyOf(x, 39), java.util.Arrays.copyOf(y, 39), 5);
        // same features only if the same seed and same standardisation: compare an update with a direct build
        RandomFeatureModel updated = fewer.withObservation(x[39], y[39]);
        RandomFeatureModel rebuilt = RandomFeatureModel.fit(featuresOf(gpr, h, 5),
                h, Standardiser.of(java.util.Arrays.copyOf(x, 39)), mean(java.util.Arrays.copyOf(y, 39)),
                scale(java.util.Arrays.copyOf(y, 39)), Standardiser.of(java.util.Arrays.copyOf(x, 39)).apply(x),
                standardise(y, java.util.Arrays.copyOf(y, 39)));
        for (double[] p : probe) {
            Prediction a = updated.predictWithUncertainty(p);
            Prediction b = rebuilt.predictWithUncertainty(p);
            assertEquals(b.mean(), a.mean(), 1e-8);
            assertEquals(b.std(), a.std(), 1e-8);
        }
    }

    /** The features RandomFeatureRegressor draws for seed 5 with fixed hyperparameters. */
    private static RandomFourierFeatures featuresOf(GaussianProcessRegressor gpr, Hyperparameters h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new RandomFourierFeatures(gpr.kernel(), h, 200, random.nextLong());
    }

    private static double mean(double[] v) {
        return Moments.meanAndStd(v)[0];
    }

    private static double scale(double[] v) {
        return Moments.meanAndStd(v)[1];
    }

    private static double[] standardise(double[] all, double[] basis) {
        double m = mean(basis);
        double s = scale(basis);
        double[] out = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = (all[i] - m) / s;
        }
        return out;
    }
}
