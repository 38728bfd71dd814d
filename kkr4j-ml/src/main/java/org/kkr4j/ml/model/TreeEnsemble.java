package org.kkr4j.ml.model;

import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Random forest or extremely randomised trees (Tribuo's tree module): {@code trees} CART regression trees, each
 * fitted on a bootstrap sample of the training rows and splitting on a random fraction of the features; extra trees
 * also draw the split points at random. The prediction is the mean over the trees.
 *
 * <p>Gradient-boosted trees are not offered: Tribuo has them only through XGBoost, whose Java binding needs native
 * code, which kkr4j does not ship.
 *
 * @param kind            random forest or extra trees
 * @param trees           number of trees (>= 1)
 * @param maxDepth        maximum depth of a tree (>= 1)
 * @param featureFraction fraction of the features considered at each split, in (0, 1]
 * @param minLeafWeight   minimum total weight (rows) in a leaf (>= 1)
 */
public record TreeEnsemble(Kind kind, int trees, int maxDepth, double featureFraction, double minLeafWeight)
        implements Regressor {

    // Tribuo's bagging trainer logs one INFO line per trained ensemble, hundreds per cross-validation; kept as a
    // field so that the logger (and its level) is not garbage-collected
    private static final java.util.logging.Logger BAGGING_LOG =
            java.util.logging.Logger.getLogger("org.tribuo.ensemble.BaggingTrainer");

    static {
        BAGGING_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Which ensemble. */
    public enum Kind { RANDOM_FOREST, EXTRA_TREES }

    public TreeEnsemble {
        java.util.Objects.requireNonNull(kind, "kind");
        if (trees < 1 || maxDepth < 1 || !(featureFraction > 0 && featureFraction <= 1) || !(minLeafWeight >= 1)) {
            throw new IllegalArgumentException("tree ensemble needs trees >= 1, maxDepth >= 1, featureFraction in "
                    + "(0, 1] and minLeafWeight >= 1; got " + trees + ", " + maxDepth + ", " + featureFraction
                    + ", " + minLeafWeight);
        }
    }

    /** A random forest with the usual regression default of a third of the features per split. */
    public static TreeEnsemble randomForest(int trees) {
        return new TreeEnsemble(Kind.RANDOM_FOREST, trees, 12, 1.0 / 3.0, 2);
    }

    /** Extra trees considering all features per split (the usual regression default). */
    public static TreeEnsemble extraTrees(int trees) {
        return new TreeEnsemble(Kind.EXTRA_TREES, trees, 12, 1.0, 2);
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "(trees=" + trees + ", maxDepth=" + maxDepth
                + ", featureFraction=" + featureFraction + ", minLeafWeight=" + minLeafWeight + ")";
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        TribuoRows rows = new TribuoRows(x[0].length);
        // fresh trainers on every fit: Tribuo trainers advance their random state per call, the seed alone must
        // decide the result
        var cart = new CARTRegressionTrainer(maxDepth, (float) minLeafWeight, 0.0f, (float) featureFraction,
                kind == Kind.EXTRA_TREES, new MeanSquaredError(), seed);
        Model<org.tribuo.regression.Regressor> model = switch (kind) {
            case RANDOM_FOREST -> new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed)
                    .train(rows.dataset(x, y));
            case EXTRA_TREES -> new ExtraTreesTrainer<>(cart, new AveragingCombiner(), trees, seed)
                    .train(rows.dataset(x, y));
        };
        return new FittedRegressor() {
            @Override
            public double predict(double[] row) {
                return rows.predict(model, row);
            }

            @Override
            public double[] predict(double[][] xs) {
                return rows.predict(model, xs);
            }
        };
    }
}
