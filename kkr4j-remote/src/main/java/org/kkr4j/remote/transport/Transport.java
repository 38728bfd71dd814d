package org.kkr4j.remote.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.CommandRunner;

/**
 * How kkr4j reaches one computer: run commands, move run directories in and results out, and the few
 * file operations a scheduler needs. One instance per computer, shared by every caller and thread-safe
 * (see {@link TransportPool}).
 *
 * <p>Remote paths are strings in the remote computer's syntax: absolute, "~/"-relative, or relative to the
 * login directory. Paths and arguments containing NUL or a line break are refused with
 * {@link UnsafeArgumentException} before anything is sent. Failures of the connection itself are
 * {@link TransportException}s.
 *
 * <p>Transfers are whole-tar and idempotent: after a {@link ConnectionLostException} the caller repeats
 * the same upload or download, which overwrites whatever the broken attempt left.
 */
public interface Transport extends CommandRunner, AutoCloseable {

    /** The computer's name, used in messages. */
    String computer();

    /**
     * Runs {@code argv} (each element passed as one word, never interpreted by a shell) and returns how it
     * ended; a non-zero exit is a result, not an exception.
     */
    @Override
    CommandResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException;

    /**
     * Copies local files and directories (recursively) to {@code remoteRoot}/{@code entry.remotePath()},
     * creating {@code remoteRoot} and parents, in one tar stream (one SSH channel).
     */
    void upload(List<UploadEntry> entries, String remoteRoot, Duration timeout)
            throws IOException, InterruptedException;

    /**
     * Fetches {@code remoteRoot}/p for each relative path p (files, or directories recursively) into
     * {@code localRoot}/p in one tar stream. Paths that do not exist remotely are reported as missing,
     * not as an error. Files appear locally only once complete (written under a temporary name first).
     */
    DownloadResult download(String remoteRoot, List<String> relativePaths, Path localRoot, Duration timeout)
            throws IOException, InterruptedException;

    /** mkdir -p. */
    void mkdirs(String remoteDir, Duration timeout) throws IOException, InterruptedException;

    /**
     * rm -rf; a missing tree is not an error. Refuses "/", top-level directories, "~", "." and paths with
     * "..".
     */
    void removeTree(String remotePath, Duration timeout) throws IOException, InterruptedException;

    /**
     * The content of a regular file, or empty if there is no such file.
     *
     * @throws RemoteOperationException if the file is larger than {@code maxBytes} or cannot be read
     */
    Optional<byte[]> readFile(String remotePath, long maxBytes, Duration timeout)
            throws IOException, InterruptedException;

    /** Writes a file (parent must exist), replacing it atomically: written beside it, then renamed. */
    void writeFile(String remotePath, byte[] content, Duration timeout) throws IOException, InterruptedException;

    /** What is at a path (following symbolic links), or empty if nothing is. */
    Optional<RemoteFileStat> stat(String remotePath, Duration timeout) throws IOException, InterruptedException;

    default boolean exists(String remotePath, Duration timeout) throws IOException, InterruptedException {
        return stat(remotePath, timeout).isPresent();
    }

    /** Counters since this transport was created (connections opened, commands/channels run, peak concurrency). */
    TransportStats stats();

    @Override
    void close() throws IOException;
}
