package org.kkr4j.ml.bo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.gp.FittedGaussianProcess;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.gp.Hyperparameters;
import org.kkr4j.ml.gp.KernelType;
import org.kkr4j.ml.model.Prediction;

class BayesianOptimizerTest {

    private static final GaussianProcessRegressor FIXED = GaussianProcessRegressor.of(KernelType.MATERN52)
            .withFixed(Hyperparameters.isotropic(1, 0.5, 1.0, 1e-4));

    @Test
    void theSuggestionOverAMillionCandidatesMaximisesTheAcquisition() {
        int n = 1_000_000;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i / (double) n};
        }
        CandidateSet pool = CandidateSet.of(x);
        int[] labelled = {1000, 300_000, 500_000, 900_000};
        double[] y = new double[labelled.length];
        for (int k = 0; k < labelled.length; k++) {
            y[k] = Math.sin(5 * x[labelled[k]][0]);
        }
        BayesianOptimizer bo = new BayesianOptimizer(FIXED, Acquisition.ei(), Direction.MINIMISE);
        Suggestion s = bo.suggest(pool, labelled, y, new int[0], 1, 1).get(0);
        // a second computation of the same score on a random sample of 20,000 candidates (minimising: signs flip)
        FittedGaussianProcess gp = FIXED.fit(pool.rows(labelled), negate(y), 0);
        double best = -java.util.Arrays.stream(y).min().orElseThrow();
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20_000; t++) {
            int i = r.nextInt(n);
            Prediction p = gp.predictWithUncertainty(x[i]);
            assertTrue(bo.score(p.mean(), p.std(), best) <= s.acquisition() + 1e-12);
        }
        Prediction at = gp.predictWithUncertainty(x[s.index()]);
        assertEquals(-at.mean(), s.mean()[0], 1e-9);
        assertEquals(bo.score(at.mean(), at.std(), best), s.acquisition(), 1e-12);
    }

    private static double[] negate(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = -v[i];
        }
        return o;
    }

    @Test
    void batchesAvoidLabelledAndPendingCandidatesAndSpreadOut() {
        double[][] x = new double[200][];
        for (int i = 0; i < 200; i++) {
            x[i] = new double[] {i / 199.0};
        }
        CandidateSet pool = CandidateSet.of(x);
        int[] labelled = {0, 50, 199};
        double[] y = {0.0, 1.0, 0.2};
        int[] pending = {120};
        for (Acquisition a : List.of(Acquisition.ei(), Acquisition.pi(), Acquisition.ucb(2), Acquisition.thompson())) {
            List<Suggestion> batch = new BayesianOptimizer(FIXED, a, Direction.MAXIMISE)
                    .suggest(pool, labelled, y, pending, 4, 7);
            assertEquals(4, batch.size(), a.describe());
            Set<Integer> seen = new HashSet<>();
            for (Suggestion s : batch) {
                assertTrue(seen.add(s.index()), a.describe() + " suggested " + s.index() + " twice");
                assertFalse(s.index() == 0 || s.index() == 50 || s.index() == 199 || s.index() == 120);
            }
            if (!(a instanceof Acquisition.ThompsonSampling)) {
                // kriging believer: a fantasy at a chosen point makes its neighbours uninformative, so the batch
                // is not four adjacent candidates
                int spread = batch.stream().mapToInt(Suggestion::index).max().orElseThrow()
                        - batch.stream().mapToInt(Suggestion::index).min().orElseThrow();
                assertTrue(spread > 3, a.describe() + " batch " + batch);
            }
        }
    }

    @Test
    void multiObjectiveEhviAndTargetRegionSuggestUnlabelledCandidatesWithTheirPredictions() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[80][];
        double[][] f = new double[80][];
        for (int i = 0; i < 80; i++) {
            double a = r.nextDouble();
            double b = r.nextDouble();
            x[i] = new double[] {a, b};
            f[i] = new double[] {a + 0.1 * b, 1 - a * a + 0.1 * b};
        }
        CandidateSet pool = CandidateSet.of(x);
        int[] labelled = {0, 1, 2, 3, 4, 5, 6, 7};
        double[][] y = new double[labelled.length][];
        for (int k = 0; k < labelled.length; k++) {
            y[k] = f[labelled[k]];
        }
        GaussianProcessRegressor gp = GaussianProcessRegressor.of(KernelType.MATERN52)
                .withFixed(Hyperparameters.isotropic(2, 1.0, 1.0, 1e-4));
        List<Direction> dirs = List.of(Direction.MAXIMISE, Direction.MAXIMISE);
        double[] ref = {0, 0};
        MultiObjectiveOptimizer ehvi = MultiObjectiveOptimizer.of(gp, dirs,
                new MultiObjectiveAcquisition.ExpectedHypervolumeImprovement(ref, 1));
        List<Suggestion> s = ehvi.suggest(pool, labelled, y, new int[0], 3, 1);
        assertEquals(3, s.size());
        FittedGaussianProcess g0 = gp.fit(pool.rows(labelled), column(y, 0), 0);
        FittedGaussianProcess g1 = gp.fit(pool.rows(labelled), column(y, 1), 0);
        Suggestion first = s.get(0);
        double[] mean = {g0.predict(x[first.index()]), g1.predict(x[first.index()])};
        double[] std = {g0.predictWithUncertainty(x[first.index()]).std(),
                g1.predictWithUncertainty(x[first.index()]).std()};
        assertEquals(mean[0], first.mean()[0], 1e-9);
        assertEquals(HypervolumeImprovement.expected2d(y, ref, mean, std), first.acquisition(), 1e-12);
        for (int i = 8; i < 80; i++) {
            double[] m = {g0.predict(x[i]), g1.predict(x[i])};
            double[] sd = {g0.predictWithUncertainty(x[i]).std(), g1.predictWithUncertainty(x[i]).std()};
            assertTrue(HypervolumeImprovement.expected2d(y, ref, m, sd) <= first.acquisition() + 1e-12);
        }
        TargetRegion box = new TargetRegion(new double[] {0.8, 0.3}, new double[] {1.2, 0.6});
        Suggestion t = MultiObjectiveOptimizer.of(gp, dirs, new MultiObjectiveAcquisition.TargetRegionProbability(box))
                .suggest(pool, labelled, y, new int[0], 1, 1).get(0);
        assertEquals(box.probability(t.mean(), t.std()), t.acquisition(), 1e-12);
    }

    private static double[] column(double[][] y, int j) {
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][j];
        }
        return c;
    }
}
