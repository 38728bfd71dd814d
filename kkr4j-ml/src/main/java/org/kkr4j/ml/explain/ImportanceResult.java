package org.kkr4j.ml.explain;

import java.util.List;
import org.kkr4j.ml.validate.Estimate;
import org.kkr4j.ml.validate.Metric;

/**
 * Permutation importance of every feature or family, most important first.
 *
 * @param model        the regressor
 * @param metric       the metric whose loss is reported
 * @param baseline     the unshuffled held-out metric over repeats
 * @param folds        K
 * @param repeats      R
 * @param permutations shuffles per fold and feature
 * @param importances  sorted by decreasing mean increase
 */
public record ImportanceResult(String model, Metric metric, Estimate baseline, int folds, int repeats,
                               int permutations, List<Importance> importances) {
    public ImportanceResult {
        importances = List.copyOf(importances);
    }

    /** The rank (0 = most important) of a feature or family. */
    public int rankOf(String name) {
        for (int i = 0; i < importances.size(); i++) {
            if (importances.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no importance for " + name);
    }
}
