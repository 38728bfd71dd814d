package org.kkr4j.ml.data;

/**
 * A table row a dataset builder did not use, and why.
 *
 * @param line   the row's 1-based line in the source
 * @param reason the kind of reason
 * @param column the column at fault, or null (a filter names its own column)
 * @param detail one sentence
 */
public record LeftOutRow(int line, Reason reason, String column, String detail) {
    public enum Reason {
        /** The row filter said no. */
        FILTERED("filter"),
        /** The target cell is empty. */
        MISSING_TARGET("missing target"),
        /** Target not a number, NaN or infinite (only with {@code leaveOutBadRows}; an error otherwise). */
        BAD_TARGET("unparsable target"),
        /** The composition cell(s) do not parse (only with {@code leaveOutBadRows}). */
        BAD_COMPOSITION("unparsable composition"),
        /** The structure cell is empty or unknown (only with {@code leaveOutBadRows}). */
        BAD_STRUCTURE("unparsable structure"),
        /** A filter cell that cannot be compared (only with {@code leaveOutBadRows}). */
        BAD_FILTER_VALUE("unparsable filter value"),
        /** An element lacks a property the featurizer needs (only with {@code leaveOutBadRows}). */
        MISSING_PROPERTY("missing elemental property");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : " [" + column + "]") + ": " + reason.label() + ": " + detail;
    }
}
