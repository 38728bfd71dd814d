package org.kkr4j.ml.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.validate.CrossValidation;
import org.kkr4j.ml.validate.Estimate;
import org.kkr4j.ml.validate.Metric;
import org.kkr4j.ml.validate.Metrics;
import org.kkr4j.ml.validate.Seeds;

/**
 * Permutation importance on held-out folds (Breiman 2001; grouped form after Gregorutti et al. 2017). In every
 * repeat and fold of a group-aware CV the model is fitted on the training folds; then, for each feature or family,
 * the held-out rows' values of those columns are shuffled among the held-out rows (one row permutation applied to
 * all columns of a family, so that values within a family stay together) and the held-out rows predicted again.
 * Per repeat and permutation, the out-of-fold predictions of all folds are pooled and the loss of the metric
 * against the unshuffled ones is one value; the result is their mean, spread and interval.
 *
 * <p>Shuffling correlated descriptors one at a time creates impossible alloys and splits the credit between them;
 * the family form answers "does this kind of property matter" more robustly.
 *
 * @param cv           folds, repeats and master seed
 * @param permutations shuffles per repeat, fold and feature (>= 1)
 * @param metric       the metric whose loss is measured
 */
public record PermutationImportance(CrossValidation cv, int permutations, Metric metric) {

    public PermutationImportance {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutation importance needs at least 1 permutation");
        }
    }

    public ImportanceResult ofFeatures(Regressor regressor, Dataset data) {
        return of(regressor, data, ColumnGroup.single(data.features()));
    }

    public ImportanceResult ofFamilies(Regressor regressor, Dataset data) {
        return of(regressor, data, ColumnGroup.families(data.features()));
    }

    public ImportanceResult of(Regressor regressor, Dataset data, List<ColumnGroup> groups) {
        int n = data.size();
        int g = groups.size();
        double[] baseline = new double[cv.repeats()];
        double[][] losses = new double[g][cv.repeats() * permutations];
        for (int r = 0; r < cv.repeats(); r++) {
            int[] fold = cv.foldsOf(data, r);
            double[] base = new double[n];
            double[][][] shuffled = new double[g][permutations][n];
            for (int f = 0; f < cv.folds(); f++) {
                final int ff = f;
                int[] test = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] == ff).toArray();
                int[] train = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
                Dataset training = data.rows(train);
                FittedRegressor fitted = regressor.fit(training.x(), training.y(), Seeds.derive(cv.seed(), 2, r, f));
                double[][] testX = data.rows(test).x();
                double[] p = fitted.predict(testX);
                for (int k = 0; k < test.length; k++) {
                    base[test[k]] = p[k];
                }
                for (int c = 0; c < g; c++) {
                    for (int q = 0; q < permutations; q++) {
                        int[] perm = permutation(test.length, new Random(Seeds.derive(cv.seed(), 8, r, f, c, q)));
                        double[][] xs = new double[test.length][];
                        for (int k = 0; k < test.length; k++) {
                            xs[k] = testX[k].clone();
                            for (int col : groups.get(c).columns()) {
                                xs[k][col] = testX[perm[k]][col];
                            }
                        }
                        double[] ps = fitted.predict(xs);
                        for (int k = 0; k < test.length; k++) {
                            shuffled[c][q][test[k]] = ps[k];
                        }
                    }
                }
            }
            double baseScore = metric.of(Metrics.of(data.y(), base));
            baseline[r] = baseScore;
            for (int c = 0; c < g; c++) {
                for (int q = 0; q < permutations; q++) {
                    double score = metric.of(Metrics.of(data.y(), shuffled[c][q]));
                    losses[c][r * permutations + q] = metric.higherIsBetter() ? baseScore - score : score - baseScore;
                }
            }
        }
        List<Importance> out = new ArrayList<>();
        for (int c = 0; c < g; c++) {
            out.add(new Importance(groups.get(c).name(), groups.get(c).columns().length, Estimate.of(losses[c])));
        }
        out.sort(Comparator.comparingDouble((Importance i) -> -i.increase().mean()));
        return new ImportanceResult(regressor.describe(), metric, Estimate.of(baseline), cv.folds(), cv.repeats(),
                permutations, out);
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
