package org.kkr4j.structure;

import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.elements.UnknownElementException;

import java.util.Optional;
import java.util.Set;

/**
 * What occupies (part of) a site: a real element of the element table, or an empty sphere (Z = 0).
 * Empty spheres are written {@code X}, {@code Vc} or {@code Og} in the inputs kkr4j meets (Cif2Kkr uses
 * {@code Og} as its vacancy marker, so oganesson is never taken as the element here); the symbol is kept
 * as written so that a file round-trips.
 *
 * @param symbol canonical element symbol, or the empty-sphere marker as written
 * @param z      atomic number, 0 for an empty sphere
 */
public record Species(String symbol, int z) implements Comparable<Species> {

    /** Symbols read as empty spheres (Z = 0). */
    public static final Set<String> EMPTY_SPHERE_SYMBOLS = Set.of("X", "Vc", "Og");

    public Species {
        if (z == 0) {
            if (!EMPTY_SPHERE_SYMBOLS.contains(symbol)) {
                throw new IllegalArgumentException("'" + symbol + "' is not an empty-sphere symbol " + EMPTY_SPHERE_SYMBOLS);
            }
        } else if (!Elements.isSymbol(symbol) || Elements.bySymbol(symbol).z() != z) {
            throw new IllegalArgumentException("'" + symbol + "' is not the element with Z = " + z);
        }
    }

    /** The species for a canonical symbol or empty-sphere marker; {@link UnknownElementException} otherwise. */
    public static Species of(String symbol) {
        if (EMPTY_SPHERE_SYMBOLS.contains(symbol)) {
            return new Species(symbol, 0);
        }
        Element e = Elements.bySymbol(symbol);
        return new Species(e.symbol(), e.z());
    }

    public boolean isEmptySphere() {
        return z == 0;
    }

    /** The element, empty for an empty sphere. */
    public Optional<Element> element() {
        return z == 0 ? Optional.empty() : Optional.of(Elements.byZ(z));
    }

    /** Orders by Z, then symbol (so X, Vc, Og are ordered among themselves). */
    @Override
    public int compareTo(Species o) {
        int c = Integer.compare(z, o.z);
        return c != 0 ? c : symbol.compareTo(o.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
