package org.kkr4j.ml.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.kkr4j.ml.bo.Acquisition;
import org.kkr4j.ml.bo.BayesianOptimizer;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.gp.Hyperparameters;
import org.kkr4j.ml.gp.KernelType;
import org.kkr4j.ml.gp.RandomFeatureRegressor;

/**
 * Wall time of one suggestion over a large synthetic pool (uniform rows in [0, 1]^d, a smooth target), for
 * exact-GP EI and random-feature Thompson sampling, with the heap used once the pool is built and the JVM's
 * maximum heap: an N x N matrix for N = 10^6 would need 8 TB, so running at all shows none is built.
 */
public final class LargePoolBenchmark {

    public record Row(String method, int candidates, int training, double seconds, double heapWithPoolMegabytes,
                      double maxHeapMegabytes, int suggestedIndex) {
    }

    private LargePoolBenchmark() {
    }

    public static List<Row> run(int candidates, int dimension, int training, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[candidates][dimension];
        for (double[] row : x) {
            for (int k = 0; k < dimension; k++) {
                row[k] = r.nextDouble();
            }
        }
        CandidateSet pool = CandidateSet.of(x);
        int[] labelled = Campaign.initialDesign(candidates, training, seed + 1);
        double[] y = new double[training];
        for (int k = 0; k < training; k++) {
            double[] row = x[labelled[k]];
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                s += Math.sin(3 * row[j] + j);
            }
            y[k] = s;
        }
        double poolMb = usedMegabytes();
        Hyperparameters h = Hyperparameters.isotropic(dimension, 1.0, 1.0, 1e-4);
        GaussianProcessRegressor gp = GaussianProcessRegressor.of(KernelType.MATERN52).withFixed(h);
        List<Row> rows = new ArrayList<>();
        rows.add(time("GP-EI (exact, n=" + training + ")", new BayesianOptimizer(gp, Acquisition.ei(),
                Direction.MAXIMISE), pool, labelled, y, poolMb, seed));
        rows.add(time("TS on " + features + " random features", new BayesianOptimizer(
                new RandomFeatureRegressor(gp, features, 500), Acquisition.thompson(), Direction.MAXIMISE),
                pool, labelled, y, poolMb, seed));
        return rows;
    }

    private static Row time(String name, BayesianOptimizer bo, CandidateSet pool, int[] labelled, double[] y,
                            double poolMb, long seed) {
        long t0 = System.nanoTime();
        int idx = bo.suggest(pool, labelled, y, new int[0], 1, seed).get(0).index();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Row(name, pool.size(), labelled.length, seconds, poolMb, Runtime.getRuntime().maxMemory() / 1e6, idx);
    }

    private static double usedMegabytes() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / 1e6;
    }
}
