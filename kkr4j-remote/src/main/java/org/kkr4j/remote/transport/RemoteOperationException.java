package org.kkr4j.remote.transport;

/**
 * A transport step ran but failed on the computer (mkdir refused, tar could not extract, disk full):
 * the connection is fine, the request is not. Carries the exit code and what the command said.
 */
public final class RemoteOperationException extends TransportException {
    private final int exitCode;
    private final String stderr;

    public RemoteOperationException(String message, int exitCode, String stderr) {
        super(message + " (exit " + exitCode + (stderr.isBlank() ? "" : ": " + stderr.strip()) + ")");
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderr() {
        return stderr;
    }
}
