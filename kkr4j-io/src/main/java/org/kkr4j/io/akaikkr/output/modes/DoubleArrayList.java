package org.kkr4j.io.akaikkr.output.modes;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable {@code List<Double>} over a {@code double[]} that nobody else holds: the values of
 * a table row are stored without a boxed Double each, and boxed only when read through the list.
 * Equality, hash code and string form are those of every {@link java.util.List}.
 */
final class DoubleArrayList extends AbstractList<Double> implements RandomAccess {

    private final double[] values;

    /** Takes ownership of {@code values}; the caller must not change the array afterwards. */
    DoubleArrayList(double[] values) {
        this.values = values;
    }

    @Override
    public Double get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
