package org.kkr4j.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.kkr4j.ml.descriptor.Descriptor;

/**
 * Rows of descriptor values with one target: what models are fitted on and validated with. Every row has an id
 * (e.g. {@code FeCoNiCu_fcc}) and a group: rows of one group (an alloy system on both lattices, say) are never split
 * between training and test, so that validation measures prediction of unseen systems.
 *
 * @param features the columns of {@code x}, in order
 * @param x        one row per sample, {@code features.size()} values each (no missing values: rows with one
 *                 are left out when the dataset is built, and counted there)
 * @param y        the target of each row
 * @param target   the target's name and unit, as a descriptor of its own
 * @param rowIds   one id per row
 * @param groups   one group per row
 */
public record Dataset(List<Descriptor> features, double[][] x, double[] y, Descriptor target, List<String> rowIds,
                      List<String> groups) {

    public Dataset {
        features = List.copyOf(features);
        rowIds = List.copyOf(rowIds);
        groups = List.copyOf(groups);
        Objects.requireNonNull(target, "target");
        if (x.length != y.length || x.length != rowIds.size() || x.length != groups.size()) {
            throw new IllegalArgumentException("dataset: " + x.length + " rows of x, " + y.length + " targets, "
                    + rowIds.size() + " ids, " + groups.size() + " groups");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != features.size()) {
                throw new IllegalArgumentException("dataset: row " + rowIds.get(i) + " has " + x[i].length
                        + " values for " + features.size() + " features");
            }
        }
    }

    public int size() {
        return y.length;
    }

    public int dimension() {
        return features.size();
    }

    /** The rows at {@code indices}, in that order. */
    public Dataset rows(int[] indices) {
        double[][] xs = new double[indices.length][];
        double[] ys = new double[indices.length];
        List<String> ids = new ArrayList<>(indices.length);
        List<String> gs = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            xs[k] = x[i];
            ys[k] = y[i];
            ids.add(rowIds.get(i));
            gs.add(groups.get(i));
        }
        return new Dataset(features, xs, ys, target, ids, gs);
    }

    /** The same rows with only the feature columns at {@code columns}. */
    public Dataset columns(int[] columns) {
        List<Descriptor> fs = Arrays.stream(columns).mapToObj(features::get).toList();
        double[][] xs = new double[x.length][columns.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < columns.length; c++) {
                xs[i][c] = x[i][columns[c]];
            }
        }
        return new Dataset(fs, xs, y, target, rowIds, groups);
    }
}
