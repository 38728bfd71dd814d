package org.kkr4j.ml.bo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.kkr4j.ml.gp.Gaussian;

/**
 * Hypervolume improvement of adding a point to a set, and its expectation under independent Gaussian
 * predictions (EHVI), all objectives maximised. In 2-D the region a new point can add is cut into vertical strips
 * at the front's first coordinates; in strip {@code j} (from {@code left_j} to {@code right_j}) the undominated
 * part lies above height {@code h_j}, so {@code HVI(y) = sum_j clip(y1 - left_j, 0, right_j - left_j)
 * (y2 - h_j)^+}. With independent objectives the expectation of each product is the product of expectations, and
 * {@code E[(Y - a)^+] = (mu - a) Phi(u) + sigma phi(u)}, {@code u = (mu - a) / sigma}: EHVI in closed form.
 */
public final class HypervolumeImprovement {
    private HypervolumeImprovement() {
    }

    /** The 2-D strips of a front: rows of {left, right, height}. */
    static double[][] strips(double[][] front, double[] ref) {
        double[][] q = Pareto.frontPoints(Hypervolume.beyond(front, ref));
        Arrays.sort(q, Comparator.comparingDouble((double[] a) -> a[0]));
        int k = q.length;
        double[][] s = new double[k + 1][];
        for (int j = 0; j <= k; j++) {
            double left = j == 0 ? ref[0] : q[j - 1][0];
            double right = j == k ? Double.POSITIVE_INFINITY : q[j][0];
            double height = j == k ? ref[1] : q[j][1];
            s[j] = new double[] {left, right, height};
        }
        return s;
    }

    /** Exact 2-D improvement of adding {@code y} to {@code front}. */
    public static double of2d(double[][] front, double[] ref, double[] y) {
        double total = 0;
        for (double[] s : strips(front, ref)) {
            double w = Math.max(0, Math.min(y[0], s[1]) - s[0]);
            double h = Math.max(0, y[1] - s[2]);
            total += w * h;
        }
        return total;
    }

    /** Exact 2-D EHVI for {@code Y_k ~ N(mean_k, std_k^2)} independent. */
    public static double expected2d(double[][] front, double[] ref, double[] mean, double[] std) {
        return expected2d(strips(front, ref), mean, std);
    }

    static double expected2d(double[][] strips, double[] mean, double[] std) {
        double total = 0;
        for (double[] s : strips) {
            double ew = positivePart(mean[0], std[0], s[0])
                    - (Double.isInfinite(s[1]) ? 0 : positivePart(mean[0], std[0], s[1]));
            double eh = positivePart(mean[1], std[1], s[2]);
            total += ew * eh;
        }
        return total;
    }

    /** {@code E[(Y - a)^+]} for {@code Y ~ N(mean, std^2)}. */
    static double positivePart(double mean, double std, double a) {
        if (std <= 0) {
            return Math.max(0, mean - a);
        }
        double u = (mean - a) / std;
        return (mean - a) * Gaussian.cdf(u) + std * Gaussian.pdf(u);
    }

    /** Improvement of adding {@code y}, any number of objectives (exact hypervolumes). */
    public static double of(double[][] front, double[] ref, double[] y) {
        if (ref.length == 2) {
            return of2d(front, ref, y);
        }
        double[][] with = Arrays.copyOf(front, front.length + 1);
        with[front.length] = y;
        return Hypervolume.exact(with, ref) - Hypervolume.exact(front, ref);
    }

    /** EHVI by Monte-Carlo over the independent Gaussian predictions, any number of objectives. */
    public static Hypervolume.Estimate expectedMonteCarlo(double[][] front, double[] ref, double[] mean, double[] std,
                                                          int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] base = Pareto.frontPoints(Hypervolume.beyond(front, ref));
        double sum = 0;
        double sum2 = 0;
        double[] y = new double[mean.length];
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < y.length; k++) {
                y[k] = mean[k] + std[k] * Gaussian.next(random);
            }
            double v = of(base, ref, y);
            sum += v;
            sum2 += v * v;
        }
        double m = sum / samples;
        double var = Math.max(0, sum2 / samples - m * m);
        return new Hypervolume.Estimate(m, Math.sqrt(var / samples));
    }
}
