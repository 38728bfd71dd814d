package org.kkr4j.ml.gp;

import org.kkr4j.ml.model.Standardiser;

import java.util.SplittableRandom;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.UncertainRegressor;

/**
 * The posterior of the Bayesian linear model {@code f(z) = phi(z) . w}, prior {@code w ~ N(0, I)}, noise variance
 * {@code s_n^2}: {@code w | D ~ N(A^-1 b, A^-1)} with {@code A = I + Phi^T Phi / s_n^2} and
 * {@code b = Phi^T y / s_n^2}. {@code A} is kept as its Cholesky factor and grown by rank-one updates, so adding
 * an observation costs {@code O(m^2)}. Immutable: {@link #withObservation} returns a new model.
 */
public final class RandomFeatureModel implements UncertainRegressor {
    private final RandomFourierFeatures rff;
    private final Hyperparameters h;
    private final Standardiser xs;
    private final double yMean;
    private final double yScale;
    private final double[][] lower;
    private final double[] b;
    private final double[] weightMean;
    private final int observations;

    private RandomFeatureModel(RandomFourierFeatures rff, Hyperparameters h, Standardiser xs, double yMean,
                               double yScale, double[][] lower, double[] b, int observations) {
        this.rff = rff;
        this.h = h;
        this.xs = xs;
        this.yMean = yMean;
        this.yScale = yScale;
        this.lower = lower;
        this.b = b;
        this.observations = observations;
        this.weightMean = solveUpper(solveLower(b));
    }

    static RandomFeatureModel fit(RandomFourierFeatures rff, Hyperparameters h, Standardiser xs, double yMean,
                                  double yScale, double[][] zx, double[] zy) {
        int m = rff.size();
        double[][] l = new double[m][m];
        for (int j = 0; j < m; j++) {
            l[j][j] = 1.0;
        }
        double[] b = new double[m];
        double sn = Math.sqrt(h.noiseVariance());
        for (int i = 0; i < zx.length; i++) {
            double[] phi = rff.map(zx[i]);
            for (int j = 0; j < m; j++) {
                b[j] += phi[j] * zy[i] / h.noiseVariance();
                phi[j] /= sn;
            }
            rankOneUpdate(l, phi);
        }
        return new RandomFeatureModel(rff, h, xs, yMean, yScale, l, b, zx.length);
    }

    public Hyperparameters hyperparameters() {
        return h;
    }

    public int features() {
        return rff.size();
    }

    public int observations() {
        return observations;
    }

    /** The model after one more observation (rank-one update of the factor). */
    public RandomFeatureModel withObservation(double[] x, double y) {
        int m = rff.size();
        double[][] l = new double[m][];
        for (int j = 0; j < m; j++) {
            l[j] = lower[j].clone();
        }
        double[] b2 = b.clone();
        double[] phi = rff.map(xs.apply(x));
        double zy = (y - yMean) / yScale;
        double sn = Math.sqrt(h.noiseVariance());
        for (int j = 0; j < m; j++) {
            b2[j] += phi[j] * zy / h.noiseVariance();
            phi[j] /= sn;
        }
        rankOneUpdate(l, phi);
        return new RandomFeatureModel(rff, h, xs, yMean, yScale, l, b2, observations + 1);
    }

    @Override
    public Prediction predictWithUncertainty(double[] x) {
        double[] phi = rff.map(xs.apply(x));
        double mean = 0;
        for (int j = 0; j < phi.length; j++) {
            mean += phi[j] * weightMean[j];
        }
        double[] v = solveLower(phi);
        double var = 0;
        for (double a : v) {
            var += a * a;
        }
        return new Prediction(yMean + yScale * mean, yScale * Math.sqrt(var));
    }

    public Posterior posterior(double[][] rows) {
        double[] mean = new double[rows.length];
        double[] std = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Prediction p = predictWithUncertainty(rows[i]);
            mean[i] = p.mean();
            std[i] = p.std();
        }
        return new Posterior(mean, std);
    }

    /** One posterior draw of the weights: a whole function, evaluated at any row in {@code O(m d)}. */
    public Sample sample(SplittableRandom random) {
        double[] g = new double[rff.size()];
        for (int j = 0; j < g.length; j++) {
            g[j] = Gaussian.next(random);
        }
        double[] dev = solveUpper(g);
        double[] w = new double[g.length];
        for (int j = 0; j < g.length; j++) {
            w[j] = weightMean[j] + dev[j];
        }
        return new Sample(w);
    }

    /** A function drawn from the posterior. */
    public final class Sample {
        private final double[] w;

        private Sample(double[] w) {
            this.w = w;
        }

        public double value(double[] x) {
            double[] phi = rff.map(xs.apply(x));
            double s = 0;
            for (int j = 0; j < phi.length; j++) {
                s += phi[j] * w[j];
            }
            return yMean + yScale * s;
        }
    }

    /** {@code L L^T + v v^T}, in place (v is used as work space). */
    static void rankOneUpdate(double[][] l, double[] v) {
        int m = v.length;
        for (int k = 0; k < m; k++) {
            double lkk = l[k][k];
            double r = Math.hypot(lkk, v[k]);
            double c = r / lkk;
            double s = v[k] / lkk;
            l[k][k] = r;
            for (int i = k + 1; i < m; i++) {
                l[i][k] = (l[i][k] + s * v[i]) / c;
                v[i] = c * v[i] - s * l[i][k];
            }
        }
    }

    private double[] solveLower(double[] rhs) {
        int m = rhs.length;
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            double s = rhs[i];
            double[] row = lower[i];
            for (int j = 0; j < i; j++) {
                s -= row[j] * x[j];
            }
            x[i] = s / row[i];
        }
        return x;
    }

    private double[] solveUpper(double[] rhs) {
        int m = rhs.length;
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int j = i + 1; j < m; j++) {
                s -= lower[j][i] * x[j];
            }
            x[i] = s / lower[i][i];
        }
        return x;
    }
}
