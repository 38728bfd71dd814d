package org.kkr4j.ml.bench;

import org.kkr4j.ml.bo.CandidateSet;

/**
 * How one campaign picks its next candidate from what it has labelled (one at a time). Instances may keep state
 * within a campaign (hyperparameters fitted a few steps ago); a benchmark makes a fresh one per campaign.
 */
public interface SearchMethod {

    /** @param y the labelled values, one row of objectives per labelled candidate */
    int next(CandidateSet pool, int[] labelled, double[][] y, long seed);
}
