package org.kkr4j.ml.data;

/**
 * A table cell (or the table's shape) that cannot be used: says which source, which 1-based line and which column,
 * so that the user can find and fix it. {@code line} is 0 when the problem is not tied to a line (a column missing
 * from the header, say), {@code column} null when it is not tied to a column (a row with too many fields).
 */
public class TableFormatException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final String column;
    private final String problem;

    public TableFormatException(String source, int line, String column, String problem) {
        super(describe(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public TableFormatException(String source, int line, String column, String problem, Throwable cause) {
        this(source, line, column, problem);
        initCause(cause);
    }

    static String describe(String source, int line, String column, String problem) {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(", line ").append(line);
        }
        if (column != null) {
            s.append(", column '").append(column).append('\'');
        }
        return s.append(": ").append(problem).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, 0 when not tied to one. */
    public int line() {
        return line;
    }

    /** Column name, or null. */
    public String column() {
        return column;
    }

    /** The problem without the location. */
    public String problem() {
        return problem;
    }
}
