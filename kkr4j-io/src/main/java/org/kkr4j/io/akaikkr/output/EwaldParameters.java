package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/** A {@code preta= eta=} line (Ewald parameters of the structure constants). */
public record EwaldParameters(int line, FixedField preta, FixedField eta) {
}
