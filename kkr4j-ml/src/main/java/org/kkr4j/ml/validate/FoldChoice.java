package org.kkr4j.ml.validate;

/**
 * What was fitted in one fold of one repeat: the model itself for plain CV, the candidate the inner loop chose
 * for nested CV.
 *
 * @param repeat CV repeat
 * @param fold   outer fold
 * @param model  {@code describe()} of the fitted regressor
 */
public record FoldChoice(int repeat, int fold, String model) {
}
