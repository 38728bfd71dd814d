package org.kkr4j.ml.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bench.Campaign;
import org.kkr4j.ml.bench.Stats;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.gp.KernelType;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Regressor;

class ActiveLearnerTest {

    private static final int N = 150;

    private static CandidateSet pool() {
        double[][] x = new double[N][];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {i / (N - 1.0)};
        }
        return CandidateSet.of(x);
    }

    private static double[] truth() {
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double a = i / (N - 1.0);
            y[i] = Math.sin(7 * a) + 0.5 * Math.cos(17 * a);
        }
        return y;
    }

    private static final GaussianProcessRegressor GP = GaussianProcessRegressor.of(KernelType.MATERN52).withRestarts(1);

    @Test
    void failedCalculationsAreNoLabelsCountedAgainstTheBudgetAndNeverRetried() {
        double[] y = truth();
        for (int i = 0; i < N; i += 3) {
            y[i] = Double.NaN;
        }
        int[] init = {1, 3, 50, 100};
        LearningCurve curve = new ActiveLearner(GP, ActiveLearner.Strategy.UNCERTAINTY, StoppingRule.budget(20), 2)
                .run(pool(), TableOracle.of("f", y), init, null, 1);
        assertTrue(curve.failed().contains(3), "candidate 3 had no value");
        for (int i : curve.failed()) {
            assertTrue(Double.isNaN(y[i]));
        }
        for (int i : curve.labelled()) {
            assertFalse(Double.isNaN(y[i]));
        }
        assertEquals(20, curve.labelled().size() + curve.failed().size());
        Set<Integer> all = new HashSet<>(curve.labelled());
        all.addAll(curve.failed());
        assertEquals(20, all.size(), "a candidate was asked for twice");
        assertTrue(curve.stopReason().startsWith("budget"));
    }

    @Test
    void stopsWhenThePredictedErrorOverThePoolIsBelowTheTarget() {
        double[] y = truth();
        ActiveLearner learner = new ActiveLearner(GP, ActiveLearner.Strategy.UNCERTAINTY,
                new StoppingRule(N, 0.02), 1);
        LearningCurve curve = learner.run(pool(), TableOracle.of("f", y), new int[] {10, 140}, y, 2);
        assertTrue(curve.stopReason().startsWith("mean predicted std"), curve.stopReason());
        assertTrue(curve.last().meanPoolStd() < 0.02);
        assertTrue(curve.labelled().size() < N / 2, "stopped after " + curve.labelled().size() + " labels");
        for (int k = 0; k + 1 < curve.points().size(); k++) {
            assertTrue(curve.points().get(k).meanPoolStd() >= 0.02, "the rule fired late at point " + k);
        }
    }

    @Test
    void uncertaintySamplingLearnsASmoothFunctionFasterThanRandom() {
        double[] y = truth();
        StoppingRule stop = StoppingRule.budget(14);
        ActiveLearner us = new ActiveLearner(GP, ActiveLearner.Strategy.UNCERTAINTY, stop, 1);
        ActiveLearner random = new ActiveLearner(GP, ActiveLearner.Strategy.RANDOM, stop, 1);
        int seeds = 10;
        double[] a = new double[seeds];
        double[] b = new double[seeds];
        int wins = 0;
        for (int s = 0; s < seeds; s++) {
            int[] init = Campaign.initialDesign(N, 4, s);
            a[s] = us.run(pool(), TableOracle.of("f", y), init, y, s).last().rmse();
            b[s] = random.run(pool(), TableOracle.of("f", y), init, y, s).last().rmse();
            wins += a[s] < b[s] ? 1 : 0;
        }
        assertTrue(Stats.median(a) < Stats.median(b), "median RMSE " + Stats.median(a) + " vs " + Stats.median(b));
        assertTrue(wins >= 7, "uncertainty sampling better on " + wins + " of " + seeds + " seeds");
    }

    /** Predicts the mean of its training targets. */
    private record MeanRegressor() implements Regressor {
        public String describe() {
            return "mean";
        }

        public FittedRegressor fit(double[][] x, double[] y, long seed) {
            double m = java.util.Arrays.stream(y).average().orElseThrow();
            return row -> m;
        }
    }

    @Test
    void committeeSpreadOfTheMeanIsTheBootstrapStandardError() {
        double[] y = new double[40];
        double[][] x = new double[40][1];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i * 37 % 11) - 3.0;
        }
        int members = 4000;
        BootstrapCommittee.Fitted c = new BootstrapCommittee(new MeanRegressor(), members).fit(x, y, 3);
        double[] ms = org.kkr4j.ml.gp.Moments.meanAndStd(y);
        // the bootstrap mean of n draws has standard deviation sigma / sqrt(n) (sigma: population std of y); the
        // spread of M members estimates it with relative standard error about 1 / sqrt(2 (M - 1)); 4 of those
        double expected = ms[1] / Math.sqrt(y.length);
        double tol = 4 / Math.sqrt(2.0 * (members - 1));
        assertEquals(expected, c.predictWithUncertainty(new double[] {0}).std(), tol * expected);
        assertEquals(ms[0], c.predictWithUncertainty(new double[] {0}).mean(), 4 * expected / Math.sqrt(members));
        double[] flat = new double[40];
        java.util.Arrays.fill(flat, 2.5);
        assertEquals(0.0, new BootstrapCommittee(new MeanRegressor(), 10).fit(x, flat, 1)
                .predictWithUncertainty(new double[] {0}).std(), 1e-12);
    }

    @Test
    void labelsHoldValuesOrAFailureNeverBoth() {
        assertTrue(Label.of(1, 2.0).labelled());
        assertFalse(Label.failed(1, "SCF did not converge").labelled());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Label.of(1, Double.NaN));
        List<Label> answer = TableOracle.of("f", new double[] {1, Double.NaN}).label(new int[] {1, 0}).join();
        assertEquals(1, answer.get(0).candidate());
        assertFalse(answer.get(0).labelled());
        assertEquals(1.0, answer.get(1).value());
    }
}
