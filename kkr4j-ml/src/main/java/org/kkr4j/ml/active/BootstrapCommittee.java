package org.kkr4j.ml.active;

import java.util.Objects;
import java.util.SplittableRandom;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Prediction;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.model.UncertainRegressor;

/**
 * Query by committee for any regressor: {@code members} copies of {@code base}, each fitted on a bootstrap
 * resample of the training rows (drawn with the seed). The fitted committee predicts the members' mean, and its
 * uncertainty is their spread (standard deviation): the disagreement AL samples and BO can use.
 */
public record BootstrapCommittee(Regressor base, int members) implements Regressor {
    public BootstrapCommittee {
        Objects.requireNonNull(base, "base");
        if (members < 2) {
            throw new IllegalArgumentException("a committee needs >= 2 members, got " + members);
        }
    }

    @Override
    public String describe() {
        return "committee(" + members + " bootstrap x " + base.describe() + ")";
    }

    @Override
    public Fitted fit(double[][] x, double[] y, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = x.length;
        FittedRegressor[] fitted = new FittedRegressor[members];
        for (int m = 0; m < members; m++) {
            double[][] bx = new double[n][];
            double[] by = new double[n];
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                bx[i] = x[j];
                by[i] = y[j];
            }
            fitted[m] = base.fit(bx, by, random.nextLong());
        }
        return new Fitted(fitted);
    }

    /** The fitted members. */
    public static final class Fitted implements UncertainRegressor {
        private final FittedRegressor[] members;

        Fitted(FittedRegressor[] members) {
            this.members = members;
        }

        public int size() {
            return members.length;
        }

        @Override
        public Prediction predictWithUncertainty(double[] x) {
            double s = 0;
            double s2 = 0;
            for (FittedRegressor m : members) {
                double v = m.predict(x);
                s += v;
                s2 += v * v;
            }
            double mean = s / members.length;
            double var = Math.max(0, (s2 - members.length * mean * mean) / (members.length - 1));
            return new Prediction(mean, Math.sqrt(var));
        }
    }
}
