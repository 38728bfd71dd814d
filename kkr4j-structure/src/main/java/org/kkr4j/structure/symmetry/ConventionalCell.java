package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

/**
 * The standard conventional cell of the identified setting.
 *
 * @param structure                   the conventional cell in spglib's orientation (a along x, b in the xy
 *                                    plane) with the idealised lattice of its crystal system (cubic a = b = c,
 *                                    mean of the three; tetragonal and hexagonal a = b, mean of the two, γ = 120°
 *                                    for hexagonal axes; right angles where the system has them; triclinic as
 *                                    found), sites in the setting's origin (fractions are not symmetrised)
 * @param foundLattice                the same cell without idealisation (lengths and angles as in the input)
 * @param transformationFromInputRowMajor 3×3, row-major: column j is conventional vector j in fractions of
 *                                    the input cell (exact rationals, e.g. ½ for a supercell input)
 * @param originShift                 fractional coordinates map as x_conv = T⁻¹·x_input + originShift
 * @param setting                     the table setting (Hall number, symbols, operations) the crystal matches
 */
public record ConventionalCell(Structure structure, Lattice foundLattice, double[] transformationFromInputRowMajor, Vec3 originShift,
                               SpaceGroupSetting setting) {

    public ConventionalCell {
        transformationFromInputRowMajor = transformationFromInputRowMajor.clone();
    }

    @Override
    public double[] transformationFromInputRowMajor() {
        return transformationFromInputRowMajor.clone();
    }

    /** Conventional cell volume / primitive cell volume: 1 (P), 2 (A, B, C, I), 3 (R in hexagonal axes), 4 (F). */
    public int centringMultiplicity() {
        return (int) setting.operations().stream().filter(o -> IntMatrix.trace(IntMatrix.rotation(o)) == 3).count();
    }
}
