package org.kkr4j.remote.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * No connection could be had: the host did not answer, or the transport is holding off after recent
 * failures so as not to hammer a login node. {@link #retryAfter()} says when a new attempt will be made.
 */
public final class TransportUnavailableException extends TransportException {
    private final Duration retryAfter;

    public TransportUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long until the transport will try to connect again, if it is holding off. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
