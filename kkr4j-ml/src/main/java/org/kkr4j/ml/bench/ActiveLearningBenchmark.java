package org.kkr4j.ml.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kkr4j.ml.active.ActiveLearner;
import org.kkr4j.ml.active.LearningCurve;
import org.kkr4j.ml.active.StoppingRule;
import org.kkr4j.ml.active.TableOracle;
import org.kkr4j.ml.bo.CandidateSet;

/**
 * AL learning curves against random sampling: RMSE of the model over the candidates not yet labelled, at fixed
 * numbers of labels, per strategy and seed, with the same initial design for all strategies of a seed.
 */
public final class ActiveLearningBenchmark {

    /** {@code rmse[c][s]}: RMSE at checkpoint c for seed s. */
    public record Curve(String method, int[] checkpoints, double[][] rmse) {
    }

    public record Result(String target, int poolSize, int initial, int batch, List<Curve> curves) {
    }

    private ActiveLearningBenchmark() {
    }

    public static Result run(String target, CandidateSet pool, double[] y, Map<String, ActiveLearner> learners,
                             int[] checkpoints, int seeds, int initial, long baseSeed) {
        Map<String, double[][]> rmse = new LinkedHashMap<>();
        for (String name : learners.keySet()) {
            rmse.put(name, new double[checkpoints.length][seeds]);
        }
        int batch = 1;
        for (int s = 0; s < seeds; s++) {
            long seed = baseSeed + 1000L * s;
            int[] init = Campaign.initialDesign(pool.size(), initial, seed);
            for (Map.Entry<String, ActiveLearner> e : learners.entrySet()) {
                batch = e.getValue().batchSize();
                LearningCurve curve = e.getValue().run(pool, TableOracle.of(target, y), init, y, seed + 1);
                for (int c = 0; c < checkpoints.length; c++) {
                    rmse.get(e.getKey())[c][s] = at(curve, checkpoints[c]);
                }
            }
        }
        List<Curve> out = new ArrayList<>();
        for (String name : learners.keySet()) {
            out.add(new Curve(name, checkpoints.clone(), rmse.get(name)));
        }
        return new Result(target, pool.size(), initial, batch, out);
    }

    /** RMSE of the last fit with at most {@code labels} labels. */
    private static double at(LearningCurve curve, int labels) {
        double v = Double.NaN;
        for (LearningCurve.Point p : curve.points()) {
            if (p.labelled() <= labels) {
                v = p.rmse();
            }
        }
        return v;
    }

    public static StoppingRule budget(int labels) {
        return StoppingRule.budget(labels);
    }
}
