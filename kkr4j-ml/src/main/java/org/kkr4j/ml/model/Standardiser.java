package org.kkr4j.ml.model;

/**
 * Centres and scales each column with the mean and standard deviation of the rows it was made from (the training
 * rows only, so that validation never sees statistics of the test rows). A constant column keeps scale 1: it
 * becomes all zeros instead of NaN, and then carries no weight in distances or penalties.
 *
 * @param means  column means
 * @param scales column standard deviations (population form), 1 for constant columns
 */
public record Standardiser(double[] means, double[] scales) {

    public Standardiser {
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means for " + scales.length + " scales");
        }
        means = means.clone();
        scales = scales.clone();
    }

    /** Statistics of the columns of {@code x} (at least one row). */
    public static Standardiser of(double[][] x) {
        Shapes.check(x);
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double r = row[j] - mean[j];
                scale[j] += r * r;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / x.length);
            // relative threshold: a column equal up to rounding is constant
            scale[j] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? sd : 1.0;
        }
        return new Standardiser(mean, scale);
    }

    public int dimension() {
        return means.length;
    }

    public double[] apply(double[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the model " + means.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - means[j]) / scales[j];
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
