package org.kkr4j.ml.bo;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.kkr4j.ml.gp.FittedGaussianProcess;
import org.kkr4j.ml.gp.RandomFeatureModel;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.model.UncertainRegressor;

/**
 * A fitted model as BO uses it: predictions with uncertainty, conditioning on fantasy observations (batches,
 * pending points) and posterior draws for Thompson sampling. GPs condition exactly with their hyperparameters
 * kept; random-feature models by rank-one updates; any other uncertain model (a committee) is refitted.
 */
final class Surrogate {
    private final Regressor regressor;
    private final UncertainRegressor fitted;
    private final double[][] x;
    private final double[] y;
    private final long seed;

    private Surrogate(Regressor regressor, UncertainRegressor fitted, double[][] x, double[] y, long seed) {
        this.regressor = regressor;
        this.fitted = fitted;
        this.x = x;
        this.y = y;
        this.seed = seed;
    }

    static Surrogate fit(Regressor regressor, double[][] x, double[] y, long seed) {
        FittedRegressor f = regressor.fit(x, y, seed);
        if (!(f instanceof UncertainRegressor u)) {
            throw new UnsupportedOperationException("not supported: BO needs a model with uncertainty; "
                    + regressor.describe() + " gives none (wrap it in a bootstrap committee)");
        }
        return new Surrogate(regressor, u, x, y, seed);
    }

    UncertainRegressor fitted() {
        return fitted;
    }

    Prediction predict(double[] row) {
        return fitted.predictWithUncertainty(row);
    }

    /** Mean and std at many rows (blocked for GPs). */
    org.kkr4j.ml.gp.Posterior posterior(double[][] rows) {
        if (fitted instanceof FittedGaussianProcess gp) {
            return gp.posterior(rows);
        }
        double[] mean = new double[rows.length];
        double[] std = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Prediction p = fitted.predictWithUncertainty(rows[i]);
            mean[i] = p.mean();
            std[i] = p.std();
        }
        return new org.kkr4j.ml.gp.Posterior(mean, std);
    }

    Surrogate condition(double[][] extraX, double[] extraY) {
        if (extraX.length == 0) {
            return this;
        }
        double[][] x2 = Arrays.copyOf(x, x.length + extraX.length);
        double[] y2 = Arrays.copyOf(y, y.length + extraY.length);
        System.arraycopy(extraX, 0, x2, x.length, extraX.length);
        System.arraycopy(extraY, 0, y2, y.length, extraY.length);
        UncertainRegressor next;
        if (fitted instanceof FittedGaussianProcess gp) {
            next = gp.withObservations(extraX, extraY);
        } else if (fitted instanceof RandomFeatureModel blm) {
            RandomFeatureModel m = blm;
            for (int i = 0; i < extraX.length; i++) {
                m = m.withObservation(extraX[i], extraY[i]);
            }
            next = m;
        } else {
            next = (UncertainRegressor) regressor.fit(x2, y2, seed);
        }
        return new Surrogate(regressor, next, x2, y2, seed);
    }

    /**
     * One posterior draw at the available candidates; NaN where the draw was not taken (outside the joint subset
     * of an exact GP). Models other than GPs and random-feature models give independent draws per candidate.
     */
    double[] draw(CandidateSet pool, boolean[] excluded, int jointCandidates, SplittableRandom random) {
        double[] out = new double[pool.size()];
        Arrays.fill(out, Double.NaN);
        if (fitted instanceof RandomFeatureModel blm) {
            RandomFeatureModel.Sample s = blm.sample(random);
            for (int i = 0; i < out.length; i++) {
                if (!excluded[i]) {
                    out[i] = s.value(pool.row(i));
                }
            }
        } else if (fitted instanceof FittedGaussianProcess gp) {
            int[] subset = availableSubset(excluded, jointCandidates, random);
            double[] v = gp.sampleJoint(pool.rows(subset), random);
            for (int k = 0; k < subset.length; k++) {
                out[subset[k]] = v[k];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                if (!excluded[i]) {
                    Prediction p = fitted.predictWithUncertainty(pool.row(i));
                    out[i] = p.mean() + p.std() * org.kkr4j.ml.gp.Gaussian.next(random);
                }
            }
        }
        return out;
    }

    /** All available indices, or a seeded uniform subset of {@code max} of them (reservoir sampling). */
    static int[] availableSubset(boolean[] excluded, int max, SplittableRandom random) {
        int[] chosen = new int[max];
        int seen = 0;
        for (int i = 0; i < excluded.length; i++) {
            if (excluded[i]) {
                continue;
            }
            if (seen < max) {
                chosen[seen] = i;
            } else {
                int j = random.nextInt(seen + 1);
                if (j < max) {
                    chosen[j] = i;
                }
            }
            seen++;
        }
        int[] out = Arrays.copyOf(chosen, Math.min(seen, max));
        Arrays.sort(out);
        return out;
    }
}
