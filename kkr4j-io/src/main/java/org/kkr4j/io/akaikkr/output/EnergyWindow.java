package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/**
 * An {@code ew= ez=} line: centre and half-width of the energy window (Ry). specx prints it before the
 * iterations and again whenever it regenerates the window, also in the middle of the SCF loop.
 *
 * @param line           1-based line
 * @param ewRy           {@code ew=}
 * @param ezRy           {@code ez=}
 * @param afterIteration number of SCF iterations printed in this deck before the line (0 = before the loop)
 */
public record EnergyWindow(int line, FixedField ewRy, FixedField ezRy, int afterIteration) {
}
