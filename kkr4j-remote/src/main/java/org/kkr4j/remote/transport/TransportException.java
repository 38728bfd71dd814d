package org.kkr4j.remote.transport;

import java.io.IOException;

/**
 * Something went wrong between this JVM and a computer. Checked (an {@link IOException}) because every
 * caller must decide what a lost login node means for its runs; sealed so a caller can tell the cases
 * apart exhaustively: could not connect, refused login, untrusted host key, connection dropped mid-way,
 * too slow, a transport step failed on the remote side, a tar stream was malformed.
 */
public abstract sealed class TransportException extends IOException
        permits TransportUnavailableException, TransportAuthenticationException, HostKeyRejectedException,
        ConnectionLostException, TransportTimeoutException, RemoteOperationException, TarFormatException {
    protected TransportException(String message) {
        super(message);
    }

    protected TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
