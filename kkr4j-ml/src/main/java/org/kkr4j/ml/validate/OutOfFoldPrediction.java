package org.kkr4j.ml.validate;

/**
 * One row's prediction by a model that did not see the row's group: one point of a parity plot.
 *
 * @param repeat    CV repeat (0-based)
 * @param fold      fold of the row in that repeat
 * @param rowId     the row's id
 * @param group     the row's group
 * @param observed  target value
 * @param predicted prediction
 */
public record OutOfFoldPrediction(int repeat, int fold, String rowId, String group, double observed,
                                  double predicted) {
}
