package org.kkr4j.ml.model;

import java.util.List;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Random forest (Tribuo's {@code RandomForestTrainer} over its CART regression trees): {@code trees} trees, each
 * fitted on a bootstrap sample of the training rows and choosing each split among a random fraction of the
 * features; the prediction is the mean over the trees (Tribuo's weighted averaging, which is correct).
 *
 * <p>Gradient-boosted trees are not offered: Tribuo has them only through XGBoost, whose Java binding needs native
 * code, which kkr4j does not ship.
 *
 * @param trees           number of trees (>= 1)
 * @param maxDepth        maximum depth of a tree (>= 1)
 * @param featureFraction fraction of the features tried at each split, in (0, 1) (Tribuo refuses 1)
 * @param minLeafWeight   minimum number of rows in a leaf (>= 1)
 */
public record RandomForest(int trees, int maxDepth, double featureFraction, double minLeafWeight)
        implements Regressor {

    public RandomForest {
        if (trees < 1 || maxDepth < 1 || !(featureFraction > 0 && featureFraction < 1) || !(minLeafWeight >= 1)) {
            throw new IllegalArgumentException("random forest needs trees >= 1, maxDepth >= 1, featureFraction in "
                    + "(0, 1) and minLeafWeight >= 1; got " + trees + ", " + maxDepth + ", " + featureFraction
                    + ", " + minLeafWeight);
        }
    }

    /** The usual regression defaults: a third of the features per split, depth 12, leaves of >= 2 rows. */
    public static RandomForest of(int trees) {
        return new RandomForest(trees, 12, 1.0 / 3.0, 2);
    }

    @Override
    public String describe() {
        return "random forest(trees=" + trees + ", maxDepth=" + maxDepth + ", featureFraction="
                + String.format(java.util.Locale.ROOT, "%.3g", featureFraction) + ", minLeafWeight=" + minLeafWeight
                + ")";
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        TribuoLogs.quiet();
        TribuoRows rows = new TribuoRows(x[0].length);
        // fresh trainers on every fit: Tribuo trainers advance their random state per call, the seed alone must
        // decide the result
        var cart = new CARTRegressionTrainer(maxDepth, (float) minLeafWeight, 0.0f, (float) featureFraction, false,
                new MeanSquaredError(), seed);
        var model = new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed).train(rows.dataset(x, y));
        return new TreeModels(rows, List.of(model));
    }
}
