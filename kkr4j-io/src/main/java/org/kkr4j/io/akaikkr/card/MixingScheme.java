package org.kkr4j.io.akaikkr.card;

import java.util.Locale;

/** The mixing named by the suffix of {@code pmix} (cpa2002v010 ignores the suffix and mixes by its own rule). */
public enum MixingScheme {
    /** No suffix: the version's default (2021+: {@code tchb-brydn}). */
    DEFAULT,
    /** {@code ch}, {@code tch}, {@code tchebyshev}. */
    TCHEBYSHEV,
    /** {@code br}, {@code bry}, {@code broyden}. */
    BROYDEN,
    /** A suffix that none of the versions documents. */
    UNKNOWN;

    public static MixingScheme ofSuffix(String suffix) {
        String s = suffix.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "" -> DEFAULT;
            case "ch", "tch", "tchebyshev" -> TCHEBYSHEV;
            case "br", "bry", "broyden" -> BROYDEN;
            default -> UNKNOWN;
        };
    }
}
