package org.kkr4j.io.akaikkr.output;

/**
 * An option value echoed by 2021+ builds as {@code  optnwrt:<name> <value>}. The value is kept as
 * text: it is list-directed output (e.g. {@code 1.000000000000000E-005}) and its type depends on the key.
 */
public record OptionEcho(int line, String name, String value) {
}
