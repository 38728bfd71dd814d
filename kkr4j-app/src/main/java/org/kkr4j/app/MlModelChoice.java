package org.kkr4j.app;

import java.util.List;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.model.ExtraTrees;
import org.kkr4j.ml.model.KnnDistance;
import org.kkr4j.ml.model.MeanRegressor;
import org.kkr4j.ml.model.RandomForest;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.validate.CrossValidation;
import org.kkr4j.ml.validate.CvResult;
import org.kkr4j.ml.validate.Grids;
import org.kkr4j.ml.validate.Metric;
import org.kkr4j.ml.validate.NestedCrossValidation;

/**
 * The {@code --model} of {@code kkr4j ml fit|explain}: a fixed regressor, or a grid whose hyperparameters nested
 * cross-validation chooses inside each outer training set (kNN's k and distance, ridge and lasso penalties).
 */
record MlModelChoice(String name, Regressor fixed, NestedCrossValidation nested) {
    static final List<String> NAMES = List.of("knn", "gp", "rf", "extra-trees", "ridge", "lasso", "mean");

    static MlModelChoice parse(String name) {
        return switch (name) {
            case "knn" -> nested(name, Grids.knn(new int[] {1, 2, 3, 5, 7, 10, 15}, KnnDistance.EUCLIDEAN,
                    KnnDistance.MANHATTAN));
            case "gp" -> new MlModelChoice(name, org.kkr4j.ml.gp.GaussianProcessRegressor.defaults(), null);
            case "rf" -> new MlModelChoice(name, RandomForest.of(100), null);
            case "extra-trees" -> new MlModelChoice(name, ExtraTrees.of(100), null);
            case "ridge" -> nested(name, Grids.ridge(Grids.logSpace(1e-3, 1e2, 11)));
            case "lasso" -> nested(name, Grids.scaledLasso(Grids.logSpace(1e-3, 1, 10)));
            case "mean" -> new MlModelChoice(name, new MeanRegressor(), null);
            default -> throw new IllegalArgumentException("--model must be one of " + String.join(", ", NAMES)
                    + ", not '" + name + "'");
        };
    }

    private static MlModelChoice nested(String name, List<Regressor> grid) {
        return new MlModelChoice(name, null, new NestedCrossValidation(grid, 4, Metric.MAE));
    }

    String describe() {
        return fixed != null ? fixed.describe() : nested.describe();
    }

    CvResult crossValidate(CrossValidation cv, Dataset data) {
        return fixed != null ? cv.run(fixed, data) : nested.run(cv, data);
    }

    /**
     * One regressor for explanations: the fixed one, or the grid's choice on the whole table (the explanation is of
     * that model; its honest error is what {@code ml fit} reports).
     */
    Regressor chosenOn(Dataset data, long seed) {
        if (fixed != null) {
            return fixed;
        }
        return nested.candidates().get(nested.select(data, seed).chosen());
    }
}
