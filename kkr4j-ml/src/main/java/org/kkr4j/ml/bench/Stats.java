package org.kkr4j.ml.bench;

import java.util.Arrays;

/** Order statistics and the paired Wilcoxon signed-rank test used in benchmark reports. */
public final class Stats {
    private Stats() {
    }

    /** Quantile with linear interpolation between order statistics (q in [0, 1]). */
    public static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * Two-sided p-value of the Wilcoxon signed-rank test of paired differences {@code a - b}, normal approximation
     * with tie-corrected variance (zero differences dropped); 1 when all differences are zero.
     */
    public static double wilcoxonP(double[] a, double[] b) {
        int n = 0;
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d[n++] = a[i] - b[i];
            }
        }
        if (n == 0) {
            return 1.0;
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(d[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(abs[x], abs[y]));
        double[] rank = new double[n];
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && abs[order[j + 1]] == abs[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                wPlus += rank[i];
            }
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2 * n + 1) / 24.0 - tieTerm / 48.0;
        if (var <= 0) {
            return 1.0;
        }
        double z = (Math.abs(wPlus - mean) - 0.5) / Math.sqrt(var);
        return Math.min(1.0, 2 * (1 - org.kkr4j.ml.gp.Gaussian.cdf(Math.max(z, 0))));
    }
}
