package org.kkr4j.io.akaikkr.card;

import java.util.Objects;
import java.util.Optional;

/**
 * The lattice fields of a deck: {@code brvtyp} (with optional {@code tlt}), the primitive vectors of
 * {@code aux}/{@code prv}, the tilt angles, a, and c/a, b/a, alpha, beta, gamma.
 *
 * <p>For {@code aux}/{@code prv} the card has no c/a ... gamma fields at all; specx then keeps its
 * defaults (0), and so does this record: {@link #cOverA()} ... {@link #gammaDeg()} must be 0.
 * A value 0 for a named lattice means "the lattice default" (e.g. 90 degrees, ideal c/a), as in specx.
 *
 * @param bravais          the lattice
 * @param keyword          the keyword as written (lower case, without {@code tlt}), e.g. {@code trg}
 * @param tilt             the Euler angles when the keyword carried the {@code tlt} suffix
 * @param primitiveVectors present iff {@code bravais} is {@link BravaisLattice#AUX}
 * @param aBohr            the lattice constant a in bohr; see {@link #aSource()} for its special values
 * @param cOverA           c/a
 * @param bOverA           b/a
 * @param alphaDeg         alpha (degrees)
 * @param betaDeg          beta (degrees)
 * @param gammaDeg         gamma (degrees)
 */
public record Lattice(BravaisLattice bravais, String keyword, Optional<EulerAngles> tilt,
                      Optional<PrimitiveVectors> primitiveVectors, double aBohr, double cOverA, double bOverA,
                      double alphaDeg, double betaDeg, double gammaDeg) {

    /** What specx does with the value of a ({@code chklat.f}). */
    public enum LatticeConstantSource {
        /** a is used as given. */
        GIVEN,
        /** a &lt; 1.01e-6: estimated from the MJW atomic volumes. */
        ESTIMATED_MJW,
        /** a &gt; 0.99e6: estimated from experimental atomic volumes. */
        ESTIMATED_EXPERIMENTAL
    }

    public Lattice {
        Objects.requireNonNull(bravais, "bravais");
        Objects.requireNonNull(tilt, "tilt");
        Objects.requireNonNull(primitiveVectors, "primitiveVectors");
        if (!bravais.keywords().contains(keyword)) {
            throw new IllegalArgumentException("keyword '" + keyword + "' does not name " + bravais);
        }
        if (bravais.hasPrimitiveVectors() != primitiveVectors.isPresent()) {
            throw new IllegalArgumentException(bravais.hasPrimitiveVectors()
                    ? "aux/prv lattice needs primitive vectors" : "primitive vectors are only read for aux/prv");
        }
    }

    /** A named lattice (not aux) without tilt. */
    public static Lattice named(BravaisLattice bravais, double aBohr, double cOverA, double bOverA,
                                double alphaDeg, double betaDeg, double gammaDeg) {
        return new Lattice(bravais, bravais.canonicalKeyword(), Optional.empty(), Optional.empty(), aBohr,
                cOverA, bOverA, alphaDeg, betaDeg, gammaDeg);
    }

    /** An {@code aux} lattice without tilt. */
    public static Lattice aux(PrimitiveVectors vectors, double aBohr) {
        return new Lattice(BravaisLattice.AUX, "aux", Optional.empty(), Optional.of(vectors), aBohr, 0, 0, 0, 0, 0);
    }

    /** The brvtyp token as it is written in a card, e.g. {@code fcctlt}. */
    public String brvtypToken() {
        return tilt.isPresent() ? keyword + "tlt" : keyword;
    }

    public LatticeConstantSource aSource() {
        if (aBohr < 1.01e-6) {
            return LatticeConstantSource.ESTIMATED_MJW;
        }
        if (aBohr > 0.99e6) {
            return LatticeConstantSource.ESTIMATED_EXPERIMENTAL;
        }
        return LatticeConstantSource.GIVEN;
    }
}
