package org.kkr4j.io;

/**
 * A file that kkr4j cannot read as what it should be: a truncated log, a card with a misplaced
 * field, garbage bytes. It always names the file, the 1-based line (0 when the problem is the file
 * as a whole) and the field concerned, so that a user can go and look.
 */
public class KkrFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public KkrFormatException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public KkrFormatException(String source, int line, String field, String problem, Throwable cause) {
        this(source, line, field, problem);
        initCause(cause);
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(source == null ? "<unnamed>" : source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append('[').append(field).append("] ");
        }
        return sb.append(problem).toString();
    }

    /** The file path or label. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The field (card field, output quantity or block) concerned. */
    public String field() {
        return field;
    }

    /** The problem, without the location. */
    public String problem() {
        return problem;
    }
}
