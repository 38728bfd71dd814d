package org.kkr4j.ml.explain;

import org.kkr4j.ml.validate.Estimate;

/**
 * How much worse held-out predictions get when one feature (or family) is shuffled.
 *
 * @param name     feature or family
 * @param columns  number of columns shuffled together
 * @param increase loss of the metric (MAE or RMSE up, R^2 down; positive = the model relies on it), mean over
 *                 repeats x permutations with its spread and 95 % interval
 */
public record Importance(String name, int columns, Estimate increase) {
}
