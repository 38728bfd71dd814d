package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

import java.util.List;

/**
 * The primitive cell of a decorated crystal.
 *
 * @param structure           the primitive cell (right-handed basis of the shortest independent lattice
 *                            vectors, sites wrapped into [0,1))
 * @param latticeTranslations the pure translations of the input cell that map the crystal onto itself,
 *                            in fractions of the input cell, in [0,1), the zero vector first
 */
public record PrimitiveCell(Structure structure, List<Vec3> latticeTranslations) {

    public PrimitiveCell {
        latticeTranslations = List.copyOf(latticeTranslations);
    }

    public int atomCount() {
        return structure.sites().size();
    }
}
