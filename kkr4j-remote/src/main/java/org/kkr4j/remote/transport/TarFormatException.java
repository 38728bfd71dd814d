package org.kkr4j.remote.transport;

/** A tar stream was malformed or truncated, or named a member outside the target directory. */
public final class TarFormatException extends TransportException {
    public TarFormatException(String message) {
        super(message);
    }
}
