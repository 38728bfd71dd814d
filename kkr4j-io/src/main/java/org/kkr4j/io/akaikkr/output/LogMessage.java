package org.kkr4j.io.akaikkr.output;

/**
 * A {@code ***wrn in}, {@code ***msg in} or {@code ***err in} line of specx.
 *
 * @param line    1-based line
 * @param kind    warning, message or error stop
 * @param routine the Fortran routine named after {@code in} (e.g. {@code spmain}); null when the line has no {@code ...}
 * @param text    the message after {@code ...}
 */
public record LogMessage(int line, Kind kind, String routine, String text) {

    public enum Kind {
        WARNING, MESSAGE, ERROR
    }
}
