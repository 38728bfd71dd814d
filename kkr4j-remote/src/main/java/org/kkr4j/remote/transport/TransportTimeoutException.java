package org.kkr4j.remote.transport;

import java.time.Duration;

/** An operation (or the wait for a free channel) did not finish within its timeout and was abandoned. */
public final class TransportTimeoutException extends TransportException {
    private final Duration timeout;

    public TransportTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
