package org.kkr4j.io.akaikkr.card;

/** How the token stream of a card ended. */
public enum CardEnd {
    /** The file simply ended after the last deck. */
    END_OF_FILE,
    /** {@code end} in the go position. */
    END,
    /** {@code eof} in the go position. */
    EOF
}
