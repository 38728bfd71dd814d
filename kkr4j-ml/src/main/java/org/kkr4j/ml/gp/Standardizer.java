package org.kkr4j.ml.gp;

/**
 * Centres and scales each column by its training mean and standard deviation, so that one set of default bounds
 * on length scales and variances suits any units. A constant column keeps scale 1 (it then plays no role).
 */
public record Standardizer(double[] mean, double[] scale) {

    public static Standardizer of(double[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                col[i] = x[i][k];
            }
            double[] ms = meanAndStd(col);
            mean[k] = ms[0];
            scale[k] = ms[1] > 0 ? ms[1] : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** Mean and (population) standard deviation. */
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

    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            out[k] = (row[k] - mean[k]) / scale[k];
        }
        return out;
    }

    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }
}
