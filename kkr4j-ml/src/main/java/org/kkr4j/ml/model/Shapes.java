package org.kkr4j.ml.model;

/** Checks of training input shared by the regressors: the same messages everywhere. */
final class Shapes {
    private Shapes() {
    }

    static void check(double[][] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("training row " + i + " has " + x[i].length
                        + " values, row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("training row " + i + ", column " + j + " is " + x[i][j]);
                }
            }
        }
    }

    static void check(double[][] x, double[] y) {
        check(x);
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " training rows for " + y.length + " targets");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target of training row " + i + " is " + y[i]);
            }
        }
    }

    static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
