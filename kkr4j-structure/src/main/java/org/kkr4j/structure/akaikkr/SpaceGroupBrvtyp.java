package org.kkr4j.structure.akaikkr;

import org.kkr4j.io.akaikkr.card.BravaisLattice;

/**
 * The AkaiKKR lattice (brvtyp) of each of the 230 space-group types.
 *
 * <p>Origin: the {@code _BravaisKKR} table of the reference converter (Cif2Kkr, AkaiKKRPythonUtil), as
 * transcribed in {@code shared/reference/structure.md} §5.1. That table is exactly "crystal family + first
 * letter of the Hermann–Mauguin symbol": triclinic → trc; monoclinic P → sm, C → bsm; orthorhombic P → so,
 * C and A (A is turned into C by the conventional setting) → bso, F → fco, I → bco; tetragonal P → st,
 * I → bct; trigonal and hexagonal P → hcp, R → rhb; cubic P → sc, F → fcc, I → bcc. The ranges below are
 * the table; {@code SpaceGroupBrvtypTest} checks all 230 against that rule applied to the space-group table.
 */
public final class SpaceGroupBrvtyp {

    private SpaceGroupBrvtyp() {
    }

    /** brvtyp for a space-group number 1..230. */
    public static BravaisLattice of(int n) {
        if (n < 1 || n > 230) {
            throw new IllegalArgumentException("space-group number must be 1..230: " + n);
        }
        if (n <= 2) {
            return BravaisLattice.TRC;
        }
        if (n <= 15) {
            return in(n, 5, 8, 9, 12, 15) ? BravaisLattice.BSM : BravaisLattice.SM;
        }
        if (n <= 74) {
            if (in(n, 22, 42, 43, 69, 70)) {
                return BravaisLattice.FCO;
            }
            if (in(n, 23, 24, 44, 45, 46, 71, 72, 73, 74)) {
                return BravaisLattice.BCO;
            }
            if (in(n, 20, 21, 35, 36, 37, 38, 39, 40, 41, 63, 64, 65, 66, 67, 68)) {
                return BravaisLattice.BSO;
            }
            return BravaisLattice.SO;
        }
        if (n <= 142) {
            return in(n, 79, 80, 82, 87, 88, 97, 98, 107, 108, 109, 110, 119, 120, 121, 122, 139, 140, 141, 142)
                    ? BravaisLattice.BCT : BravaisLattice.ST;
        }
        if (n <= 194) {
            return in(n, 146, 148, 155, 160, 161, 166, 167) ? BravaisLattice.RHB : BravaisLattice.HCP;
        }
        if (in(n, 196, 202, 203, 209, 210, 216, 219, 225, 226, 227, 228)) {
            return BravaisLattice.FCC;
        }
        if (in(n, 197, 199, 204, 206, 211, 214, 217, 220, 229, 230)) {
            return BravaisLattice.BCC;
        }
        return BravaisLattice.SC;
    }

    private static boolean in(int n, int... values) {
        for (int v : values) {
            if (v == n) {
                return true;
            }
        }
        return false;
    }
}
