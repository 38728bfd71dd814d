package org.kkr4j.ml.bo;

import java.util.ArrayList;
import java.util.List;

/**
 * Pareto dominance on objective vectors, all to be maximised (multiply minimised objectives by -1 first).
 */
public final class Pareto {
    private Pareto() {
    }

    /** {@code a} is at least as good as {@code b} in every objective and better in one. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] < b[k]) {
                return false;
            }
            if (a[k] > b[k]) {
                better = true;
            }
        }
        return better;
    }

    /**
     * Non-dominated sorting (Deb et al. 2002): rank 0 is the Pareto front, rank 1 the front of the rest, and so on.
     * {@code O(k n^2)} time, {@code O(n^2)} only in the worst case of the domination lists.
     */
    public static int[] ranks(double[][] points) {
        int n = points.length;
        int[] dominatedByCount = new int[n];
        List<List<Integer>> dominatesList = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominatesList.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(points[i], points[j])) {
                    dominatesList.get(i).add(j);
                    dominatedByCount[j]++;
                } else if (dominates(points[j], points[i])) {
                    dominatesList.get(j).add(i);
                    dominatedByCount[i]++;
                }
            }
        }
        int[] rank = new int[n];
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedByCount[i] == 0) {
                current.add(i);
            }
        }
        int r = 0;
        while (!current.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                rank[i] = r;
                for (int j : dominatesList.get(i)) {
                    if (--dominatedByCount[j] == 0) {
                        next.add(j);
                    }
                }
            }
            current = next;
            r++;
        }
        return rank;
    }

    /** Indices of the non-dominated points, ascending. */
    public static int[] front(double[][] points) {
        int[] rank = ranks(points);
        return java.util.stream.IntStream.range(0, points.length).filter(i -> rank[i] == 0).toArray();
    }

    public static double[][] frontPoints(double[][] points) {
        int[] f = front(points);
        double[][] out = new double[f.length][];
        for (int k = 0; k < f.length; k++) {
            out[k] = points[f[k]];
        }
        return out;
    }
}
