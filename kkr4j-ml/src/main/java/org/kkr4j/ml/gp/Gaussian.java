package org.kkr4j.ml.gp;

import java.util.SplittableRandom;

/** Standard normal density, distribution function and draws, in one place for the acquisitions. */
public final class Gaussian {
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private Gaussian() {
    }

    public static double pdf(double u) {
        return INV_SQRT_2PI * Math.exp(-0.5 * u * u);
    }

    public static double cdf(double u) {
        return 0.5 * org.hipparchus.special.Erf.erfc(-u / Math.sqrt(2));
    }

    /** A standard normal draw (Box-Muller; one of the pair is discarded to keep draws a pure function of the stream). */
    public static double next(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
