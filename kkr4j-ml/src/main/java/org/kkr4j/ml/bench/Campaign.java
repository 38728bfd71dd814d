package org.kkr4j.ml.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.kkr4j.ml.bo.CandidateSet;

/** A retrospective campaign on a fully labelled pool: the order in which a method labels candidates. */
public final class Campaign {
    private Campaign() {
    }

    /** The seeded initial design shared by all methods of one seed (paired comparison). */
    public static int[] initialDesign(int poolSize, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] idx = new int[poolSize];
        for (int i = 0; i < poolSize; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(poolSize - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Arrays.copyOf(idx, n);
    }

    /**
     * Labels the initial design, then asks {@code method} for one candidate at a time until {@code budget}
     * candidates are labelled or {@code done} holds for the candidate just labelled.
     *
     * @param truth objective rows of every candidate
     * @return the labelled indices, in order
     */
    public static int[] run(CandidateSet pool, double[][] truth, Supplier<SearchMethod> method, int[] initial,
                            int budget, IntPredicate done, long seed) {
        int limit = Math.min(budget, pool.size());
        int[] order = Arrays.copyOf(initial, limit);
        int n = Math.min(initial.length, limit);
        for (int k = 0; k < n; k++) {
            if (done.test(order[k])) {
                return Arrays.copyOf(order, k + 1);
            }
        }
        SearchMethod m = method.get();
        SplittableRandom r = new SplittableRandom(seed);
        while (n < limit) {
            int[] labelled = Arrays.copyOf(order, n);
            double[][] y = new double[n][];
            for (int k = 0; k < n; k++) {
                y[k] = truth[labelled[k]];
            }
            int next = m.next(pool, labelled, y, r.nextLong());
            order[n++] = next;
            if (done.test(next)) {
                break;
            }
        }
        return Arrays.copyOf(order, n);
    }

    /** 1-based position of the first index of {@code order} in {@code targets}, or {@code order.length + 1}. */
    public static int firstHit(int[] order, boolean[] targets) {
        for (int k = 0; k < order.length; k++) {
            if (targets[order[k]]) {
                return k + 1;
            }
        }
        return order.length + 1;
    }
}
