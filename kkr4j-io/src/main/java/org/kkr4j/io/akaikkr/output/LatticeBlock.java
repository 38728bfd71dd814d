package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/**
 * The {@code lattice constant} block: the lattice as specx built it (correct even when the input echo
 * overflowed, e.g. the automatic lattice constant).
 *
 * @param line                     1-based line of {@code bravais=}
 * @param bravais                  {@code bravais=}
 * @param aBohr                    lattice constant a (bohr)
 * @param cOverA                   c/a (dimensionless; 0 printed for aux)
 * @param bOverA                   b/a
 * @param alphaDeg                 alpha (degrees)
 * @param betaDeg                  beta
 * @param gammaDeg                 gamma
 * @param unitCellVolumeBohr3      {@code unit cell volume=} (bohr^3); null when not printed
 * @param volumeFillingPercent     {@code volume filling=} (percent); null when not printed
 * @param primitiveVectorsA        rows a, b, c in units of a; null when not printed; NaN for an unreadable entry
 * @param reciprocalVectors2PiOverA rows ga, gb, gc in units of 2 pi/a; null when not printed
 */
public record LatticeBlock(int line, String bravais, FixedField aBohr, FixedField cOverA, FixedField bOverA,
                           FixedField alphaDeg, FixedField betaDeg, FixedField gammaDeg,
                           FixedField unitCellVolumeBohr3, FixedField volumeFillingPercent,
                           double[][] primitiveVectorsA, double[][] reciprocalVectors2PiOverA) {
}
