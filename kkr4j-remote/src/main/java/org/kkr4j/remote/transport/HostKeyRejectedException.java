package org.kkr4j.remote.transport;

/** The server's host key is not the one in known_hosts (or is unknown and the policy is strict). */
public final class HostKeyRejectedException extends TransportException {
    public HostKeyRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
