package org.kkr4j.io.akaikkr.output.modes;

/**
 * One row of a J_ij pair block.
 *
 * @param line         1-based line
 * @param index        the shell index printed first ({@code index})
 * @param site1        first site ({@code site}, first number)
 * @param site2        second site
 * @param comp1        component on site1 ({@code comp}, first number)
 * @param comp2        component on site2
 * @param cellA        Cartesian translation of the pair, x, in units of a ({@code cell})
 * @param cellB        y, in units of a
 * @param cellC        z, in units of a
 * @param distanceA    pair distance in units of a
 * @param jijRy        exchange coupling in Ry; NaN when overflowed
 * @param jijMeV       exchange coupling in meV; NaN when overflowed
 * @param multiplicity number of equivalent pairs (column {@code mult} in the standard build,
 *                     {@code dgn} in the cnd build)
 */
public record JijRow(int line, int index, int site1, int site2, int comp1, int comp2,
                     double cellA, double cellB, double cellC, double distanceA,
                     double jijRy, double jijMeV, int multiplicity) {
}
