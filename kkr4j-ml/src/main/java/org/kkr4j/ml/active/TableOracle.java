package org.kkr4j.ml.active;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An oracle that answers from a fully labelled table (retrospective benchmarks): row {@code i} of
 * {@code values} holds the objectives of candidate {@code i}; a row with a NaN is a candidate whose calculation
 * failed, and is answered with a failure. Counts the labels it has given.
 */
public final class TableOracle implements Oracle {
    private final List<String> objectives;
    private final double[][] values;
    private int requests;

    public TableOracle(List<String> objectives, double[][] values) {
        this.objectives = List.copyOf(objectives);
        this.values = values;
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != objectives.size()) {
                throw new IllegalArgumentException("table row " + i + " has " + values[i].length + " values for "
                        + objectives.size() + " objectives");
            }
        }
    }

    /** One objective. */
    public static TableOracle of(String objective, double[] column) {
        double[][] v = new double[column.length][];
        for (int i = 0; i < column.length; i++) {
            v[i] = new double[] {column[i]};
        }
        return new TableOracle(List.of(objective), v);
    }

    @Override
    public List<String> objectives() {
        return objectives;
    }

    /** Candidates asked about so far (labelled or failed): the cost of a campaign. */
    public int requests() {
        return requests;
    }

    @Override
    public CompletableFuture<List<Label>> label(int[] candidates) {
        List<Label> out = new ArrayList<>(candidates.length);
        for (int i : candidates) {
            requests++;
            double[] row = values[i];
            boolean ok = true;
            for (double v : row) {
                ok &= Double.isFinite(v);
            }
            out.add(ok ? Label.of(i, row) : Label.failed(i, "no value in the table"));
        }
        return CompletableFuture.completedFuture(out);
    }
}
