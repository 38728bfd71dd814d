package org.kkr4j.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.KNearestNeighbours;
import org.kkr4j.ml.model.KnnDistance;
import org.kkr4j.ml.model.LinearModel;

class ShapleyTest {
    private static double[][] gaussianRows(Random rnd, int n, int d) {
        double[][] rows = new double[n][d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                r[j] = rnd.nextGaussian();
            }
        }
        return rows;
    }

    private static List<ColumnGroup> singles(int d) {
        List<ColumnGroup> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            out.add(new ColumnGroup("x" + j, new int[] {j}));
        }
        return out;
    }

    @Test
    void linearModelValuesAreCoefficientTimesDistanceFromTheBackgroundMean() {
        Random rnd = new Random(1);
        double[][] background = gaussianRows(rnd, 10, 4);
        double[] w = {2, -1, 0, 3};
        LinearModel model = new LinearModel(0.5, w);
        double[] x = {1.5, -0.3, 7, 0.2};
        ShapleyExplanation e = new Shapley(model, background, singles(4)).exact(x);
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            for (double[] b : background) {
                mean += b[j] / background.length;
            }
            assertThat(e.values()[j]).as("x%d", j).isCloseTo(w[j] * (x[j] - mean), within(1e-12));
        }
        assertThat(e.values()[2]).isEqualTo(0.0); // a column the model ignores gets nothing
        // grouped players: a family's value is the sum of its members' linear terms
        ShapleyExplanation grouped = new Shapley(model, background,
                List.of(new ColumnGroup("a", new int[] {0, 1}), new ColumnGroup("b", new int[] {2, 3}))).exact(x);
        assertThat(grouped.values()[0]).isCloseTo(e.values()[0] + e.values()[1], within(1e-12));
        assertThat(grouped.values()[1]).isCloseTo(e.values()[2] + e.values()[3], within(1e-12));
    }

    @Test
    void exactValuesOfANonlinearModelSumToPredictionMinusMeanPredictionAndMatchTheOrderingDefinition() {
        Random rnd = new Random(2);
        double[][] train = gaussianRows(rnd, 80, 4);
        double[] y = new double[80];
        for (int i = 0; i < 80; i++) {
            y[i] = train[i][0] * train[i][1] + Math.sin(3 * train[i][2]) + 0.1 * train[i][3];
        }
        FittedRegressor knn = new KNearestNeighbours(3, KnnDistance.EUCLIDEAN).fit(train, y, 0);
        double[][] background = gaussianRows(rnd, 12, 4);
        double[] x = {0.7, -1.2, 0.4, 2.0};
        ShapleyExplanation e = new Shapley(knn, background, singles(4)).exact(x);
        double meanPrediction = 0;
        for (double p : knn.predict(background)) {
            meanPrediction += p / background.length;
        }
        assertThat(e.prediction()).isCloseTo(knn.predict(x), within(1e-12));
        assertThat(e.baseValue()).isCloseTo(meanPrediction, within(1e-12));
        assertThat(java.util.Arrays.stream(e.values()).sum()).isCloseTo(knn.predict(x) - meanPrediction,
                within(1e-9));
        // second method: the average marginal contribution over all 4! orderings
        double[] byOrderings = new double[4];
        List<int[]> orderings = new ArrayList<>();
        permute(new int[] {0, 1, 2, 3}, 0, orderings);
        for (int[] order : orderings) {
            boolean[] present = new boolean[4];
            double before = coalitionValue(knn, background, x, present);
            for (int player : order) {
                present[player] = true;
                double after = coalitionValue(knn, background, x, present);
                byOrderings[player] += (after - before) / orderings.size();
                before = after;
            }
        }
        for (int j = 0; j < 4; j++) {
            assertThat(e.values()[j]).isCloseTo(byOrderings[j], within(1e-9));
        }
    }

    @Test
    void samplingAgreesWithExactWithinItsStandardErrors() {
        int d = 14; // above the exact limit: explain() samples
        FittedRegressor model = r -> {
            double s = r[0] * r[1] + Math.sin(r[2]) + r[3] * r[3];
            for (int j = 4; j < r.length; j++) {
                s += 0.1 * j * r[j];
            }
            return s;
        };
        Random rnd = new Random(4);
        double[][] background = gaussianRows(rnd, 20, d);
        double[] x = gaussianRows(rnd, 1, d)[0];
        Shapley shapley = new Shapley(model, background, singles(d));
        ShapleyExplanation sampled = shapley.explain(x, 3000, 99);
        assertThat(sampled.method()).isEqualTo("sampled");
        ShapleyExplanation exact = shapley.exact(x);
        for (int j = 0; j < d; j++) {
            // 5 standard errors: a correct estimator fails this for some player with probability ~ 14 x 6e-7;
            // the absolute term covers players whose contributions never vary (se 0)
            assertThat(sampled.values()[j]).as("x%d", j).isCloseTo(exact.values()[j],
                    within(5 * sampled.standardErrors()[j] + 1e-9));
        }
        // efficiency holds exactly against the background rows actually drawn
        assertThat(java.util.Arrays.stream(sampled.values()).sum() + sampled.baseValue())
                .isCloseTo(model.predict(x), within(1e-9));
    }

    @Test
    void exactEnumerationRefusesTooManyPlayers() {
        FittedRegressor zero = r -> 0;
        assertThatThrownBy(() -> new Shapley(zero, new double[1][21], singles(21)).exact(new double[21]))
                .hasMessageContaining("not supported");
    }

    private static double coalitionValue(FittedRegressor f, double[][] background, double[] x, boolean[] present) {
        double s = 0;
        for (double[] b : background) {
            double[] row = b.clone();
            for (int j = 0; j < present.length; j++) {
                if (present[j]) {
                    row[j] = x[j];
                }
            }
            s += f.predict(row);
        }
        return s / background.length;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }
}
