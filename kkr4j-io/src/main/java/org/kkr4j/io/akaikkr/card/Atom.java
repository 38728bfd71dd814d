package org.kkr4j.io.akaikkr.card;

import java.util.Objects;

/** An atom of the unit cell: three position tokens and the name of its type. */
public record Atom(Coordinate x, Coordinate y, Coordinate z, String typeName) {

    public Atom {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(typeName, "typeName");
    }
}
