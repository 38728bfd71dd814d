package org.kkr4j.io.akaikkr.output.modes;

/**
 * One row of a two-column table (total DOS, integrated DOS, a conductivity table).
 *
 * @param line     1-based line
 * @param energyRy E − E_F in Ry, as printed
 * @param value    the value in the unit named by the field holding the list; NaN when it overflowed
 */
public record DosPoint(int line, double energyRy, double value) {
}
