package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Regressor;

/**
 * Hyperparameters chosen honestly: in each outer fold, an inner group-aware K-fold CV over the outer training rows
 * alone scores every candidate (kNN with several k and distances, ridge with several lambdas, ...); the best is
 * refitted on the outer training rows and predicts the outer test rows. The outer test rows never reach the inner
 * loop: {@link #select} is given the outer training {@link Dataset} and nothing else.
 *
 * @param candidates  the regressors to choose from (at least one)
 * @param innerFolds  K of the inner CV (>= 2)
 * @param selectBy    the metric the inner CV compares
 */
public record NestedCrossValidation(List<Regressor> candidates, int innerFolds, Metric selectBy) {

    public NestedCrossValidation {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nested cross-validation needs at least one candidate");
        }
        if (innerFolds < 2) {
            throw new IllegalArgumentException("inner cross-validation needs at least 2 folds, got " + innerFolds);
        }
    }

    public String describe() {
        return "nested(" + candidates.size() + " candidates, " + innerFolds + " inner folds, by " + selectBy
                + "; first " + candidates.get(0).describe() + ")";
    }

    /** Outer CV with inner selection in each outer fold. */
    public CvResult run(CrossValidation outer, Dataset data) {
        return outer.run(describe(), data, (training, test, seed) -> {
            Selection s = select(training, seed);
            Regressor best = candidates.get(s.chosen());
            FittedRegressor fitted = best.fit(training.x(), training.y(), Seeds.derive(seed, 4));
            return new FoldProcedure.Outcome(fitted.predict(test.x()), best.describe());
        });
    }

    /** The inner loop: one group-aware K-fold CV of every candidate on {@code training}, on the same folds. */
    public Selection select(Dataset training, long seed) {
        CrossValidation.checkTarget(training);
        int[] fold = new GroupKFold(innerFolds, Seeds.derive(seed, 3)).assign(training.groups());
        double[] scores = new double[candidates.size()];
        List<String> names = new ArrayList<>();
        int best = 0;
        for (int c = 0; c < candidates.size(); c++) {
            Regressor candidate = candidates.get(c);
            names.add(candidate.describe());
            double[] predicted = new double[training.size()];
            for (int f = 0; f < innerFolds; f++) {
                int[] test = GroupKFold.rowsOf(fold, f, true);
                Dataset inner = training.rows(GroupKFold.rowsOf(fold, f, false));
                double[] p = candidate.fit(inner.x(), inner.y(), Seeds.derive(seed, 5, c, f))
                        .predict(training.rows(test).x());
                for (int k = 0; k < test.length; k++) {
                    predicted[test[k]] = p[k];
                }
            }
            scores[c] = selectBy.of(Metrics.of(training.y(), predicted));
            if (selectBy.better(scores[c], scores[best])) {
                best = c;
            }
        }
        return new Selection(selectBy, names, scores, best);
    }
}
