package org.kkr4j.ml.model;

import org.tribuo.Model;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * k-nearest-neighbour regression (Tribuo's {@code KNNTrainer} with its averaging combiner, called through
 * {@link NeighbourAveraging}): the prediction is the
 * plain mean target of the k training rows nearest to the query. Features are standardised with the mean and
 * standard deviation of the training rows only, so that a descriptor in kelvin does not drown one in units of 1.
 *
 * <p>Neighbours are weighted uniformly: Tribuo's k-NN model hands its combiner the neighbours' outputs without
 * their distances, so inverse-distance weights are not supported. Neighbours are found by brute force (exact;
 * the training sets here have hundreds to thousands of rows), on one thread.
 *
 * @param k        number of neighbours (at least 1; capped at the number of training rows when fitting)
 * @param distance the distance in standardised space
 */
public record KNearestNeighbours(int k, KnnDistance distance) implements Regressor {

    public KNearestNeighbours {
        if (k < 1) {
            throw new IllegalArgumentException("k-nearest neighbours needs k >= 1, got " + k);
        }
        java.util.Objects.requireNonNull(distance, "distance");
    }

    @Override
    public String describe() {
        return "kNN(k=" + k + ", " + distance.label() + ", standardised, uniform weights)";
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        Standardiser standardiser = Standardiser.of(x);
        TribuoRows rows = new TribuoRows(standardiser.dimension());
        int kUsed = Math.min(k, x.length);
        var trainer = new KNNTrainer<>(kUsed, distance.tribuo().getDistance(), 1, new NeighbourAveraging(),
                KNNModel.Backend.INNERTHREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE);
        Model<org.tribuo.regression.Regressor> model = trainer.train(rows.dataset(standardiser.apply(x), y));
        return new FittedRegressor() {
            @Override
            public double predict(double[] row) {
                return rows.predict(model, standardiser.apply(row));
            }

            @Override
            public double[] predict(double[][] xs) {
                return rows.predict(model, standardiser.apply(xs));
            }
        };
    }
}
