package org.kkr4j.ml.bo;

import java.util.List;

/**
 * The finite pool BO and AL choose from: one row of descriptor values per candidate, and optionally ids. Rows
 * are held as given (no copy), so a pool of 10^6 rows costs its own memory and nothing more.
 */
public record CandidateSet(double[][] x, List<String> ids) {
    public CandidateSet {
        if (x.length == 0) {
            throw new IllegalArgumentException("an empty candidate set");
        }
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("candidate " + i + " has " + x[i].length + " values, not " + d);
            }
        }
        if (ids != null) {
            ids = List.copyOf(ids);
            if (ids.size() != x.length) {
                throw new IllegalArgumentException(ids.size() + " ids for " + x.length + " candidates");
            }
        }
    }

    public static CandidateSet of(double[][] x) {
        return new CandidateSet(x, null);
    }

    public int size() {
        return x.length;
    }

    public double[] row(int i) {
        return x[i];
    }

    public String id(int i) {
        return ids == null ? "#" + i : ids.get(i);
    }

    public double[][] rows(int[] indices) {
        double[][] out = new double[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            out[k] = x[indices[k]];
        }
        return out;
    }
}
