package org.kkr4j.ml.validate;

import org.kkr4j.ml.Dataset;

/**
 * What one fold does: learn from the training rows only, predict the test rows. Plain CV fits one regressor;
 * nested CV first selects one with an inner CV on the training rows.
 */
@FunctionalInterface
public interface FoldProcedure {

    /** Predictions for the rows of {@code test}, and what made them. */
    Outcome run(Dataset training, Dataset test, long seed);

    /**
     * @param predictions one per test row, in order
     * @param model       what was fitted
     */
    record Outcome(double[] predictions, String model) {
    }
}
