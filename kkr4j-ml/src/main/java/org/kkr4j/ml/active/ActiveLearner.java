package org.kkr4j.ml.active;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.gp.FittedGaussianProcess;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.model.UncertainRegressor;

/**
 * Pool-based active learning for regression of one target. The model's uncertainty is the acquisition: the
 * posterior std of a GP (uncertainty sampling) or the spread of a {@link BootstrapCommittee} (query by
 * committee). Batches: with a GP every chosen candidate is added as a fantasy observation before the next is
 * chosen (its posterior variance does not depend on the value, so this is exact variance reduction); with other
 * models the batch is the candidates of largest spread. {@link Strategy#RANDOM} is the baseline.
 *
 * @param model     the regressor (its fit must give an {@code UncertainRegressor}, except for RANDOM)
 * @param strategy  how candidates are chosen
 * @param stop      when to stop
 * @param batchSize candidates sent to the oracle at once
 */
public record ActiveLearner(Regressor model, Strategy strategy, StoppingRule stop, int batchSize) {

    public enum Strategy {
        /** Largest predicted std (GP) or committee spread. */
        UNCERTAINTY,
        /** Uniformly at random among the unlabelled candidates. */
        RANDOM
    }

    public ActiveLearner {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(stop, "stop");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
    }

    /**
     * Runs the campaign: labels the initial design, then fits, records, checks the stopping rule and asks the
     * oracle for the next batch, until the rule says stop or the pool is used up.
     *
     * @param truth the target of every candidate when known (benchmarks: the learning curve then has RMSE and
     *              MAE over the unlabelled pool), else null
     */
    public LearningCurve run(CandidateSet pool, Oracle oracle, int[] initialDesign, double[] truth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] used = new boolean[pool.size()];
        List<Integer> labelled = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        List<LearningCurve.Point> points = new ArrayList<>();
        int[] next = initialDesign.clone();
        String reason;
        while (true) {
            int room = stop.budget() - labelled.size() - failed.size();
            if (next.length > room) {
                next = java.util.Arrays.copyOf(next, Math.max(room, 0));
            }
            for (Label l : oracle.label(next).join()) {
                used[l.candidate()] = true;
                if (l.labelled()) {
                    labelled.add(l.candidate());
                    y.add(l.value());
                } else {
                    failed.add(l.candidate());
                }
            }
            int requests = labelled.size() + failed.size();
            if (labelled.size() < 2) {
                if (requests >= stop.budget() || requests >= pool.size()) {
                    reason = "fewer than 2 labels within the budget";
                    break;
                }
                next = randomBatch(used, random);
                continue;
            }
            int[] li = labelled.stream().mapToInt(Integer::intValue).toArray();
            double[] ly = y.stream().mapToDouble(Double::doubleValue).toArray();
            FittedRegressor fitted = model.fit(pool.rows(li), ly, random.nextLong());
            points.add(measure(pool, used, fitted, truth, labelled.size(), requests));
            if (requests >= stop.budget()) {
                reason = "budget of " + stop.budget() + " requests used";
                break;
            }
            if (requests >= pool.size()) {
                reason = "pool exhausted";
                break;
            }
            if (points.get(points.size() - 1).meanPoolStd() < stop.targetMeanStd()) {
                reason = "mean predicted std over the pool below " + stop.targetMeanStd();
                break;
            }
            next = strategy == Strategy.RANDOM ? randomBatch(used, random) : uncertainBatch(pool, used, fitted);
        }
        return new LearningCurve(points, reason, labelled, failed);
    }

    /** The next batch for a pool in which {@code used} candidates are labelled, failed or pending. */
    public int[] select(CandidateSet pool, boolean[] used, FittedRegressor fitted, long seed) {
        return strategy == Strategy.RANDOM ? randomBatch(used, new SplittableRandom(seed))
                : uncertainBatch(pool, used, fitted);
    }

    private int[] randomBatch(boolean[] used, SplittableRandom random) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                free.add(i);
            }
        }
        int m = Math.min(batchSize, free.size());
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            int j = k + random.nextInt(free.size() - k);
            int t = free.get(k);
            free.set(k, free.get(j));
            free.set(j, t);
            out[k] = free.get(k);
        }
        return out;
    }

    private int[] uncertainBatch(CandidateSet pool, boolean[] used, FittedRegressor fitted) {
        if (!(fitted instanceof UncertainRegressor u)) {
            throw new UnsupportedOperationException("not supported: uncertainty sampling with " + model.describe()
                    + ", which gives no uncertainty (wrap it in a BootstrapCommittee)");
        }
        boolean[] taken = used.clone();
        List<Integer> out = new ArrayList<>();
        UncertainRegressor current = u;
        for (int b = 0; b < batchSize; b++) {
            int arg = -1;
            double best = -1;
            for (int i = 0; i < taken.length; i++) {
                if (!taken[i]) {
                    double s = current.predictWithUncertainty(pool.row(i)).std();
                    if (s > best) {
                        best = s;
                        arg = i;
                    }
                }
            }
            if (arg < 0) {
                break;
            }
            out.add(arg);
            taken[arg] = true;
            if (b + 1 < batchSize && current instanceof FittedGaussianProcess gp) {
                double[] row = pool.row(arg);
                current = gp.withObservations(new double[][] {row}, new double[] {gp.predict(row)});
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static LearningCurve.Point measure(CandidateSet pool, boolean[] used, FittedRegressor fitted,
                                               double[] truth, int labelled, int requests) {
        double stdSum = 0;
        double se = 0;
        double ae = 0;
        int n = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                continue;
            }
            double mean;
            if (fitted instanceof UncertainRegressor u) {
                Prediction p = u.predictWithUncertainty(pool.row(i));
                stdSum += p.std();
                mean = p.mean();
            } else {
                mean = fitted.predict(pool.row(i));
            }
            if (truth != null) {
                se += (mean - truth[i]) * (mean - truth[i]);
                ae += Math.abs(mean - truth[i]);
            }
            n++;
        }
        boolean any = n > 0;
        double meanStd = any && fitted instanceof UncertainRegressor ? stdSum / n : Double.NaN;
        double rmse = truth != null && any ? Math.sqrt(se / n) : Double.NaN;
        double mae = truth != null && any ? ae / n : Double.NaN;
        return new LearningCurve.Point(labelled, requests, meanStd, rmse, mae);
    }
}
