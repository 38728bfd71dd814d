package org.kkr4j.ml.gp;

/**
 * The log marginal likelihood of a zero-mean GP with Gaussian noise:
 * {@code log p(y | X, theta) = -y^T K^-1 y / 2 - log det K / 2 - n log(2 pi) / 2}, {@code K = K_f + noise I},
 * computed through one Cholesky factorisation.
 */
public final class MarginalLikelihood {
    private MarginalLikelihood() {
    }

    /** The kernel matrix of the rows plus the noise variance on the diagonal. */
    public static double[][] covariance(KernelType kernel, Hyperparameters h, double[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = h.kernel(kernel, x[i], x[j]);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] = h.signalVariance() + h.noiseVariance();
        }
        return k;
    }

    /** The log marginal likelihood of targets {@code y} at rows {@code x} (both in the GP's standardised units). */
    public static double of(KernelType kernel, Hyperparameters h, double[][] x, double[] y) {
        CholeskyFactor l = CholeskyFactor.of(covariance(kernel, h, x));
        return of(l, y);
    }

    static double of(CholeskyFactor l, double[] y) {
        double[] v = l.solveLower(y);
        double quad = 0;
        for (double a : v) {
            quad += a * a;
        }
        return -0.5 * quad - 0.5 * l.logDeterminant() - 0.5 * y.length * Math.log(2 * Math.PI);
    }
}
