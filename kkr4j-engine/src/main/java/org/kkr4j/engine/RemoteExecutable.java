package org.kkr4j.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.transport.Transport;

/**
 * An executable on a remote computer, looked at through the computer's transport: whether it is there and
 * executable for the remote user, and its SHA-256 as {@code sha256sum} there computes it (the binary is
 * never copied here to be hashed).
 */
final class RemoteExecutable {
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private RemoteExecutable() {
    }

    /** Null when the path is a regular file executable by the remote user, else why it is not usable. */
    static String problem(Transport t, String path) throws IOException, InterruptedException {
        if (!path.startsWith("/")) {
            return "the path must be absolute on " + t.computer() + ": " + path;
        }
        if (t.run(List.of("test", "-f", path), TIMEOUT).exitCode() != 0) {
            return path + " does not exist on " + t.computer() + " (or is not a regular file)";
        }
        if (t.run(List.of("test", "-x", path), TIMEOUT).exitCode() != 0) {
            return path + " on " + t.computer() + " is not executable (chmod +x?)";
        }
        return null;
    }

    /** The file's SHA-256 (lower-case hex) computed on the computer by {@code sha256sum}. */
    static String sha256(Transport t, String path) throws IOException, InterruptedException {
        CommandResult r = t.run(List.of("sha256sum", "--", path), TIMEOUT);
        if (r.exitCode() != 0) {
            throw new EngineException("sha256sum " + path + " on " + t.computer() + " failed: " + r.summary());
        }
        String first = r.stdout().strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!first.matches("[0-9a-f]{64}")) {
            throw new EngineException("sha256sum " + path + " on " + t.computer() + " answered '"
                    + r.stdout().strip() + "', not a SHA-256 digest");
        }
        return first;
    }
}
