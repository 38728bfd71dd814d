package org.kkr4j.remote.transport;

/**
 * What is at a remote path.
 *
 * @param kind      regular file, directory, or something else (device, fifo, socket)
 * @param sizeBytes the size of a regular file; 0 otherwise
 */
public record RemoteFileStat(Kind kind, long sizeBytes) {
    public enum Kind { FILE, DIRECTORY, OTHER }
}
