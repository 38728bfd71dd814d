package org.kkr4j.ml.gp;

import org.kkr4j.ml.model.Standardiser;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.UncertainRegressor;

/**
 * A GP conditioned on its training rows, with fixed hyperparameters. Posterior mean and variance of many
 * candidates are computed one at a time ({@code O(n^2)} each, no candidate-by-candidate matrix), so 10^6
 * candidates need memory for the answers only. Provenance: {@link #hyperparameters()},
 * {@link #logMarginalLikelihood()} (in standardised units), {@link #kernel()}.
 */
public final class FittedGaussianProcess implements UncertainRegressor {
    private final KernelType kernel;
    private final Hyperparameters h;
    private final Standardiser xs;
    private final double yMean;
    private final double yScale;
    private final double[][] zx;
    private final double[] zy;
    private final CholeskyFactor chol;
    private final double[] alpha;
    private final double logMarginalLikelihood;

    private FittedGaussianProcess(KernelType kernel, Hyperparameters h, Standardiser xs, double yMean, double yScale,
                                  double[][] zx, double[] zy) {
        this.kernel = kernel;
        this.h = h;
        this.xs = xs;
        this.yMean = yMean;
        this.yScale = yScale;
        this.zx = zx;
        this.zy = zy;
        this.chol = CholeskyFactor.of(MarginalLikelihood.covariance(kernel, h, zx));
        this.alpha = chol.solve(zy);
        this.logMarginalLikelihood = MarginalLikelihood.of(chol, zy);
    }

    static FittedGaussianProcess condition(KernelType kernel, Hyperparameters h, Standardiser xs, double yMean,
                                           double yScale, double[][] zx, double[] zy) {
        return new FittedGaussianProcess(kernel, h, xs, yMean, yScale, zx, zy);
    }

    public KernelType kernel() {
        return kernel;
    }

    /** In standardised units (see {@link Hyperparameters}). */
    public Hyperparameters hyperparameters() {
        return h;
    }

    /** Length scales in the units of the input columns. */
    public double[] lengthScalesInInputUnits() {
        double[] l = h.lengthScales();
        for (int k = 0; k < l.length; k++) {
            l[k] *= xs.scales()[k];
        }
        return l;
    }

    /** Noise standard deviation in the target's units. */
    public double noiseStdInTargetUnits() {
        return Math.sqrt(h.noiseVariance()) * yScale;
    }

    /** Of the standardised targets. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    public int trainingSize() {
        return zy.length;
    }

    public String describe() {
        return "GP(" + kernel.label() + ", " + h + ", logML=" + logMarginalLikelihood + ", n=" + zy.length + ")";
    }

    /**
     * The same GP (hyperparameters and standardisation unchanged) conditioned also on {@code extraX} with values
     * {@code extraY}: kriging-believer fantasies and pending points for batches.
     */
    public FittedGaussianProcess withObservations(double[][] extraX, double[] extraY) {
        int n = zx.length;
        double[][] x2 = Arrays.copyOf(zx, n + extraX.length);
        double[] y2 = Arrays.copyOf(zy, n + extraY.length);
        for (int i = 0; i < extraX.length; i++) {
            x2[n + i] = xs.apply(extraX[i]);
            y2[n + i] = (extraY[i] - yMean) / yScale;
        }
        return new FittedGaussianProcess(kernel, h, xs, yMean, yScale, x2, y2);
    }

    @Override
    public Prediction predictWithUncertainty(double[] x) {
        double[] ms = standardisedMoments(xs.apply(x));
        return new Prediction(yMean + yScale * ms[0], yScale * Math.sqrt(ms[1]));
    }

    @Override
    public double[] predict(double[][] rows) {
        return posterior(rows).mean();
    }

    /** Candidates per block of {@link #posterior}: the block's n x B cross-covariance is the only matrix built. */
    static final int BLOCK = 512;

    /**
     * Posterior mean and std of the latent function at every row, computed in blocks of {@value #BLOCK} rows: one
     * triangular solve with B right-hand sides per block (cache-friendly, unlike B solves of one vector), memory
     * {@code n x B} whatever the number of rows.
     */
    public Posterior posterior(double[][] rows) {
        double[] mean = new double[rows.length];
        double[] std = new double[rows.length];
        int n = zx.length;
        for (int start = 0; start < rows.length; start += BLOCK) {
            int b = Math.min(BLOCK, rows.length - start);
            double[] k = new double[n * b];
            double[][] z = new double[b][];
            for (int c = 0; c < b; c++) {
                z[c] = xs.apply(rows[start + c]);
            }
            for (int i = 0; i < n; i++) {
                double[] xi = zx[i];
                int off = i * b;
                for (int c = 0; c < b; c++) {
                    k[off + c] = h.kernel(kernel, z[c], xi);
                }
            }
            double[] mu = new double[b];
            for (int i = 0; i < n; i++) {
                double a = alpha[i];
                int off = i * b;
                for (int c = 0; c < b; c++) {
                    mu[c] += a * k[off + c];
                }
            }
            chol.solveLowerInPlace(k, b);
            double[] q = new double[b];
            for (int i = 0; i < n; i++) {
                int off = i * b;
                for (int c = 0; c < b; c++) {
                    double v = k[off + c];
                    q[c] += v * v;
                }
            }
            for (int c = 0; c < b; c++) {
                mean[start + c] = yMean + yScale * mu[c];
                std[start + c] = yScale * Math.sqrt(Math.max(0.0, h.signalVariance() - q[c]));
            }
        }
        return new Posterior(mean, std);
    }

    /** Mean and variance (standardised units) at one standardised row. */
    private double[] standardisedMoments(double[] z) {
        int n = zx.length;
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = h.kernel(kernel, z, zx[i]);
            mean += k[i] * alpha[i];
        }
        double[] v = chol.solveLower(k);
        double q = 0;
        for (double a : v) {
            q += a * a;
        }
        double var = Math.max(0.0, h.signalVariance() - q);
        return new double[] {mean, var};
    }

    /**
     * One joint draw of the latent function at {@code rows} (m x m covariance: meant for a candidate subset of at
     * most a few thousand rows), in the target's units.
     */
    public double[] sampleJoint(double[][] rows, SplittableRandom random) {
        int m = rows.length;
        int n = zx.length;
        double[][] z = xs.apply(rows);
        double[][] v = new double[m][];
        double[] mean = new double[m];
        for (int a = 0; a < m; a++) {
            double[] k = new double[n];
            double mu = 0;
            for (int i = 0; i < n; i++) {
                k[i] = h.kernel(kernel, z[a], zx[i]);
                mu += k[i] * alpha[i];
            }
            mean[a] = mu;
            v[a] = chol.solveLower(k);
        }
        double[][] cov = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double c = h.kernel(kernel, z[a], z[b]);
                double[] va = v[a];
                double[] vb = v[b];
                for (int i = 0; i < n; i++) {
                    c -= va[i] * vb[i];
                }
                cov[a][b] = c;
                cov[b][a] = c;
            }
        }
        CholeskyFactor lc = CholeskyFactor.of(cov);
        double[] g = new double[m];
        for (int a = 0; a < m; a++) {
            g[a] = Gaussian.next(random);
        }
        double[] s = lc.multiplyLower(g);
        double[] out = new double[m];
        for (int a = 0; a < m; a++) {
            out[a] = yMean + yScale * (mean[a] + s[a]);
        }
        return out;
    }
}
