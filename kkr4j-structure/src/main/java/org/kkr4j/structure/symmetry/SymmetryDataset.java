package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Structure;

import java.util.HashSet;
import java.util.List;

/**
 * The symmetry of a decorated crystal.
 *
 * @param spaceGroupNumber     1..230
 * @param internationalSymbol  short Hermann–Mauguin symbol as spglib writes it ({@code P6_3/mmc}, {@code Fm-3m})
 * @param crystalSystem        from the number
 * @param centring             first letter of the symbol: P, A, B, C, I, F or R
 * @param primitiveCell        the primitive cell of the input (translations of the input cell)
 * @param reducedPrimitive     the Delaunay-reduced primitive cell the operations refer to
 * @param operations           the space-group operations modulo lattice translations, one per point-group
 *                             rotation, on fractional coordinates of {@code reducedPrimitive}
 * @param equivalentSites      for every site of the input, the index of the first input site of its orbit
 * @param conventionalCell     the standard conventional cell and the matched table setting
 */
public record SymmetryDataset(int spaceGroupNumber, String internationalSymbol, CrystalSystem crystalSystem, char centring,
                              PrimitiveCell primitiveCell, Structure reducedPrimitive, List<SymOp> operations,
                              List<Integer> equivalentSites, ConventionalCell conventionalCell) {

    public SymmetryDataset {
        operations = List.copyOf(operations);
        equivalentSites = List.copyOf(equivalentSites);
    }

    /** Number of symmetry-inequivalent sites (orbits) of the input. */
    public int orbitCount() {
        return new HashSet<>(equivalentSites).size();
    }

    public int pointGroupOrder() {
        return operations.size();
    }

    public int hallNumber() {
        return conventionalCell.setting().hallNumber();
    }

    public String hallSymbol() {
        return conventionalCell.setting().hallSymbol();
    }
}
