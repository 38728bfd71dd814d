package org.kkr4j.structure.akaikkr;

import java.util.Objects;
import org.kkr4j.io.akaikkr.card.BravaisLattice;

/**
 * How the lattice of a structure is written in a card.
 *
 * <ul>
 *   <li>{@link Named}: a named brvtyp; the structure must be in the conventional setting of that lattice
 *       (cubic, tetragonal, orthorhombic: a, b, c along the conventional axes; hcp and rhb: hexagonal
 *       axes with γ = 120°, or for rhb also rhombohedral axes a = b = c, α = β = γ; sm/bsm: unique axis b
 *       with α = γ = 90°; fct: the body-centred tetragonal conventional cell, written with
 *       a_fct = √2·a).</li>
 *   <li>{@link AuxAsGiven}: {@code aux} with the structure's own cell vectors in their Cartesian frame.</li>
 *   <li>{@link AuxStandardOrientation}: {@code aux} with the cell re-oriented as AkaiKKR's symmetry search
 *       needs it for triclinic and general cells: a along x, b in the xy plane.</li>
 * </ul>
 */
public sealed interface BrvtypChoice {

    record Named(BravaisLattice bravais) implements BrvtypChoice {
        public Named {
            Objects.requireNonNull(bravais, "bravais");
            if (bravais == BravaisLattice.AUX) {
                throw new IllegalArgumentException("aux is chosen with BrvtypChoice.auxAsGiven() or auxStandardOrientation()");
            }
        }
    }

    record AuxAsGiven() implements BrvtypChoice {
    }

    record AuxStandardOrientation() implements BrvtypChoice {
    }

    static BrvtypChoice named(BravaisLattice bravais) {
        return new Named(bravais);
    }

    /** The lattice named by a keyword ({@code fcc}, {@code hex}, {@code trg}, {@code aux} = as given ...). */
    static BrvtypChoice of(String keyword) {
        BravaisLattice b = BravaisLattice.fromKeyword(keyword)
                .orElseThrow(() -> new IllegalArgumentException("unknown brvtyp '" + keyword + "'"));
        return b == BravaisLattice.AUX ? auxAsGiven() : named(b);
    }

    static BrvtypChoice auxAsGiven() {
        return new AuxAsGiven();
    }

    static BrvtypChoice auxStandardOrientation() {
        return new AuxStandardOrientation();
    }
}
