package org.kkr4j.remote.transport;

/**
 * A command argument or path cannot be passed to a remote shell safely (it contains NUL or a line break,
 * escapes its directory with "..", starts with '-', ...). Raised before anything is sent.
 */
public final class UnsafeArgumentException extends IllegalArgumentException {
    public UnsafeArgumentException(String message) {
        super(message);
    }
}
