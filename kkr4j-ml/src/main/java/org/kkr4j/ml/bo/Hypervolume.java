package org.kkr4j.ml.bo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hypervolume dominated by a set of points (all objectives maximised) and bounded below by a reference point:
 * the measure of {@code {z : ref < z <= p for some p}}. Points not strictly better than the reference in every
 * objective contribute nothing.
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    /** A Monte-Carlo estimate and its standard error. */
    public record Estimate(double value, double standardError) {
    }

    /** Exact in 2-D by a sweep, {@code O(n log n)}. */
    public static double exact2d(double[][] points, double[] ref) {
        double[][] p = beyond(points, ref);
        Arrays.sort(p, Comparator.comparingDouble((double[] a) -> -a[0]));
        double area = 0;
        double height = ref[1];
        for (int i = 0; i < p.length; i++) {
            height = Math.max(height, p[i][1]);
            double next = i + 1 < p.length ? p[i + 1][0] : ref[0];
            area += (p[i][0] - next) * (height - ref[1]);
        }
        return area;
    }

    /**
     * Exact in any dimension by slicing along the last objective (the "hypervolume by slicing objectives"
     * recursion); the cost grows like {@code n^(k-1)}, so it is meant for small fronts or few objectives.
     */
    public static double exact(double[][] points, double[] ref) {
        double[][] p = beyond(points, ref);
        return slice(p, ref, ref.length);
    }

    private static double slice(double[][] p, double[] ref, int dims) {
        if (p.length == 0) {
            return 0;
        }
        if (dims == 1) {
            double m = ref[0];
            for (double[] a : p) {
                m = Math.max(m, a[0]);
            }
            return m - ref[0];
        }
        if (dims == 2) {
            return exact2d(p, Arrays.copyOf(ref, 2));
        }
        int last = dims - 1;
        double[][] sorted = p.clone();
        Arrays.sort(sorted, Comparator.comparingDouble((double[] a) -> -a[last]));
        double volume = 0;
        List<double[]> active = new ArrayList<>();
        double[] lowerRef = Arrays.copyOf(ref, last);
        for (int i = 0; i < sorted.length; i++) {
            active.add(Arrays.copyOf(sorted[i], last));
            double next = i + 1 < sorted.length ? sorted[i + 1][last] : ref[last];
            double depth = sorted[i][last] - next;
            if (depth > 0) {
                volume += depth * slice(active.toArray(new double[0][]), lowerRef, last);
            }
        }
        return volume;
    }

    /** Uniform sampling of the box between the reference point and the componentwise maximum. */
    public static Estimate monteCarlo(double[][] points, double[] ref, int samples, long seed) {
        double[][] p = beyond(points, ref);
        if (p.length == 0) {
            return new Estimate(0, 0);
        }
        int k = ref.length;
        double[] top = ref.clone();
        for (double[] a : p) {
            for (int j = 0; j < k; j++) {
                top[j] = Math.max(top[j], a[j]);
            }
        }
        double box = 1;
        for (int j = 0; j < k; j++) {
            box *= top[j] - ref[j];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] z = new double[k];
        long hits = 0;
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < k; j++) {
                z[j] = ref[j] + random.nextDouble() * (top[j] - ref[j]);
            }
            for (double[] a : p) {
                if (weaklyDominates(a, z)) {
                    hits++;
                    break;
                }
            }
        }
        double frac = (double) hits / samples;
        return new Estimate(frac * box, box * Math.sqrt(frac * (1 - frac) / samples));
    }

    /** Exact for 2-D or small fronts of few objectives, Monte-Carlo (10^5 samples) otherwise. */
    public static double of(double[][] points, double[] ref, long seed) {
        if (ref.length <= 2) {
            return ref.length == 2 ? exact2d(points, ref) : exact(points, ref);
        }
        if (ref.length <= 4 && points.length <= 200) {
            return exact(points, ref);
        }
        return monteCarlo(points, ref, 100_000, seed).value();
    }

    static boolean weaklyDominates(double[] a, double[] z) {
        for (int j = 0; j < z.length; j++) {
            if (a[j] < z[j]) {
                return false;
            }
        }
        return true;
    }

    /** The points strictly better than the reference in every objective. */
    static double[][] beyond(double[][] points, double[] ref) {
        List<double[]> out = new ArrayList<>();
        for (double[] a : points) {
            if (a.length != ref.length) {
                throw new IllegalArgumentException("a point of " + a.length + " objectives for a reference of "
                        + ref.length);
            }
            boolean ok = true;
            for (int j = 0; j < ref.length && ok; j++) {
                ok = a[j] > ref[j];
            }
            if (ok) {
                out.add(a);
            }
        }
        return out.toArray(new double[0][]);
    }
}
