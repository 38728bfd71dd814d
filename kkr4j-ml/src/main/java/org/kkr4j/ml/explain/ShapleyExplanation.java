package org.kkr4j.ml.explain;

import java.util.List;

/**
 * Shapley values of one prediction (interventional: absent players take their values from background rows).
 *
 * @param players        names of the features or families
 * @param values         one Shapley value per player, target units
 * @param standardErrors Monte-Carlo standard error of each value (0 for the exact method)
 * @param prediction     the model's prediction for the explained row
 * @param baseValue      what the values start from: the mean prediction over the background rows (exact), or over
 *                       the background rows actually drawn (sampling); {@code baseValue + sum(values) = prediction}
 * @param method         {@code exact} or {@code sampled}
 * @param evaluations    model predictions spent
 */
public record ShapleyExplanation(List<String> players, double[] values, double[] standardErrors, double prediction,
                                 double baseValue, String method, long evaluations) {
    public ShapleyExplanation {
        players = List.copyOf(players);
        values = values.clone();
        standardErrors = standardErrors.clone();
    }
}
