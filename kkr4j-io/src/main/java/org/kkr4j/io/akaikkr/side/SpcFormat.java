package org.kkr4j.io.akaikkr.side;

/**
 * The write format of a Bloch-spectral-function file ({@code Y} of {@code go=spcXY}).
 */
public enum SpcFormat {
    /** {@code Y=1}: per k-point a blank line and rows {@code dist  E−E_F  A(E,k)} ({@code (1x,3f15.7)}). */
    A,
    /** {@code Y=2}: one row per k-point, one column per energy ({@code (1x,500f14.7)}). */
    B,
    /** {@code Y=3}: one row per energy, one column per k-point ({@code (1x,500f14.7)}, wrapping after 500). */
    C;

    /** The digit used in {@code go=spcXY} for this format. */
    public int writeDigit() {
        return ordinal() + 1;
    }

    /** The format of write digit 1..3 (as in {@code GoMode.spcWrite()}). */
    public static SpcFormat fromWriteDigit(int digit) {
        if (digit < 1 || digit > 3) {
            throw new IllegalArgumentException("spc write format digit must be 1..3: " + digit);
        }
        return values()[digit - 1];
    }

    /** The letter in {@code ### header for format (a)}. */
    public char letter() {
        return (char) ('a' + ordinal());
    }
}
