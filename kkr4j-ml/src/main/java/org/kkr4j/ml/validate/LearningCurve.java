package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.model.Regressor;

/**
 * Validation metrics against training-set size, group-aware: in every repeat and fold, the model learns from a
 * growing share of the training groups (whole groups, taken in a seeded random order, so that each smaller training
 * set is part of each larger one) and predicts the full held-out fold.
 *
 * @param model  what was validated
 * @param folds  K
 * @param repeats R
 * @param seed   master seed
 * @param points one per training fraction, ascending
 */
public record LearningCurve(String model, int folds, int repeats, long seed, List<Point> points) {

    public LearningCurve {
        points = List.copyOf(points);
    }

    /**
     * One size.
     *
     * @param fraction     requested share of the training rows
     * @param trainingRows mean number of training rows actually used (whole groups, so slightly more)
     * @param r2           R^2 over repeats
     * @param mae          MAE over repeats
     * @param rmse         RMSE over repeats
     */
    public record Point(double fraction, double trainingRows, Estimate r2, Estimate mae, Estimate rmse) {
    }

    /** Computes the curve with the folds of {@code cv} (same splits as {@code cv.run} on the same data). */
    public static LearningCurve compute(Regressor regressor, Dataset data, CrossValidation cv, double[] fractions) {
        CrossValidation.checkTarget(data);
        double[] fs = fractions.clone();
        Arrays.sort(fs);
        for (double f : fs) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("training fractions must lie in (0, 1], got " + f);
            }
        }
        double[][][] perRepeat = new double[fs.length][cv.repeats()][];
        double[] rowsUsed = new double[fs.length];
        for (int r = 0; r < cv.repeats(); r++) {
            int[] fold = cv.foldsOf(data, r);
            double[][] predicted = new double[fs.length][data.size()];
            for (int f = 0; f < cv.folds(); f++) {
                int[] test = GroupKFold.rowsOf(fold, f, true);
                List<List<Integer>> groups = groupsInOrder(data, GroupKFold.rowsOf(fold, f, false),
                        Seeds.derive(cv.seed(), 6, r, f));
                int trainingRows = groups.stream().mapToInt(List::size).sum();
                for (int s = 0; s < fs.length; s++) {
                    List<Integer> chosen = new ArrayList<>();
                    for (List<Integer> g : groups) {
                        if (chosen.size() >= fs[s] * trainingRows && !chosen.isEmpty()) {
                            break;
                        }
                        chosen.addAll(g);
                    }
                    Dataset training = data.rows(chosen.stream().mapToInt(Integer::intValue).toArray());
                    double[] p = regressor.fit(training.x(), training.y(), Seeds.derive(cv.seed(), 7, r, f, s))
                            .predict(data.rows(test).x());
                    for (int k = 0; k < test.length; k++) {
                        predicted[s][test[k]] = p[k];
                    }
                    rowsUsed[s] += chosen.size();
                }
            }
            for (int s = 0; s < fs.length; s++) {
                Metrics m = Metrics.of(data.y(), predicted[s]);
                perRepeat[s][r] = new double[] {m.r2(), m.mae(), m.rmse()};
            }
        }
        List<Point> points = new ArrayList<>();
        for (int s = 0; s < fs.length; s++) {
            double[][] v = perRepeat[s];
            points.add(new Point(fs[s], rowsUsed[s] / (cv.repeats() * cv.folds()),
                    Estimate.of(Arrays.stream(v).mapToDouble(m -> m[0]).toArray()),
                    Estimate.of(Arrays.stream(v).mapToDouble(m -> m[1]).toArray()),
                    Estimate.of(Arrays.stream(v).mapToDouble(m -> m[2]).toArray())));
        }
        return new LearningCurve(regressor.describe(), cv.folds(), cv.repeats(), cv.seed(), points);
    }

    private static List<List<Integer>> groupsInOrder(Dataset data, int[] rows, long seed) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i : rows) {
            byGroup.computeIfAbsent(data.groups().get(i), g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byGroup.values());
        Collections.shuffle(groups, new Random(seed));
        return groups;
    }
}
