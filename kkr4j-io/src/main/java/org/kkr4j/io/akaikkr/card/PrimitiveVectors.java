package org.kkr4j.io.akaikkr.card;

/** The three primitive translation vectors of an {@code aux}/{@code prv} lattice, in units of a. */
public record PrimitiveVectors(Vector3 a, Vector3 b, Vector3 c) {

    /** specx's default when the nine numbers are left empty. */
    public static final PrimitiveVectors IDENTITY =
            new PrimitiveVectors(new Vector3(1, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, 1));
}
