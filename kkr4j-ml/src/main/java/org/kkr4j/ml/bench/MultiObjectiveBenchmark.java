package org.kkr4j.ml.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;
import org.kkr4j.ml.bo.Hypervolume;
import org.kkr4j.ml.bo.Pareto;
import org.kkr4j.ml.bo.TargetRegion;

/**
 * Two-objective campaigns on a labelled pool: the hypervolume of the labelled points after N evaluations as a
 * fraction of the whole pool's hypervolume (fixed reference point), the fraction of the pool's Pareto front found,
 * and the fraction of the target region's members found, per method and seed (paired initial designs).
 */
public final class MultiObjectiveBenchmark {

    /** {@code hv[c][s]}, {@code paretoRecall[c][s]}, {@code targetRecall[c][s]} at checkpoint c for seed s. */
    public record MethodResult(String method, double[][] hv, double[][] paretoRecall, double[][] targetRecall) {
    }

    public record Result(List<String> objectives, double[] reference, TargetRegion region, int poolSize,
                         int paretoSize, int targetSize, int initial, int[] checkpoints,
                         List<MethodResult> methods) {
    }

    private MultiObjectiveBenchmark() {
    }

    public static Result run(List<String> objectives, CandidateSet pool, double[][] y, List<Direction> directions,
                             double[] reference, TargetRegion region, Map<String, Supplier<SearchMethod>> methods,
                             int[] checkpoints, int seeds, int initial, long baseSeed) {
        int n = pool.size();
        int k = directions.size();
        double[][] signed = new double[n][k];
        double[] ref = new double[k];
        for (int j = 0; j < k; j++) {
            ref[j] = directions.get(j).sign() * reference[j];
            for (int i = 0; i < n; i++) {
                signed[i][j] = directions.get(j).sign() * y[i][j];
            }
        }
        double hvAll = Hypervolume.exact(signed, ref);
        boolean[] onFront = new boolean[n];
        for (int i : Pareto.front(signed)) {
            onFront[i] = true;
        }
        boolean[] inBox = new boolean[n];
        int paretoSize = 0;
        int targetSize = 0;
        for (int i = 0; i < n; i++) {
            paretoSize += onFront[i] ? 1 : 0;
            inBox[i] = region.contains(y[i]);
            targetSize += inBox[i] ? 1 : 0;
        }
        int budget = checkpoints[checkpoints.length - 1];
        Map<String, double[][][]> stats = new LinkedHashMap<>();
        for (String name : methods.keySet()) {
            stats.put(name, new double[3][checkpoints.length][seeds]);
        }
        for (int s = 0; s < seeds; s++) {
            long seed = baseSeed + 1000L * s;
            int[] init = Campaign.initialDesign(n, initial, seed);
            for (Map.Entry<String, Supplier<SearchMethod>> e : methods.entrySet()) {
                int[] order = Campaign.run(pool, y, e.getValue(), init, budget, i -> false, seed + 1);
                double[][][] st = stats.get(e.getKey());
                for (int c = 0; c < checkpoints.length; c++) {
                    int m = Math.min(checkpoints[c], order.length);
                    double[][] pts = new double[m][];
                    int front = 0;
                    int box = 0;
                    for (int q = 0; q < m; q++) {
                        pts[q] = signed[order[q]];
                        front += onFront[order[q]] ? 1 : 0;
                        box += inBox[order[q]] ? 1 : 0;
                    }
                    st[0][c][s] = Hypervolume.exact(pts, ref) / hvAll;
                    st[1][c][s] = (double) front / paretoSize;
                    st[2][c][s] = targetSize == 0 ? Double.NaN : (double) box / targetSize;
                }
            }
        }
        List<MethodResult> out = new ArrayList<>();
        for (String name : methods.keySet()) {
            double[][][] st = stats.get(name);
            out.add(new MethodResult(name, st[0], st[1], st[2]));
        }
        return new Result(List.copyOf(objectives), reference.clone(), region, n, paretoSize, targetSize, initial,
                checkpoints.clone(), out);
    }
}
