package org.kkr4j.io.akaikkr.output;

/**
 * A message of the option reader ({@code m_optn}).
 *
 * @param line     1-based line
 * @param kind     what the reader complained about
 * @param text     the message as printed
 * @param stopCode the stop code printed on the next line (100 for an unknown token); null when none
 */
public record OptionMessage(int line, Kind kind, String text, Integer stopCode) {

    public enum Kind {
        /** {@code unknown token: <tok>}: specx stops. */
        UNKNOWN_TOKEN,
        /** {@code failed to read "end_option"}: the block is not closed; specx stops. */
        MISSING_END_OPTION,
        /** {@code unknown array label<name>, but ignore it.}: a warning, the run continues. */
        UNKNOWN_ARRAY_LABEL
    }

    /** True when this message stops specx. */
    public boolean fatal() {
        return kind != Kind.UNKNOWN_ARRAY_LABEL;
    }
}
