package org.kkr4j.io.akaikkr.output.modes;

/**
 * One row of the {@code sublat cmpnt Hmf(Ry) Hmf(meV)} table of {@code go=tc}.
 *
 * @param line        1-based line
 * @param sublattice  sublattice number
 * @param component   component number on it
 * @param hmfRy       molecular field in Ry; NaN when overflowed
 * @param hmfMeV      molecular field in meV; NaN when overflowed
 */
public record MolecularFieldRow(int line, int sublattice, int component, double hmfRy, double hmfMeV) {
}
