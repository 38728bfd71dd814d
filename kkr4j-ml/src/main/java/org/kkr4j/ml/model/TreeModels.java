package org.kkr4j.ml.model;

import java.util.List;
import org.tribuo.Model;

/** A fitted Tribuo tree model, or the mean of several, as a {@link FittedRegressor}. */
final class TreeModels implements FittedRegressor {
    private final TribuoRows rows;
    private final List<Model<org.tribuo.regression.Regressor>> members;

    TreeModels(TribuoRows rows, List<Model<org.tribuo.regression.Regressor>> members) {
        this.rows = rows;
        this.members = List.copyOf(members);
    }

    @Override
    public double predict(double[] row) {
        double s = 0;
        for (var m : members) {
            s += rows.predict(m, row);
        }
        return s / members.size();
    }

    @Override
    public double[] predict(double[][] xs) {
        double[] s = new double[xs.length];
        for (var m : members) {
            double[] p = rows.predict(m, xs);
            for (int i = 0; i < xs.length; i++) {
                s[i] += p[i] / members.size();
            }
        }
        return s;
    }
}
