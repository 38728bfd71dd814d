package org.kkr4j.remote.transport;

/**
 * The connection died while an operation was under way. The operation's effect on the remote side is
 * unknown (a tar may be half extracted); transfers are whole-tar and idempotent, so the caller retries.
 */
public final class ConnectionLostException extends TransportException {
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
