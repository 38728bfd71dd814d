package org.kkr4j.ml.explain;

import java.util.Arrays;
import org.kkr4j.ml.model.FittedRegressor;

/**
 * Partial dependence (Friedman 2001): the model's mean prediction over the given rows when one column (or two) is
 * set to each grid value in turn. Shows the average effect of a descriptor; with correlated descriptors it also
 * averages over impossible rows, which is why the 2-D form (an interaction map) is offered too.
 */
public final class PartialDependence {
    private PartialDependence() {
    }

    /**
     * @param feature name of the column
     * @param grid    values the column was set to
     * @param values  mean prediction at each grid value
     */
    public record Curve(String feature, double[] grid, double[] values) {
    }

    /**
     * @param featureA name of the first column (rows of {@code values})
     * @param featureB name of the second column (columns of {@code values})
     * @param gridA    values of the first column
     * @param gridB    values of the second column
     * @param values   mean prediction at each (a, b)
     */
    public record Surface(String featureA, String featureB, double[] gridA, double[] gridB, double[][] values) {
    }

    /** The column's distinct values when there are at most {@code points}, else its quantiles at i/(points-1). */
    public static double[] grid(double[][] rows, int column, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("a partial-dependence grid needs at least 2 points");
        }
        double[] v = Arrays.stream(rows).mapToDouble(r -> r[column]).sorted().toArray();
        double[] distinct = Arrays.stream(v).distinct().toArray();
        if (distinct.length <= points) {
            return distinct;
        }
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            double pos = (v.length - 1) * (double) i / (points - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, v.length - 1);
            g[i] = v[lo] + (pos - lo) * (v[hi] - v[lo]);
        }
        return Arrays.stream(g).distinct().toArray();
    }

    public static Curve oneD(FittedRegressor model, double[][] rows, int column, String name, double[] grid) {
        double[] values = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            values[g] = meanWith(model, rows, new int[] {column}, new double[] {grid[g]});
        }
        return new Curve(name, grid.clone(), values);
    }

    public static Surface twoD(FittedRegressor model, double[][] rows, int columnA, String nameA, double[] gridA,
                               int columnB, String nameB, double[] gridB) {
        if (columnA == columnB) {
            throw new IllegalArgumentException("2-D partial dependence needs two different columns");
        }
        double[][] values = new double[gridA.length][gridB.length];
        for (int a = 0; a < gridA.length; a++) {
            for (int b = 0; b < gridB.length; b++) {
                values[a][b] = meanWith(model, rows, new int[] {columnA, columnB}, new double[] {gridA[a], gridB[b]});
            }
        }
        return new Surface(nameA, nameB, gridA.clone(), gridB.clone(), values);
    }

    private static double meanWith(FittedRegressor model, double[][] rows, int[] columns, double[] values) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("partial dependence needs at least one row");
        }
        double[][] xs = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = rows[i].clone();
            for (int c = 0; c < columns.length; c++) {
                xs[i][columns[c]] = values[c];
            }
        }
        double s = 0;
        for (double p : model.predict(xs)) {
            s += p;
        }
        return s / rows.length;
    }
}
