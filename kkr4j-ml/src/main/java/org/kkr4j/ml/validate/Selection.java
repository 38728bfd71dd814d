package org.kkr4j.ml.validate;

import java.util.List;

/**
 * The result of the inner loop of nested CV: each candidate's inner-CV score and the one chosen.
 *
 * @param metric     what was compared
 * @param candidates {@code describe()} of each candidate, in the order given
 * @param scores     inner-CV score of each candidate (pooled over the inner folds)
 * @param chosen     index of the best candidate (the first one on ties, so order candidates simplest first)
 */
public record Selection(Metric metric, List<String> candidates, double[] scores, int chosen) {
    public Selection {
        candidates = List.copyOf(candidates);
        scores = scores.clone();
    }
}
