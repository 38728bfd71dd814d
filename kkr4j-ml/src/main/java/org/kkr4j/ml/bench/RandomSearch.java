package org.kkr4j.ml.bench;

import java.util.SplittableRandom;
import org.kkr4j.ml.bo.CandidateSet;

/** The baseline: a uniformly random unlabelled candidate. */
public final class RandomSearch implements SearchMethod {
    @Override
    public int next(CandidateSet pool, int[] labelled, double[][] y, long seed) {
        boolean[] used = new boolean[pool.size()];
        for (int i : labelled) {
            used[i] = true;
        }
        int free = pool.size() - labelled.length;
        int pick = new SplittableRandom(seed).nextInt(free);
        for (int i = 0; i < used.length; i++) {
            if (!used[i] && pick-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no unlabelled candidate left");
    }
}
