package org.kkr4j.ml.bo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    private static double[][] integerPoints(int n, int k, int max, SplittableRandom r) {
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = r.nextInt(max + 1) - 2;
            }
        }
        return p;
    }

    /** Number of unit cells of the integer grid above ref that some point dominates: exact for integer data. */
    private static long gridCount(double[][] points, double[] ref, int max) {
        int k = ref.length;
        int[] lo = new int[k];
        long count = 0;
        int cells = 1;
        for (int j = 0; j < k; j++) {
            lo[j] = (int) ref[j];
            cells *= (max - 2) - lo[j];
        }
        for (int c = 0; c < cells; c++) {
            int rem = c;
            double[] corner = new double[k];
            for (int j = 0; j < k; j++) {
                int span = (max - 2) - lo[j];
                corner[j] = lo[j] + rem % span + 1;
                rem /= span;
            }
            for (double[] p : points) {
                if (Hypervolume.weaklyDominates(p, corner)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    @Test
    void exactHypervolumesEqualGridCounting() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            double[][] p2 = integerPoints(12, 2, 30, r);
            double[] ref2 = {0, -1};
            assertEquals(gridCount(p2, ref2, 30), Hypervolume.exact2d(p2, ref2), 0);
            assertEquals(gridCount(p2, ref2, 30), Hypervolume.exact(p2, ref2), 0);
            double[][] p3 = integerPoints(8, 3, 12, r);
            double[] ref3 = {0, 0, -1};
            assertEquals(gridCount(p3, ref3, 12), Hypervolume.exact(p3, ref3), 0);
        }
    }

    @Test
    void monteCarloHypervolumeAgreesWithinItsStandardError() {
        SplittableRandom r = new SplittableRandom(6);
        double[][] p = new double[15][4];
        for (double[] a : p) {
            for (int j = 0; j < 4; j++) {
                a[j] = r.nextDouble();
            }
        }
        double[] ref = {0, 0, 0, 0};
        double exact = Hypervolume.exact(p, ref);
        Hypervolume.Estimate mc = Hypervolume.monteCarlo(p, ref, 200_000, 9);
        // 4 standard errors: a false alarm about once in 16,000 runs for a fixed seed that could be changed
        assertEquals(exact, mc.value(), 4 * mc.standardError());
        assertTrue(mc.standardError() < 0.01 * exact);
    }

    @Test
    void hypervolumeImprovementIsTheDifferenceOfHypervolumes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            double[][] front = new double[10][2];
            for (double[] a : front) {
                a[0] = r.nextDouble();
                a[1] = r.nextDouble();
            }
            double[] ref = {0.1, 0.05};
            double[] y = {r.nextDouble() * 1.2, r.nextDouble() * 1.2};
            double[][] with = java.util.Arrays.copyOf(front, 11);
            with[10] = y;
            double diff = Hypervolume.exact2d(with, ref) - Hypervolume.exact2d(front, ref);
            assertEquals(diff, HypervolumeImprovement.of2d(front, ref, y), 1e-12);
        }
    }

    @Test
    void exactEhviAgreesWithMonteCarloWithinItsStandardError() {
        SplittableRandom r = new SplittableRandom(8);
        for (int trial = 0; trial < 5; trial++) {
            double[][] front = new double[8][2];
            for (double[] a : front) {
                a[0] = r.nextDouble();
                a[1] = r.nextDouble();
            }
            double[] ref = {0, 0};
            double[] mean = {r.nextDouble(), r.nextDouble()};
            double[] std = {0.05 + 0.4 * r.nextDouble(), 0.05 + 0.4 * r.nextDouble()};
            double exact = HypervolumeImprovement.expected2d(front, ref, mean, std);
            Hypervolume.Estimate mc = HypervolumeImprovement.expectedMonteCarlo(front, ref, mean, std, 100_000, trial);
            assertEquals(exact, mc.value(), 4 * mc.standardError() + 1e-12, "trial " + trial);
        }
    }

    @Test
    void paretoFrontAndRanksAgreeWithPairwiseChecks() {
        SplittableRandom r = new SplittableRandom(9);
        double[][] p = integerPoints(200, 3, 10, r);
        int[] rank = Pareto.ranks(p);
        for (int i = 0; i < p.length; i++) {
            boolean dominated = false;
            boolean dominatedByPreviousRank = false;
            for (int j = 0; j < p.length; j++) {
                if (Pareto.dominates(p[j], p[i])) {
                    dominated = true;
                    assertTrue(rank[j] < rank[i], "a dominator must have a lower rank");
                    dominatedByPreviousRank |= rank[j] == rank[i] - 1;
                }
            }
            assertEquals(!dominated, rank[i] == 0, "front membership of " + i);
            if (rank[i] > 0) {
                assertTrue(dominatedByPreviousRank, "rank " + rank[i] + " needs a dominator of rank " + (rank[i] - 1));
            }
        }
        assertFalse(Pareto.dominates(new double[] {1, 1}, new double[] {1, 1}));
    }

    @Test
    void targetRegionProbabilityAgreesWithSampling() {
        TargetRegion box = new TargetRegion(new double[] {300, Double.NEGATIVE_INFINITY, 0.5},
                new double[] {Double.POSITIVE_INFINITY, 40, 1.5});
        double[] mean = {320, 35, 1.2};
        double[] std = {40, 8, 0.5};
        double p = box.probability(mean, std);
        SplittableRandom r = new SplittableRandom(10);
        int n = 400_000;
        int hits = 0;
        double[] y = new double[3];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < 3; k++) {
                y[k] = mean[k] + std[k] * org.kkr4j.ml.gp.Gaussian.next(r);
            }
            if (box.contains(y)) {
                hits++;
            }
        }
        double freq = (double) hits / n;
        double se = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, freq, 4 * se);
    }
}
