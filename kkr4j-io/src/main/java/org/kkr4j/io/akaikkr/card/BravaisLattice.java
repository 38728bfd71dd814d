package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lattices of {@code ibrava.f}. Synonyms map to one constant ({@code trg} = {@code rhb},
 * {@code hex} = {@code hcp}, {@code prv} = {@code aux}); the card keeps the keyword the user wrote in
 * {@link Lattice#keyword()}.
 */
public enum BravaisLattice {
    FCC("fcc"), BCC("bcc"), HCP("hcp", "hex"), SC("sc"), BCT("bct"), ST("st"), FCO("fco"), BCO("bco"),
    BSO("bso"), SO("so"), BSM("bsm"), SM("sm"), TRC("trc"), RHB("rhb", "trg"), FCT("fct"),
    /** Primitive vectors given explicitly in the card (units of a). */
    AUX("aux", "prv");

    private final List<String> keywords;

    BravaisLattice(String... keywords) {
        this.keywords = List.of(keywords);
    }

    /** The keywords specx accepts for this lattice; the first is the canonical one. */
    public List<String> keywords() {
        return keywords;
    }

    public String canonicalKeyword() {
        return keywords.get(0);
    }

    /** Whether the card gives three primitive vectors instead of c/a, b/a, alpha, beta, gamma. */
    public boolean hasPrimitiveVectors() {
        return this == AUX;
    }

    /** The lattice named by a keyword without the {@code tlt} suffix (any case), or empty. */
    public static Optional<BravaisLattice> fromKeyword(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        for (BravaisLattice b : values()) {
            if (b.keywords.contains(k)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
