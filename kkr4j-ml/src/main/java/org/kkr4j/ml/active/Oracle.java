package org.kkr4j.ml.active;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Labels candidates: a table lookup in benchmarks ({@link TableOracle}), real calculations in the app. A request
 * is a batch and the answer may come later (the engine runs the batch as parallel jobs); each candidate gets a
 * {@link Label}, which may be a failure. An oracle must answer every candidate it was asked about, in any order.
 */
public interface Oracle {

    /** What is being labelled (names of the objectives), for reports. */
    List<String> objectives();

    CompletableFuture<List<Label>> label(int[] candidates);
}
