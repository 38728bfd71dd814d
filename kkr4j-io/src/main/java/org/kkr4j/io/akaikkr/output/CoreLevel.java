package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/**
 * One core level, {@code f15.7,' Ry(',a2,')',a1}.
 *
 * @param line              1-based line
 * @param state             the state label, e.g. {@code 1s}, {@code 4f}
 * @param levelRy           the level (Ry); may be positive for a state moved to the valence
 * @param treatedAsValence  true when the trailing {@code *} marks the state as treated as valence
 */
public record CoreLevel(int line, String state, FixedField levelRy, boolean treatedAsValence) {
}
