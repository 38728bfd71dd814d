package org.kkr4j.io.akaikkr.card;

/**
 * The three tilt angles (degrees) of a {@code ...tlt} lattice, <b>in the order they are written in the
 * card</b>. specx reads them in reverse into {@code angl(3), angl(2), angl(1)} and uses them in that
 * order again ({@code vrotat(..., angl(3), angl(2), angl(1))}, echo {@code tilt angle=}), so the card
 * order is the order in which the rotation takes them: {@link #first()} = {@code angl(3)},
 * {@link #second()} = {@code angl(2)}, {@link #third()} = {@code angl(1)}.
 */
public record EulerAngles(double first, double second, double third) {

    /** The angle with the Fortran index {@code i} (1..3) of {@code angl(i)}. */
    public double angl(int i) {
        return switch (i) {
            case 1 -> third;
            case 2 -> second;
            case 3 -> first;
            default -> throw new IllegalArgumentException("angl index must be 1..3: " + i);
        };
    }
}
