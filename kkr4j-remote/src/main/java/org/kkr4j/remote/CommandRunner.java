package org.kkr4j.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs one command on a computer and collects its output. The schedulers talk to a machine only through
 * this, so the same scheduler code works locally, over SSH, and against a shim in tests.
 *
 * <p>The command is an argument vector, never a shell string: an implementation that has to go through a
 * shell (SSH exec channels do) must quote every element with {@link ShellQuoting}, so that paths and names
 * cannot inject commands.
 */
public interface CommandRunner {

    /**
     * Runs {@code argv} and waits at most {@code timeout} for it to end.
     *
     * @throws CommandTimeoutException if the command did not end in time (it has been killed)
     * @throws IOException             if the command could not be started or its output not read
     *                                 (for a remote runner: the connection failed)
     */
    CommandResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException;
}
