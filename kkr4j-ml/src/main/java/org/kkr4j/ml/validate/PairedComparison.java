package org.kkr4j.ml.validate;

/**
 * Two models validated on the same splits, compared repeat by repeat: the difference {@code a - b} of each metric
 * in each repeat, with its mean and 95 % interval over repeats. Pairing removes the split-to-split variation both
 * share, so a difference whose interval excludes zero is a real one for these data (e.g. a model beats the mean
 * predictor when the MAE difference lies below zero).
 *
 * @param a    the first model
 * @param b    the second model
 * @param r2   R^2(a) - R^2(b)
 * @param mae  MAE(a) - MAE(b)
 * @param rmse RMSE(a) - RMSE(b)
 */
public record PairedComparison(String a, String b, Estimate r2, Estimate mae, Estimate rmse) {

    public static PairedComparison of(CvResult a, CvResult b) {
        if (a.repeats() != b.repeats() || a.folds() != b.folds() || !a.foldPlan().equals(b.foldPlan())) {
            throw new IllegalArgumentException("paired comparison needs the same splits: " + a.model() + " and "
                    + b.model() + " were validated on different folds");
        }
        return new PairedComparison(a.model(), b.model(), difference(a, b, Metric.R2), difference(a, b, Metric.MAE),
                difference(a, b, Metric.RMSE));
    }

    private static Estimate difference(CvResult a, CvResult b, Metric metric) {
        double[] va = a.values(metric);
        double[] vb = b.values(metric);
        double[] d = new double[va.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = va[i] - vb[i];
        }
        return Estimate.of(d);
    }

    public Estimate estimate(Metric metric) {
        return switch (metric) {
            case R2 -> r2;
            case MAE -> mae;
            case RMSE -> rmse;
        };
    }
}
