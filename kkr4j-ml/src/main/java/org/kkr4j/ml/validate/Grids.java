package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.ml.model.KNearestNeighbours;
import org.kkr4j.ml.model.KnnDistance;
import org.kkr4j.ml.model.Lasso;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.model.Ridge;
import org.kkr4j.ml.model.ScaledLasso;

/** Candidate lists for nested CV, simplest first where that matters for ties. */
public final class Grids {
    private Grids() {
    }

    /** kNN for every k (ascending as given) and distance. */
    public static List<Regressor> knn(int[] ks, KnnDistance... distances) {
        List<Regressor> out = new ArrayList<>();
        for (KnnDistance d : distances) {
            for (int k : ks) {
                out.add(new KNearestNeighbours(k, d));
            }
        }
        return out;
    }

    /** Ridge for each lambda, strongest penalty (simplest model) first. */
    public static List<Regressor> ridge(double... lambdas) {
        return sortedDescending(lambdas).stream().<Regressor>map(Ridge::new).toList();
    }

    /** Lasso for each lambda, strongest penalty (sparsest model) first. */
    public static List<Regressor> lasso(double... lambdas) {
        return sortedDescending(lambdas).stream().<Regressor>map(Lasso::new).toList();
    }

    /**
     * Lasso with penalties relative to each training set's lambdaMax ({@link ScaledLasso}), strongest first. glmnet
     * stops its path at 0.01 lambdaMax when there are fewer rows than columns and at 1e-4 otherwise.
     */
    public static List<Regressor> scaledLasso(double... ratios) {
        return sortedDescending(ratios).stream().<Regressor>map(ScaledLasso::new).toList();
    }

    /** {@code n >= 2} values spaced evenly in log between {@code low} and {@code high} (both > 0, included). */
    public static double[] logSpace(double low, double high, int n) {
        if (!(low > 0) || !(high > low) || n < 2) {
            throw new IllegalArgumentException("logSpace needs 0 < low < high and n >= 2, got " + low + ", "
                    + high + ", " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * i / (n - 1));
        }
        return out;
    }

    private static List<Double> sortedDescending(double[] values) {
        return java.util.Arrays.stream(values).boxed().sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
