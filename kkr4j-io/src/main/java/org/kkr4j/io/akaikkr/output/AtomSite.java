package org.kkr4j.io.akaikkr.output;

/**
 * One {@code position= x y z type=T} line of {@code atoms in the unit cell}.
 *
 * @param line       1-based line
 * @param positionA  Cartesian position in units of a (NaN for an unreadable coordinate)
 * @param typeName   the type name as printed
 */
public record AtomSite(int line, double[] positionA, String typeName) {
}
