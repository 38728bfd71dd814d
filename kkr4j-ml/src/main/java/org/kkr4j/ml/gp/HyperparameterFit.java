package org.kkr4j.ml.gp;

import java.util.SplittableRandom;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Type-II maximum likelihood: maximises the log marginal likelihood over log length scales, log signal variance
 * and log noise variance inside {@link HyperparameterBounds}, by BOBYQA (derivative free, bounded) from several
 * starts: the default point (all length scales 1, signal 1, noise 0.01) and {@code restarts} random points of
 * the log box drawn with the seed. The likelihood is multimodal (a short-length-scale "interpolate everything"
 * mode against a long-length-scale "mostly noise" one), hence the restarts.
 *
 * @param hyperparameters the best point found
 * @param logMarginalLikelihood its value
 * @param evaluations likelihood evaluations over all starts
 */
public record HyperparameterFit(Hyperparameters hyperparameters, double logMarginalLikelihood, int evaluations) {

    public static HyperparameterFit maximise(KernelType kernel, HyperparameterBounds bounds, double[][] x, double[] y,
                                             int restarts, long seed) {
        int d = x[0].length;
        int p = d + 2;
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int k = 0; k < d; k++) {
            lo[k] = Math.log(bounds.minLengthScale());
            hi[k] = Math.log(bounds.maxLengthScale());
        }
        lo[d] = Math.log(bounds.minSignalVariance());
        hi[d] = Math.log(bounds.maxSignalVariance());
        lo[d + 1] = Math.log(bounds.noiseFloor());
        hi[d + 1] = Math.log(bounds.maxNoiseVariance());

        int[] evaluations = {0};
        ObjectiveFunction f = new ObjectiveFunction(theta -> {
            evaluations[0]++;
            try {
                double v = MarginalLikelihood.of(kernel, fromLog(theta, d), x, y);
                return Double.isFinite(v) ? v : -1e300;
            } catch (IllegalStateException | IllegalArgumentException e) {
                return -1e300;
            }
        });

        SplittableRandom random = new SplittableRandom(seed);
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int start = 0; start <= restarts; start++) {
            double[] x0 = new double[p];
            for (int k = 0; k < p; k++) {
                x0[k] = start == 0 ? defaultStart(k, d, lo[k], hi[k]) : lo[k] + random.nextDouble() * (hi[k] - lo[k]);
            }
            // the trust region must fit in the narrowest box side (BOBYQA's requirement)
            double narrowest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < p; k++) {
                narrowest = Math.min(narrowest, hi[k] - lo[k]);
            }
            double radius = Math.min(1.0, narrowest / 2.5);
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * p + 1, radius, 1e-4);
            try {
                PointValuePair r = optimizer.optimize(new MaxEval(200 * p), f, GoalType.MAXIMIZE,
                        new InitialGuess(x0), new SimpleBounds(lo, hi));
                if (r.getValue() > bestValue) {
                    bestValue = r.getValue();
                    best = r.getPoint();
                }
            } catch (MathRuntimeException e) {
                // a start that ran out of evaluations still tells us its starting value
                double v = f.getObjectiveFunction().value(x0);
                if (v > bestValue) {
                    bestValue = v;
                    best = x0;
                }
            }
        }
        return new HyperparameterFit(fromLog(best, d), bestValue, evaluations[0]);
    }

    private static double defaultStart(int k, int d, double lo, double hi) {
        double v = k < d ? 0.0 : k == d ? 0.0 : Math.log(1e-2);
        return Math.min(hi, Math.max(lo, v));
    }

    static Hyperparameters fromLog(double[] theta, int d) {
        double[] l = new double[d];
        for (int k = 0; k < d; k++) {
            l[k] = Math.exp(theta[k]);
        }
        return new Hyperparameters(l, Math.exp(theta[d]), Math.exp(theta[d + 1]));
    }
}
