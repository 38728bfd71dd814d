package org.kkr4j.ml.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.model.KNearestNeighbours;
import org.kkr4j.ml.model.KnnDistance;
import org.kkr4j.ml.model.MeanRegressor;
import org.kkr4j.ml.model.Regressor;

class ValidationTest {
    private final Dataset data = SyntheticData.make(40, 1);

    @Test
    void groupFoldsKeepEachGroupWholeAndAreBalancedWithinTheLargestGroup() {
        for (long seed = 0; seed < 20; seed++) {
            int[] fold = new GroupKFold(5, seed).assign(data.groups());
            Map<String, Integer> foldOfGroup = new HashMap<>();
            int[] sizes = new int[5];
            for (int i = 0; i < fold.length; i++) {
                Integer before = foldOfGroup.putIfAbsent(data.groups().get(i), fold[i]);
                assertThat(before == null || before == fold[i]).as("group %s split", data.groups().get(i)).isTrue();
                sizes[fold[i]]++;
            }
            // greedy filling of the emptiest fold, largest groups first: no fold exceeds another by more than the
            // largest group (4 rows here)
            int spread = Arrays.stream(sizes).max().orElseThrow() - Arrays.stream(sizes).min().orElseThrow();
            assertThat(spread).isLessThanOrEqualTo(4);
            assertThat(new GroupKFold(5, seed).assign(data.groups())).containsExactly(fold);
        }
    }

    @Test
    void tooFewGroupsOrRowsOrAConstantTargetAreClearErrors() {
        assertThatThrownBy(() -> new GroupKFold(3, 0).assign(List.of("a", "a", "b", "b")))
                .hasMessageContaining("fewer groups (2) than folds (3)");
        assertThatThrownBy(() -> new GroupKFold(5, 0).assign(List.of("a", "b"))).hasMessageContaining(
                "fewer rows (2) than folds (5)");
        Dataset constant = new Dataset(data.features(), data.x(), new double[data.size()], data.target(),
                data.rowIds(), data.groups());
        assertThatThrownBy(() -> new CrossValidation(5, 2, 0).run(new MeanRegressor(), constant))
                .hasMessageContaining("is constant");
    }

    @Test
    void outOfFoldPredictionsComeFromModelsThatNeverSawTheRowsGroup() {
        List<SpyRegressor.Call> log = SpyRegressor.newLog();
        CvResult result = new CrossValidation(4, 3, 9).run(new SpyRegressor("spy", log), data);
        assertThat(log).hasSize(12);
        for (SpyRegressor.Call call : log) {
            Set<String> trainedGroups = new HashSet<>();
            call.trained().forEach(i -> trainedGroups.add(data.groups().get(i)));
            for (int i : call.predicted()) {
                assertThat(trainedGroups).doesNotContain(data.groups().get(i));
            }
            // and the training side is every other row: fold test rows plus training rows make up the data
            assertThat(call.trained().size() + call.predicted().size()).isEqualTo(data.size());
        }
        assertThat(result.predictions()).hasSize(3 * data.size());
    }

    @Test
    void meanPredictorOutOfFoldValuesAndMetricsMatchABruteForceComputation() {
        CrossValidation cv = new CrossValidation(5, 4, 3);
        CvResult result = cv.run(new MeanRegressor(), data);
        double[] maes = new double[4];
        for (int r = 0; r < 4; r++) {
            int[] fold = cv.foldsOf(data, r);
            double abs = 0;
            for (int i = 0; i < data.size(); i++) {
                final int f = fold[i];
                double expected = IntStream.range(0, data.size()).filter(j -> fold[j] != f)
                        .mapToDouble(j -> data.y()[j]).average().orElseThrow();
                var p = result.predictions().get(r * data.size() + i);
                assertThat(p.rowId()).isEqualTo(data.rowIds().get(i));
                assertThat(p.fold()).isEqualTo(f);
                assertThat(p.predicted()).isCloseTo(expected, within(1e-12));
                abs += Math.abs(expected - data.y()[i]);
            }
            maes[r] = abs / data.size();
            assertThat(result.perRepeat().get(r).mae()).isCloseTo(maes[r], within(1e-12));
        }
        double mean = Arrays.stream(maes).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(maes).map(v -> (v - mean) * (v - mean)).sum() / 3);
        // Student t quantile t(0.975, 3) = 3.182446 (tables)
        assertThat(result.mae().mean()).isCloseTo(mean, within(1e-12));
        assertThat(result.mae().high() - mean).isCloseTo(3.182446 * sd / 2, within(1e-6));
    }

    @Test
    void metricsMatchTheirDefinitions() {
        Metrics m = Metrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 3, 3, 2});
        assertThat(m.mae()).isCloseTo(0.75, within(1e-15));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(5.0 / 4), within(1e-15));
        assertThat(m.r2()).isCloseTo(1 - 5.0 / 5.0, within(1e-15));
    }

    @Test
    void nestedSelectionNeverSeesTheOuterTestRows() {
        List<SpyRegressor.Call> log = SpyRegressor.newLog();
        List<Regressor> candidates = List.of(new SpyRegressor("a", log), new SpyRegressor("b", log),
                new SpyRegressor("c", log));
        CrossValidation outer = new CrossValidation(4, 2, 5);
        int inner = 3;
        new NestedCrossValidation(candidates, inner, Metric.MAE).run(outer, data);
        // calls come fold by fold: 3 candidates x 3 inner folds, then one refit on the outer training rows
        int perFold = candidates.size() * inner + 1;
        assertThat(log).hasSize(2 * 4 * perFold);
        for (int r = 0; r < 2; r++) {
            int[] fold = outer.foldsOf(data, r);
            for (int f = 0; f < 4; f++) {
                final int ff = f;
                Set<Integer> outerTest = new HashSet<>();
                IntStream.range(0, data.size()).filter(i -> fold[i] == ff).forEach(outerTest::add);
                int start = (r * 4 + f) * perFold;
                for (int c = start; c < start + perFold - 1; c++) {
                    SpyRegressor.Call call = log.get(c);
                    assertThat(call.trained()).doesNotContainAnyElementsOf(outerTest);
                    assertThat(call.predicted()).doesNotContainAnyElementsOf(outerTest);
                    assertThat(call.predicted()).doesNotContainAnyElementsOf(call.trained());
                }
                SpyRegressor.Call refit = log.get(start + perFold - 1);
                assertThat(refit.predicted()).isEqualTo(outerTest);
                assertThat(refit.trained()).doesNotContainAnyElementsOf(outerTest)
                        .hasSize(data.size() - outerTest.size());
            }
        }
    }

    @Test
    void nestedSelectionChoosesTheCandidateWithTheBestInnerScore() {
        NestedCrossValidation nested = new NestedCrossValidation(
                Grids.knn(new int[] {1, 3, 5, 9, 15}, KnnDistance.EUCLIDEAN, KnnDistance.MANHATTAN), 4, Metric.RMSE);
        Selection s = nested.select(data.columns(new int[] {2}), 11);
        double best = Arrays.stream(s.scores()).min().orElseThrow();
        assertThat(s.scores()[s.chosen()]).isEqualTo(best);
        assertThat(IntStream.range(0, s.chosen()).mapToDouble(i -> s.scores()[i])).allMatch(v -> v > best);
        CvResult result = nested.run(new CrossValidation(4, 2, 1), data.columns(new int[] {2}));
        assertThat(result.choices()).hasSize(8).allMatch(c -> c.model().startsWith("kNN("));
    }

    @Test
    void learningCurveAtFullSizeEqualsPlainCrossValidationAndGrows() {
        CrossValidation cv = new CrossValidation(4, 3, 2);
        Regressor knn = new KNearestNeighbours(3, KnnDistance.EUCLIDEAN);
        Dataset signal = data.columns(new int[] {2});
        LearningCurve curve = LearningCurve.compute(knn, signal, cv, new double[] {0.25, 0.5, 1.0});
        CvResult plain = cv.run(knn, signal);
        LearningCurve.Point full = curve.points().get(2);
        assertThat(full.mae().mean()).isCloseTo(plain.mae().mean(), within(1e-12));
        assertThat(full.trainingRows()).isCloseTo(signal.size() * 3.0 / 4, within(signal.size() * 0.1));
        assertThat(curve.points().get(0).trainingRows()).isLessThan(curve.points().get(1).trainingRows());
        assertThat(curve.points().get(0).trainingRows()).isGreaterThanOrEqualTo(0.25 * signal.size() * 0.5);
    }

    @Test
    void pairedComparisonNeedsTheSameSplits() {
        CvResult a = new CrossValidation(4, 3, 2).run(new MeanRegressor(), data);
        CvResult b = new CrossValidation(4, 3, 3).run(new MeanRegressor(), data);
        assertThatThrownBy(() -> PairedComparison.of(a, b)).hasMessageContaining("different folds");
        PairedComparison same = PairedComparison.of(a, new CrossValidation(4, 3, 2).run(new MeanRegressor(), data));
        assertThat(same.mae().mean()).isEqualTo(0.0);
    }

    @Test
    void resultsSurviveAJsonRoundTripAndWriteCsv() throws Exception {
        CvResult result = new CrossValidation(3, 2, 4).run(new KNearestNeighbours(2, KnnDistance.MANHATTAN), data);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue(json.writeValueAsString(result), CvResult.class)).isEqualTo(result);
        LearningCurve curve = LearningCurve.compute(new MeanRegressor(), data, new CrossValidation(3, 1, 4),
                new double[] {0.5, 1});
        assertThat(json.readValue(json.writeValueAsString(curve), LearningCurve.class)).isEqualTo(curve);
        String[] lines = result.predictionsCsv().split("\n");
        assertThat(lines).hasSize(1 + 2 * data.size());
        assertThat(lines[0]).isEqualTo("repeat,fold,row_id,group,observed,predicted");
    }
}
