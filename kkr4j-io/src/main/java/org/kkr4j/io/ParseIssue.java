package org.kkr4j.io;

/**
 * Something a parser noticed but could not turn into a value, reported beside the result instead of
 * being hidden: an overflowed {@code ****} field, two fixed-width numbers run together, a block cut
 * short. A value with an issue is absent (or NaN inside an array), never a guessed number.
 *
 * @param source file path or label
 * @param line   1-based line
 * @param field  the quantity concerned, e.g. {@code iteration.moment} or {@code dos.component[3].up}
 * @param kind   what went wrong
 * @param detail the raw text and an explanation
 */
public record ParseIssue(String source, int line, String field, Kind kind, String detail) {

    public enum Kind {
        /** Fortran filled the field with asterisks: the value did not fit its format. */
        OVERFLOW,
        /** Two fixed-width fields printed without a separating blank; split by the Fortran widths. */
        RUN_TOGETHER,
        /** A quantity that belongs to this block is not there. */
        MISSING,
        /** The block or file ends before it is complete. */
        TRUNCATED,
        /** Text that does not fit the expected layout and was skipped. */
        UNEXPECTED
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + kind + " " + field + ": " + detail;
    }
}
