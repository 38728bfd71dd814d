package org.kkr4j.ml.gp;

import java.util.SplittableRandom;

/**
 * Random Fourier features (Rahimi and Recht 2007) of a stationary ARD kernel: {@code phi_j(z) = sqrt(2 s2 / m)
 * cos(w_j . z + b_j)} with {@code w_j} drawn from the kernel's spectral density and {@code b_j} uniform on
 * {@code [0, 2 pi)}, so that {@code phi(a) . phi(b)} is an unbiased estimate of {@code k(a, b)}. The spectral
 * density of the squared exponential is Gaussian with covariance {@code diag(1 / l^2)}; that of Matérn 5/2 is a
 * multivariate Student t with 5 degrees of freedom and the same scale, drawn as a Gaussian divided by
 * {@code sqrt(chi2_5 / 5)}.
 */
public final class RandomFourierFeatures {
    private final double[][] omega;
    private final double[] phase;
    private final double amplitude;

    public RandomFourierFeatures(KernelType kernel, Hyperparameters h, int features, long seed) {
        if (features < 1) {
            throw new IllegalArgumentException("need at least one random feature, got " + features);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int d = h.dimension();
        double[] l = h.lengthScales();
        omega = new double[features][d];
        phase = new double[features];
        for (int j = 0; j < features; j++) {
            double t = 1.0;
            if (kernel == KernelType.MATERN52) {
                double chi2 = 0;
                for (int k = 0; k < 5; k++) {
                    double g = Gaussian.next(random);
                    chi2 += g * g;
                }
                t = 1.0 / Math.sqrt(chi2 / 5.0);
            }
            for (int k = 0; k < d; k++) {
                omega[j][k] = Gaussian.next(random) * t / l[k];
            }
            phase[j] = 2 * Math.PI * random.nextDouble();
        }
        amplitude = Math.sqrt(2 * h.signalVariance() / features);
    }

    public int size() {
        return phase.length;
    }

    /** The features of one standardised row. */
    public double[] map(double[] z) {
        double[] phi = new double[phase.length];
        for (int j = 0; j < phase.length; j++) {
            double[] w = omega[j];
            double s = phase[j];
            for (int k = 0; k < z.length; k++) {
                s += w[k] * z[k];
            }
            phi[j] = amplitude * Math.cos(s);
        }
        return phi;
    }
}
