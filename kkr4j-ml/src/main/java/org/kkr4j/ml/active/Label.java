package org.kkr4j.ml.active;

import java.util.Objects;

/**
 * The answer of an oracle for one candidate: its objective values, or no label with the reason (a calculation
 * that did not converge is "no label", never a bad value).
 *
 * @param candidate index in the candidate set
 * @param values    one value per objective, or null when there is no label
 * @param failure   why there is no label, or null when there is one
 */
public record Label(int candidate, double[] values, String failure) {
    public Label {
        if ((values == null) == (failure == null)) {
            throw new IllegalArgumentException("a label has either values or a failure reason, candidate " + candidate);
        }
        if (values != null) {
            values = values.clone();
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("label of candidate " + candidate + " is not finite: " + v
                            + " (report a failure instead)");
                }
            }
        }
    }

    public static Label of(int candidate, double... values) {
        return new Label(candidate, values, null);
    }

    public static Label failed(int candidate, String reason) {
        return new Label(candidate, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean labelled() {
        return values != null;
    }

    @Override
    public double[] values() {
        return values == null ? null : values.clone();
    }

    /** The first (or only) objective. */
    public double value() {
        if (values == null) {
            throw new IllegalStateException("candidate " + candidate + " has no label: " + failure);
        }
        return values[0];
    }
}
