package org.kkr4j.ml.gp;

/** Mean and population standard deviation of the training targets, for standardising them. */
public final class Moments {
    private Moments() {
    }

    public static double[] meanAndStd(double[] v) {
        double m = 0;
        for (double a : v) {
            m += a;
        }
        m /= v.length;
        double s = 0;
        for (double a : v) {
            s += (a - m) * (a - m);
        }
        return new double[] {m, Math.sqrt(s / v.length)};
    }
}
