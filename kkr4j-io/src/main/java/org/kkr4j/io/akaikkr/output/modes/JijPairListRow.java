package org.kkr4j.io.akaikkr.output.modes;

/**
 * One row of the long pair list printed after Tc by the standard 2022.0721 build
 * ({@code pair# atom1 atom2 comp1 comp2 (cell) distance J(meV) index}).
 *
 * @param line      1-based line
 * @param pair      pair number
 * @param atom1     first atom
 * @param atom2     second atom
 * @param comp1     component on atom1
 * @param comp2     component on atom2
 * @param cell1     lattice translation, first integer as printed in the parentheses
 * @param cell2     second integer
 * @param cell3     third integer
 * @param distanceA distance in units of a
 * @param jMeV      exchange coupling in meV; NaN when overflowed
 * @param index     the shell index of the J_ij table this pair belongs to
 */
public record JijPairListRow(int line, int pair, int atom1, int atom2, int comp1, int comp2,
                             int cell1, int cell2, int cell3, double distanceA, double jMeV, int index) {
}
