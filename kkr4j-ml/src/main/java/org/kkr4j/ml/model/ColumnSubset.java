package org.kkr4j.ml.model;

import java.util.List;
import java.util.Objects;

/**
 * A regressor that sees only some columns (a descriptor family or two, say): lets nested cross-validation choose
 * the feature set in its inner loop, like any other setting, instead of by looking at test scores.
 *
 * @param label   what the columns are, for reports ({@code composition+structure})
 * @param columns the columns used, in the order given
 * @param inner   the regressor fitted on them
 */
public record ColumnSubset(String label, int[] columns, Regressor inner) implements Regressor {

    public ColumnSubset {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(inner, "inner");
        columns = columns.clone();
        if (columns.length == 0) {
            throw new IllegalArgumentException("column subset " + label + " has no columns");
        }
    }

    /** The columns whose descriptor family is one of {@code families}. */
    public static ColumnSubset ofFamilies(List<org.kkr4j.ml.descriptor.Descriptor> features, List<String> families,
                                          Regressor inner) {
        int[] cols = java.util.stream.IntStream.range(0, features.size())
                .filter(j -> families.contains(features.get(j).family())).toArray();
        return new ColumnSubset(String.join("+", families), cols, inner);
    }

    @Override
    public String describe() {
        return inner.describe() + " on " + label + " (" + columns.length + " columns)";
    }

    @Override
    public FittedRegressor fit(double[][] x, double[] y, long seed) {
        FittedRegressor fitted = inner.fit(select(x), y, seed);
        return new FittedRegressor() {
            @Override
            public double predict(double[] row) {
                return fitted.predict(select(row));
            }

            @Override
            public double[] predict(double[][] xs) {
                return fitted.predict(select(xs));
            }
        };
    }

    private double[] select(double[] row) {
        double[] out = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = row[columns[c]];
        }
        return out;
    }

    private double[][] select(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = select(rows[i]);
        }
        return out;
    }
}
