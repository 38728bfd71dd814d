package org.kkr4j.ml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Model;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Extremely randomised trees (Geurts, Ernst and Wehenkel 2006) from Tribuo's CART regression trainer with random
 * split points: every tree sees all training rows (no bootstrap); the prediction is the mean over the trees.
 *
 * <p>One feature is drawn per split (the paper's K = 1, "totally randomised" splits). More are not supported:
 * Tribuo 4.3.2's random-split search does not reset its left/right row lists between the features it tries, so
 * with K > 1 later candidates are scored on the rows of earlier ones and nodes get corrupted (on hea-3d such trees
 * did worse than the mean predictor, and some failed with "bound must be positive", oracle/tribuo#407). With one
 * feature per split there is nothing to carry over.
 *
 * @param trees         number of trees (>= 1)
 * @param maxDepth      maximum depth of a tree (>= 1)
 * @param minLeafWeight minimum number of rows in a leaf (>= 1)
 */
public record ExtraTrees(int trees, int maxDepth, double minLeafWeight) implements Regressor {

    public ExtraTrees {
        if (trees < 1 || maxDepth < 1 || !(minLeafWeight >= 1)) {
            throw new IllegalArgumentException("extra trees need trees >= 1, maxDepth >= 1 and minLeafWeight >= 1; "
                    + "got " + trees + ", " + maxDepth + ", " + minLeafWeight);
        }
    }

    /** Depth 12, leaves of >= 2 rows. */
    public static ExtraTrees of(int trees) {
        return new ExtraTrees(trees, 12, 2);
    }

    @Override
    public String describe() {
        return "extra trees(trees=" + trees + ", maxDepth=" + maxDepth + ", one feature per split, minLeafWeight="
                + minLeafWeight + ")";
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        int d = x[0].length;
        TribuoRows rows = new TribuoRows(d);
        var data = rows.dataset(x, y);
        // Tribuo tries round(fraction * d) features per split: 1/d gives exactly one
        float fraction = d == 1 ? 1f : (float) (1.0 / d);
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Model<org.tribuo.regression.Regressor>> members = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            members.add(new CARTRegressionTrainer(maxDepth, (float) minLeafWeight, 0.0f, fraction, true,
                    new MeanSquaredError(), seeds.nextLong()).train(data));
        }
        return new TreeModels(rows, members);
    }
}
