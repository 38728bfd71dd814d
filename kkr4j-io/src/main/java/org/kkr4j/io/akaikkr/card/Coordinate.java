package org.kkr4j.io.akaikkr.card;

import java.util.Objects;

/**
 * One of the three position tokens of an atom, e.g. {@code 0.5}, {@code 1/3a}, {@code 0x}, {@code c}.
 * The suffix letter, not the column, says which vector the number multiplies ({@code chklat.f}).
 *
 * @param value the number (a lone letter means 1; {@code 1/3} is stored as the double 1/3)
 * @param basis which vector it multiplies
 */
public record Coordinate(double value, Basis basis) {

    public enum Basis {
        /** Bare number: Cartesian, in units of a, along the axis of the column (x, y or z). */
        CARTESIAN(""),
        /** Suffix {@code a}: multiple of the first primitive vector. */
        A("a"),
        /** Suffix {@code b}: multiple of the second primitive vector. */
        B("b"),
        /** Suffix {@code c}: multiple of the third primitive vector. */
        C("c"),
        /** Suffix {@code x}: multiple of (1,0,0). */
        X("x"),
        /** Suffix {@code y}: multiple of (0,b/a,0). */
        Y("y"),
        /** Suffix {@code z}: multiple of (0,0,c/a). */
        Z("z");

        private final String suffix;

        Basis(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }

        public boolean isPrimitive() {
            return this == A || this == B || this == C;
        }
    }

    public Coordinate {
        Objects.requireNonNull(basis, "basis");
    }

    public static Coordinate cartesian(double value) {
        return new Coordinate(value, Basis.CARTESIAN);
    }
}
