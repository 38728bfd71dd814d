package org.kkr4j.ml.bo;

import java.util.Arrays;

/**
 * One proposed candidate: its index in the candidate set and id, the acquisition value that chose it, and the
 * model's predicted mean and std of each objective (in the objectives' own units and signs).
 */
public record Suggestion(int index, String id, double acquisition, double[] mean, double[] std) {
    public Suggestion {
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public String toString() {
        return "Suggestion[" + index + " " + id + ", acquisition=" + acquisition + ", mean=" + Arrays.toString(mean)
                + ", std=" + Arrays.toString(std) + "]";
    }
}
