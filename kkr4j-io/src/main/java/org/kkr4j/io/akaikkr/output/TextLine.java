package org.kkr4j.io.akaikkr.output;

/** A line kept verbatim (trailing blanks removed), with its 1-based number. */
public record TextLine(int line, String text) {
}
