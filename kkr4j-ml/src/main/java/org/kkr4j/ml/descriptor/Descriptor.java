package org.kkr4j.ml.descriptor;

import java.util.Objects;

/**
 * One input column of a model, with what it means: a name that says what it is ({@code mean.group},
 * {@code range.paulingElectronegativity}, {@code lattice.bcc}), the family it belongs to (grouped importance
 * shuffles a family together: {@code group}, {@code period}, {@code electronegativity}, {@code mixing},
 * {@code structure}, ...) and its unit ({@code 1} for dimensionless counts and fractions).
 *
 * @param name   unique within a feature set
 * @param family the family for grouped importance and reports
 * @param unit   the unit of the values, {@code 1} when dimensionless
 */
public record Descriptor(String name, String family, String unit) {
    public Descriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a descriptor needs a name");
        }
    }
}
