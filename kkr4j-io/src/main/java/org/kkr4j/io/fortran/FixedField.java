package org.kkr4j.io.fortran;

/**
 * A number read from a fixed-width Fortran output field that may have overflowed. The raw text is
 * kept; {@code value} is null exactly when the field was filled with asterisks.
 *
 * @param raw   the characters of the field as printed (trimmed)
 * @param value the number, or null when the field overflowed
 */
public record FixedField(String raw, Double value) {

    /**
     * Reads a field. Returns an overflowed field for {@code ***...}; returns null when the text is
     * neither a number nor an overflow, so that the caller can raise an error naming the line.
     */
    public static FixedField parse(String raw) {
        String t = raw.trim();
        if (FortranNumbers.isOverflow(t)) {
            return new FixedField(t, null);
        }
        Double v = FortranNumbers.parseReal(t);
        return v == null ? null : new FixedField(t, v);
    }

    public static FixedField of(double value) {
        return new FixedField(Double.toString(value), value);
    }

    public boolean overflowed() {
        return value == null;
    }

    /** The value, or NaN when overflowed (for arrays and arithmetic that must not see a fake number). */
    public double valueOrNaN() {
        return value == null ? Double.NaN : value;
    }
}
