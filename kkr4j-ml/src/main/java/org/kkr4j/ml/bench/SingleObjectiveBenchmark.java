package org.kkr4j.ml.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;

/**
 * Evaluations until the best candidate and until one of the top 1 % is found (initial design included), per
 * method and random seed, with the same initial design for all methods of a seed. Campaigns stop when the best
 * is found or the budget is used (then the count is budget + 1, a censored value that can only understate the
 * method's cost).
 */
public final class SingleObjectiveBenchmark {

    /** Per-seed counts of one method. */
    public record MethodResult(String method, double[] toBest, double[] toTop, double secondsPerStep) {
    }

    public record Result(String target, int poolSize, int topCount, int initial, int budget,
                         List<MethodResult> methods) {
    }

    private SingleObjectiveBenchmark() {
    }

    public static Result run(String target, CandidateSet pool, double[] y, Direction direction,
                             Map<String, Supplier<SearchMethod>> methods, int seeds, int initial, int budget,
                             long baseSeed) {
        int n = pool.size();
        int topCount = Math.max(1, (int) Math.ceil(0.01 * n));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(direction.sign() * y[b], direction.sign() * y[a]));
        boolean[] best = new boolean[n];
        boolean[] top = new boolean[n];
        double bestValue = y[order[0]];
        for (int i = 0; i < n; i++) {
            best[i] = y[i] == bestValue;
        }
        for (int k = 0; k < topCount; k++) {
            top[order[k]] = true;
        }
        double[][] truth = new double[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = new double[] {y[i]};
        }
        Map<String, double[][]> counts = new LinkedHashMap<>();
        Map<String, double[]> time = new LinkedHashMap<>();
        for (String name : methods.keySet()) {
            counts.put(name, new double[2][seeds]);
            time.put(name, new double[2]);
        }
        for (int s = 0; s < seeds; s++) {
            long seed = baseSeed + 1000L * s;
            int[] init = Campaign.initialDesign(n, initial, seed);
            for (Map.Entry<String, Supplier<SearchMethod>> e : methods.entrySet()) {
                long t0 = System.nanoTime();
                int[] run = Campaign.run(pool, truth, e.getValue(), init, budget, i -> best[i], seed + 1);
                double[] t = time.get(e.getKey());
                t[0] += (System.nanoTime() - t0) / 1e9;
                t[1] += Math.max(0, run.length - initial);
                counts.get(e.getKey())[0][s] = Campaign.firstHit(run, best);
                counts.get(e.getKey())[1][s] = Campaign.firstHit(run, top);
            }
        }
        List<MethodResult> out = new ArrayList<>();
        for (String name : methods.keySet()) {
            double[] t = time.get(name);
            out.add(new MethodResult(name, counts.get(name)[0], counts.get(name)[1], t[1] > 0 ? t[0] / t[1] : 0));
        }
        return new Result(target, n, topCount, initial, budget, out);
    }
}
