package org.kkr4j.ml.bench;

import java.util.List;
import org.kkr4j.ml.bo.Acquisition;
import org.kkr4j.ml.bo.BayesianOptimizer;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;
import org.kkr4j.ml.bo.MultiObjectiveAcquisition;
import org.kkr4j.ml.bo.MultiObjectiveOptimizer;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.gp.Hyperparameters;
import org.kkr4j.ml.gp.RandomFeatureRegressor;
import org.kkr4j.ml.model.Regressor;

/**
 * BO as a {@link SearchMethod}: hyperparameters are fitted by maximum likelihood every {@code refitInterval}
 * labels (PHYSBO's {@code interval}) and kept fixed in between, so each step costs one conditioning, not one
 * optimisation. With {@code randomFeatures > 0} the model is the random-feature Bayesian linear model on those
 * hyperparameters (the PHYSBO-style reference). Single objective with {@code acquisition}, or multi-objective
 * with {@code multi} (one model per objective).
 */
public final class GpSearch implements SearchMethod {
    private final GaussianProcessRegressor gp;
    private final Acquisition acquisition;
    private final MultiObjectiveAcquisition multi;
    private final List<Direction> directions;
    private final int refitInterval;
    private final int randomFeatures;
    private Hyperparameters[] fitted;
    private int fittedAt = -1;

    private GpSearch(GaussianProcessRegressor gp, Acquisition acquisition, MultiObjectiveAcquisition multi,
                     List<Direction> directions, int refitInterval, int randomFeatures) {
        this.gp = gp;
        this.acquisition = acquisition;
        this.multi = multi;
        this.directions = List.copyOf(directions);
        this.refitInterval = Math.max(1, refitInterval);
        this.randomFeatures = randomFeatures;
    }

    public static GpSearch single(GaussianProcessRegressor gp, Acquisition acquisition, Direction direction,
                                  int refitInterval, int randomFeatures) {
        return new GpSearch(gp, acquisition, null, List.of(direction), refitInterval, randomFeatures);
    }

    public static GpSearch multi(GaussianProcessRegressor gp, MultiObjectiveAcquisition acquisition,
                                 List<Direction> directions, int refitInterval) {
        return new GpSearch(gp, null, acquisition, directions, refitInterval, 0);
    }

    @Override
    public int next(CandidateSet pool, int[] labelled, double[][] y, long seed) {
        int k = directions.size();
        if (fitted == null || labelled.length - fittedAt >= refitInterval) {
            fitted = new Hyperparameters[k];
            double[][] x = pool.rows(labelled);
            for (int j = 0; j < k; j++) {
                fitted[j] = gp.fit(x, column(y, j), seed + j).hyperparameters();
            }
            fittedAt = labelled.length;
        }
        if (multi == null) {
            Regressor model = randomFeatures > 0
                    ? new RandomFeatureRegressor(gp.withFixed(fitted[0]), randomFeatures, 500)
                    : gp.withFixed(fitted[0]);
            return new BayesianOptimizer(model, acquisition, directions.get(0))
                    .suggest(pool, labelled, column(y, 0), new int[0], 1, seed).get(0).index();
        }
        List<Regressor> perObjective = java.util.Arrays.stream(fitted).map(h -> (Regressor) gp.withFixed(h)).toList();
        return new MultiObjectiveOptimizer(perObjective, directions, multi)
                .suggest(pool, labelled, y, new int[0], 1, seed).get(0).index();
    }

    static double[] column(double[][] y, int j) {
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][j];
        }
        return c;
    }
}
