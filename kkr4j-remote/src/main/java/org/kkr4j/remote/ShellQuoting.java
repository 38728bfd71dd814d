package org.kkr4j.remote;

import java.util.List;

/**
 * Quotes command arguments for a POSIX shell (sh, bash, dash, and the login shells of HPC centres).
 *
 * <p>Every element is put in single quotes, inside which a POSIX shell interprets nothing; an embedded
 * single quote becomes {@code '\''}. NUL cannot be passed through a C argument vector at all, and a line
 * break inside an argument is rejected because remote shells, job-script directives and scheduler
 * wrappers handle it inconsistently: a path with a newline is a mistake, not something to transport.
 */
public final class ShellQuoting {
    private ShellQuoting() {
    }

    /** One argument, single-quoted. */
    public static String quote(String argument) {
        return quote("argument", argument);
    }

    /** One value, single-quoted; {@code what} names the value in the error if it is rejected. */
    public static String quote(String what, String value) {
        check(what, value);
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A whole argument vector as one shell command line, each element quoted. */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argument vector");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(quote("argument " + i, argv.get(i)));
        }
        return b.toString();
    }

    /** Throws {@link UnsafeArgumentException} if {@code value} holds NUL, CR or LF. */
    public static void check(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new UnsafeArgumentException(what, value, "contains NUL at index " + i);
            }
            if (c == '\n' || c == '\r') {
                throw new UnsafeArgumentException(what, value, "contains a line break at index " + i);
            }
        }
    }
}
