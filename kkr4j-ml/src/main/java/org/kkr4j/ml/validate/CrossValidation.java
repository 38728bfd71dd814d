package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Regressor;

/**
 * Repeated group-aware K-fold cross-validation: R repeats, each a {@link GroupKFold} split with its own derived seed;
 * in each fold the procedure learns from the other folds only and predicts the held-out one.
 *
 * @param folds   K (>= 2)
 * @param repeats R (>= 1; >= 2 for intervals)
 * @param seed    master seed
 */
public record CrossValidation(int folds, int repeats, long seed) {

    public CrossValidation {
        if (folds < 2 || repeats < 1) {
            throw new IllegalArgumentException("cross-validation needs folds >= 2 and repeats >= 1, got " + folds
                    + " and " + repeats);
        }
    }

    /** The fold of each row in repeat {@code r}. */
    public int[] foldsOf(Dataset data, int repeat) {
        return new GroupKFold(folds, Seeds.derive(seed, 1, repeat)).assign(data.groups());
    }

    /** Plain CV of one regressor. */
    public CvResult run(Regressor regressor, Dataset data) {
        return run(regressor.describe(), data, (training, test, s) -> {
            FittedRegressor fitted = regressor.fit(training.x(), training.y(), s);
            return new FoldProcedure.Outcome(fitted.predict(test.x()), regressor.describe());
        });
    }

    /** CV of any fold procedure (nested selection, say). */
    public CvResult run(String description, Dataset data, FoldProcedure procedure) {
        checkTarget(data);
        List<Metrics> perRepeat = new ArrayList<>();
        List<FoldChoice> choices = new ArrayList<>();
        List<OutOfFoldPrediction> predictions = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            int[] fold = foldsOf(data, r);
            double[] predicted = new double[data.size()];
            for (int f = 0; f < folds; f++) {
                int[] test = GroupKFold.rowsOf(fold, f, true);
                Dataset training = data.rows(GroupKFold.rowsOf(fold, f, false));
                FoldProcedure.Outcome out = procedure.run(training, data.rows(test), Seeds.derive(seed, 2, r, f));
                if (out.predictions().length != test.length) {
                    throw new IllegalStateException(description + ": " + out.predictions().length
                            + " predictions for " + test.length + " test rows");
                }
                for (int k = 0; k < test.length; k++) {
                    predicted[test[k]] = out.predictions()[k];
                }
                choices.add(new FoldChoice(r, f, out.model()));
            }
            for (int i = 0; i < data.size(); i++) {
                predictions.add(new OutOfFoldPrediction(r, fold[i], data.rowIds().get(i), data.groups().get(i),
                        data.y()[i], predicted[i]));
            }
            perRepeat.add(Metrics.of(data.y(), predicted));
        }
        return new CvResult(description, data.target().name(), folds, repeats, seed, data.size(),
                new HashSet<>(data.groups()).size(), perRepeat,
                Estimate.of(perRepeat.stream().mapToDouble(Metrics::r2).toArray()),
                Estimate.of(perRepeat.stream().mapToDouble(Metrics::mae).toArray()),
                Estimate.of(perRepeat.stream().mapToDouble(Metrics::rmse).toArray()), choices, predictions);
    }

    /** A constant target has no R^2 and nothing to learn; a non-finite one is a bad row that slipped through. */
    static void checkTarget(Dataset data) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("the dataset has no rows");
        }
        double first = data.y()[0];
        boolean constant = true;
        for (int i = 0; i < data.size(); i++) {
            double v = data.y()[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("target " + data.target().name() + " of row "
                        + data.rowIds().get(i) + " is " + v);
            }
            constant &= v == first;
        }
        if (constant) {
            throw new IllegalArgumentException("target " + data.target().name() + " is constant (" + first
                    + " in all " + data.size() + " rows): nothing to learn, R^2 undefined");
        }
    }
}
