package org.kkr4j.ml.validate;

/**
 * R^2, MAE and RMSE of predictions against observations (pooled over all scored rows).
 *
 * @param r2   1 - SS_res / SS_tot (SS_tot around the mean of the observations); NaN when they are all equal
 * @param mae  mean absolute error, target units
 * @param rmse root-mean-square error, target units
 */
public record Metrics(double r2, double mae, double rmse) {

    public static Metrics of(double[] observed, double[] predicted) {
        if (observed.length != predicted.length || observed.length == 0) {
            throw new IllegalArgumentException("metrics need as many predictions as observations (>= 1), got "
                    + predicted.length + " and " + observed.length);
        }
        int n = observed.length;
        double mean = 0;
        for (double v : observed) {
            mean += v;
        }
        mean /= n;
        double abs = 0;
        double sq = 0;
        double tot = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - observed[i];
            abs += Math.abs(e);
            sq += e * e;
            tot += (observed[i] - mean) * (observed[i] - mean);
        }
        return new Metrics(tot > 0 ? 1 - sq / tot : Double.NaN, abs / n, Math.sqrt(sq / n));
    }
}
