package org.kkr4j.remote;

/**
 * A command argument, path or name cannot be passed through a shell safely (it holds a NUL or a line
 * break). Names what was rejected and where, so that the caller can report it.
 */
public final class UnsafeArgumentException extends IllegalArgumentException {
    private final String what;
    private final String value;

    public UnsafeArgumentException(String what, String value, String reason) {
        super(what + " " + visible(value) + " rejected: " + reason);
        this.what = what;
        this.value = value;
    }

    /** What the value was (e.g. "argument 3", "run directory"). */
    public String what() {
        return what;
    }

    public String value() {
        return value;
    }

    /** The value with control characters made visible, for messages. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append("\\0");
                case '"' -> b.append("\\\"");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
