package org.kkr4j.ml.bo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.Regressor;

/**
 * Single-objective Bayesian optimisation over a finite candidate set. The model is fitted on the labelled
 * candidates (sign-flipped when minimising), pending candidates (submitted, not yet labelled) enter as fantasy
 * observations at their predicted mean, and a batch is built greedily by the kriging believer: after each choice
 * its predicted mean is added as an observation and the rest of the batch is chosen with that model (for Thompson
 * sampling every batch member also has its own draw). Candidates are scored one at a time, so memory does not
 * grow with the square of anything.
 *
 * @param model       a regressor whose fit has uncertainty (GP, random-feature model, committee)
 * @param acquisition what to maximise
 * @param direction   maximise or minimise the target
 */
public record BayesianOptimizer(Regressor model, Acquisition acquisition, Direction direction) {

    private static final int SCORE_BLOCK = 4096;

    public BayesianOptimizer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(acquisition, "acquisition");
        Objects.requireNonNull(direction, "direction");
    }

    public String describe() {
        return acquisition.describe() + " on " + model.describe() + ", " + direction.name().toLowerCase();
    }

    /**
     * @param pool      the candidates
     * @param labelled  indices of labelled candidates
     * @param y         their targets, in order
     * @param pending   indices submitted but not labelled yet (never suggested again)
     * @param batchSize number of suggestions wanted (fewer if the pool runs out)
     * @param seed      for the model fit and Thompson draws
     */
    public List<Suggestion> suggest(CandidateSet pool, int[] labelled, double[] y, int[] pending, int batchSize,
                                    long seed) {
        if (labelled.length != y.length) {
            throw new IllegalArgumentException(labelled.length + " labelled candidates, " + y.length + " targets");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        boolean[] excluded = new boolean[pool.size()];
        double[] signed = new double[y.length];
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < labelled.length; k++) {
            excluded[labelled[k]] = true;
            signed[k] = direction.sign() * y[k];
            best = Math.max(best, signed[k]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Surrogate m = Surrogate.fit(model, pool.rows(labelled), signed, random.nextLong());
        if (pending.length > 0) {
            double[][] px = pool.rows(pending);
            double[] py = new double[pending.length];
            for (int k = 0; k < pending.length; k++) {
                excluded[pending[k]] = true;
                py[k] = m.predict(px[k]).mean();
            }
            m = m.condition(px, py);
        }
        List<Suggestion> out = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            int arg = -1;
            double argValue = Double.NEGATIVE_INFINITY;
            if (acquisition instanceof Acquisition.ThompsonSampling ts) {
                double[] draw = m.draw(pool, excluded, ts.jointCandidates(), random);
                for (int i = 0; i < draw.length; i++) {
                    if (!excluded[i] && draw[i] > argValue) {
                        argValue = draw[i];
                        arg = i;
                    }
                }
            } else {
                // blocks of available candidates: the model's batched posterior, memory of one block
                int[] block = new int[SCORE_BLOCK];
                int filled = 0;
                for (int i = 0; i <= pool.size(); i++) {
                    if (i < pool.size() && !excluded[i]) {
                        block[filled++] = i;
                    }
                    if (filled == SCORE_BLOCK || (i == pool.size() && filled > 0)) {
                        int[] idx = filled == SCORE_BLOCK ? block : java.util.Arrays.copyOf(block, filled);
                        org.kkr4j.ml.gp.Posterior post = m.posterior(pool.rows(idx));
                        for (int c = 0; c < filled; c++) {
                            double a = score(post.mean()[c], post.std()[c], best);
                            if (a > argValue) {
                                argValue = a;
                                arg = idx[c];
                            }
                        }
                        filled = 0;
                    }
                }
            }
            if (arg < 0) {
                break;
            }
            Prediction p = m.predict(pool.row(arg));
            out.add(new Suggestion(arg, pool.id(arg), argValue, new double[] {direction.sign() * p.mean()},
                    new double[] {p.std()}));
            excluded[arg] = true;
            if (b + 1 < batchSize) {
                m = m.condition(new double[][] {pool.row(arg)}, new double[] {p.mean()});
                best = Math.max(best, p.mean());
            }
        }
        return out;
    }

    /** The acquisition value of a Gaussian posterior (maximisation convention). */
    public double score(double mean, double std, double best) {
        return switch (acquisition) {
            case Acquisition.ExpectedImprovement ei -> Acquisition.expectedImprovement(mean, std, best, ei.xi());
            case Acquisition.ProbabilityOfImprovement pi ->
                    Acquisition.probabilityOfImprovement(mean, std, best, pi.xi());
            case Acquisition.UpperConfidenceBound ucb -> mean + ucb.kappa() * std;
            case Acquisition.ThompsonSampling ts ->
                    throw new IllegalStateException("Thompson sampling has no closed-form score");
        };
    }
}
