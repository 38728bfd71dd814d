package org.kkr4j.ml.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repeated group-aware K-fold cross-validation of one model (or one nested selection procedure): metrics per
 * repeat (from the pooled out-of-fold predictions of that repeat), their means with 95 % intervals over repeats,
 * what was fitted in each fold, and every out-of-fold prediction for parity plots. Serialises with Jackson.
 *
 * @param model       what was validated
 * @param target      target name
 * @param folds       K
 * @param repeats     R
 * @param seed        master seed (folds of repeat r are derived from it)
 * @param rows        number of rows
 * @param groups      number of distinct groups
 * @param perRepeat   metrics of each repeat
 * @param r2          R^2 over repeats
 * @param mae         MAE over repeats
 * @param rmse        RMSE over repeats
 * @param choices     what was fitted in each (repeat, fold)
 * @param predictions out-of-fold predictions, repeat by repeat, in row order
 */
public record CvResult(String model, String target, int folds, int repeats, long seed, int rows, int groups,
                       List<Metrics> perRepeat, Estimate r2, Estimate mae, Estimate rmse, List<FoldChoice> choices,
                       List<OutOfFoldPrediction> predictions) {

    public CvResult {
        perRepeat = List.copyOf(perRepeat);
        choices = List.copyOf(choices);
        predictions = List.copyOf(predictions);
    }

    public Estimate estimate(Metric metric) {
        return switch (metric) {
            case R2 -> r2;
            case MAE -> mae;
            case RMSE -> rmse;
        };
    }

    /** The values of one metric, one per repeat. */
    public double[] values(Metric metric) {
        return perRepeat.stream().mapToDouble(metric::of).toArray();
    }

    /** The fold of each (repeat, row id), to check that two results used the same splits. */
    Map<String, Integer> foldPlan() {
        Map<String, Integer> plan = new HashMap<>();
        for (OutOfFoldPrediction p : predictions) {
            plan.put(p.repeat() + "\u0000" + p.rowId(), p.fold());
        }
        return plan;
    }

    /** The out-of-fold predictions as CSV (header {@code repeat,fold,row_id,group,observed,predicted}). */
    public String predictionsCsv() {
        StringBuilder sb = new StringBuilder("repeat,fold,row_id,group,observed,predicted\n");
        for (OutOfFoldPrediction p : predictions) {
            sb.append(p.repeat()).append(',').append(p.fold()).append(',').append(Csv.field(p.rowId())).append(',')
                    .append(Csv.field(p.group())).append(',').append(String.format(Locale.ROOT, "%.10g", p.observed()))
                    .append(',').append(String.format(Locale.ROOT, "%.10g", p.predicted())).append('\n');
        }
        return sb.toString();
    }
}
