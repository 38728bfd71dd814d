package org.kkr4j.ml.data;

/**
 * A composition that cannot be read (unknown element, bad number, fractions that do not sum to 1). It carries no
 * location of its own: readers of tables wrap it in a {@link TableFormatException} naming the cell.
 */
public class CompositionFormatException extends IllegalArgumentException {
    public CompositionFormatException(String message) {
        super(message);
    }
}
