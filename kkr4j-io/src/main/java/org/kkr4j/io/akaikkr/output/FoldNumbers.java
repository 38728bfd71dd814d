package org.kkr4j.io.akaikkr.output;

/** The {@code nfa= nfb= nfc=} line some 2022.0721 runs print. */
public record FoldNumbers(int line, Integer nfa, Integer nfb, Integer nfc) {
}
