package org.kkr4j.remote.transport;

/** The server refused every key offered (files and agent) for this user; the message names user@host:port. */
public final class TransportAuthenticationException extends TransportException {
    public TransportAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
