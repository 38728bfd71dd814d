package org.kkr4j.ml.bo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.Regressor;

/**
 * Multi-objective BO over a finite candidate set: one independent model per objective (fitted separately), EHVI or the target-region probability as acquisition, pending points and batches
 * by the kriging believer (the predicted means of a chosen candidate are added to every model and, for EHVI, to
 * the front).
 *
 * @param models      the regressor of each objective (see {@link #of} for one setting for all)
 * @param directions  one per objective
 * @param acquisition EHVI with a reference point, or a target region
 */
public record MultiObjectiveOptimizer(List<Regressor> models, List<Direction> directions,
                                      MultiObjectiveAcquisition acquisition) {

    public MultiObjectiveOptimizer {
        models = List.copyOf(models);
        Objects.requireNonNull(acquisition, "acquisition");
        directions = List.copyOf(directions);
        if (models.size() != directions.size()) {
            throw new IllegalArgumentException(models.size() + " models for " + directions.size() + " objectives");
        }
        if (directions.size() < 2) {
            throw new IllegalArgumentException("multi-objective BO needs >= 2 objectives, got " + directions.size());
        }
        int k = directions.size();
        int given = switch (acquisition) {
            case MultiObjectiveAcquisition.ExpectedHypervolumeImprovement e -> e.referencePoint().length;
            case MultiObjectiveAcquisition.TargetRegionProbability t -> t.region().objectives();
        };
        if (given != k) {
            throw new IllegalArgumentException(acquisition.describe() + " is set for " + given + " objectives, not " + k);
        }
    }

    /** The same regressor settings for every objective. */
    public static MultiObjectiveOptimizer of(Regressor model, List<Direction> directions,
                                             MultiObjectiveAcquisition acquisition) {
        return new MultiObjectiveOptimizer(java.util.Collections.nCopies(directions.size(), model), directions,
                acquisition);
    }

    public String describe() {
        return acquisition.describe() + " on " + models.get(0).describe() + " per objective";
    }

    /**
     * @param y one row of objective values per labelled candidate, in the objectives' own units
     */
    public List<Suggestion> suggest(CandidateSet pool, int[] labelled, double[][] y, int[] pending, int batchSize,
                                    long seed) {
        int k = directions.size();
        if (labelled.length != y.length) {
            throw new IllegalArgumentException(labelled.length + " labelled candidates, " + y.length + " rows of values");
        }
        boolean[] excluded = new boolean[pool.size()];
        for (int i : labelled) {
            excluded[i] = true;
        }
        double[][] signedRows = new double[y.length][k];
        for (int r = 0; r < y.length; r++) {
            for (int j = 0; j < k; j++) {
                signedRows[r][j] = directions.get(j).sign() * y[r][j];
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] lx = pool.rows(labelled);
        Surrogate[] surrogates = new Surrogate[k];
        for (int j = 0; j < k; j++) {
            double[] col = new double[y.length];
            for (int r = 0; r < y.length; r++) {
                col[r] = signedRows[r][j];
            }
            surrogates[j] = Surrogate.fit(this.models.get(j), lx, col, random.nextLong());
        }
        List<double[]> front = new ArrayList<>(Arrays.asList(signedRows));
        double[] ref = null;
        if (acquisition instanceof MultiObjectiveAcquisition.ExpectedHypervolumeImprovement e) {
            ref = new double[k];
            for (int j = 0; j < k; j++) {
                ref[j] = directions.get(j).sign() * e.referencePoint()[j];
            }
        }
        for (int i : pending) {
            excluded[i] = true;
            double[] fantasy = believe(surrogates, pool.row(i));
            front.add(fantasy);
        }
        long mcSeed = random.nextLong();
        List<Suggestion> out = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            double[][] frontNow = Pareto.frontPoints(front.toArray(new double[0][]));
            double[][] strips = ref != null && k == 2 ? HypervolumeImprovement.strips(frontNow, ref) : null;
            int arg = -1;
            double argValue = Double.NEGATIVE_INFINITY;
            double[] mean = new double[k];
            double[] std = new double[k];
            for (int i = 0; i < pool.size(); i++) {
                if (excluded[i]) {
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    Prediction p = surrogates[j].predict(pool.row(i));
                    mean[j] = p.mean();
                    std[j] = p.std();
                }
                double a = switch (acquisition) {
                    case MultiObjectiveAcquisition.ExpectedHypervolumeImprovement e -> strips != null
                            ? HypervolumeImprovement.expected2d(strips, mean, std)
                            : HypervolumeImprovement.expectedMonteCarlo(frontNow, ref, mean, std,
                            e.monteCarloSamples(), mcSeed).value();
                    case MultiObjectiveAcquisition.TargetRegionProbability t -> t.region().probability(
                            unsign(mean), std);
                };
                if (a > argValue) {
                    argValue = a;
                    arg = i;
                }
            }
            if (arg < 0) {
                break;
            }
            for (int j = 0; j < k; j++) {
                Prediction p = surrogates[j].predict(pool.row(arg));
                mean[j] = p.mean();
                std[j] = p.std();
            }
            out.add(new Suggestion(arg, pool.id(arg), argValue, unsign(mean), std));
            excluded[arg] = true;
            if (b + 1 < batchSize) {
                front.add(believe(surrogates, pool.row(arg)));
            }
        }
        return out;
    }

    /** Predicted means (signed) at {@code row}, added to every model as a fantasy observation. */
    private static double[] believe(Surrogate[] surrogates, double[] row) {
        double[] m = new double[surrogates.length];
        for (int j = 0; j < surrogates.length; j++) {
            m[j] = surrogates[j].predict(row).mean();
            surrogates[j] = surrogates[j].condition(new double[][] {row}, new double[] {m[j]});
        }
        return m;
    }

    private double[] unsign(double[] signed) {
        double[] out = new double[signed.length];
        for (int j = 0; j < signed.length; j++) {
            out[j] = directions.get(j).sign() * signed[j];
        }
        return out;
    }
}
