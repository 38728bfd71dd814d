package org.kkr4j.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A command did not end within its timeout and was killed. */
public final class CommandTimeoutException extends IOException {
    private final List<String> argv;
    private final Duration timeout;

    public CommandTimeoutException(List<String> argv, Duration timeout) {
        super("command did not end within " + timeout.toMillis() + " ms and was killed: " + argv);
        this.argv = List.copyOf(argv);
        this.timeout = timeout;
    }

    public List<String> argv() {
        return argv;
    }

    public Duration timeout() {
        return timeout;
    }
}
