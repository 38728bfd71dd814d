package org.kkr4j.ml.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.bo.Acquisition;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.gp.KernelType;

class SyntheticBoTest {

    /** Two bumps on a 15 x 15 grid of [0, 1]^2; the higher one is at (0.71, 0.29), away from edges. */
    static double f(double a, double b) {
        return Math.exp(-((a - 0.71) * (a - 0.71) + (b - 0.29) * (b - 0.29)) / 0.04)
                + 0.6 * Math.exp(-((a - 0.2) * (a - 0.2) + (b - 0.8) * (b - 0.8)) / 0.02);
    }

    @Test
    void gpBayesianOptimisationFindsTheOptimumInFewerEvaluationsThanRandom() {
        int g = 15;
        double[][] x = new double[g * g][];
        double[] y = new double[g * g];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                x[i * g + j] = new double[] {i / (g - 1.0), j / (g - 1.0)};
                y[i * g + j] = -f(i / (g - 1.0), j / (g - 1.0));
            }
        }
        CandidateSet pool = CandidateSet.of(x);
        GaussianProcessRegressor gp = GaussianProcessRegressor.of(KernelType.MATERN52).withRestarts(1);
        Map<String, Supplier<SearchMethod>> methods = new LinkedHashMap<>();
        methods.put("random", RandomSearch::new);
        methods.put("EI", () -> GpSearch.single(gp, Acquisition.ei(), Direction.MINIMISE, 5, 0));
        SingleObjectiveBenchmark.Result r = SingleObjectiveBenchmark.run("-f", pool, y, Direction.MINIMISE, methods,
                10, 5, 120, 42);
        double[] random = r.methods().get(0).toBest();
        double[] ei = r.methods().get(1).toBest();
        // random search needs (N + 1) / 2 = 113 evaluations on average for one optimum in 225; a GP should need
        // a small fraction of that; the paired comparison asks for fewer evaluations in the median and on most seeds
        double medianRandom = Stats.median(random);
        double medianEi = Stats.median(ei);
        int wins = 0;
        for (int s = 0; s < ei.length; s++) {
            wins += ei[s] < random[s] ? 1 : 0;
        }
        assertTrue(medianEi < medianRandom / 2, "median EI " + medianEi + " vs random " + medianRandom);
        assertTrue(wins >= 8, "EI beat random on " + wins + " of 10 seeds");
    }
}
