package org.kkr4j.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on this machine with {@link ProcessBuilder}, without a shell: the argument vector goes
 * to exec as it is. Standard input is empty. Used for the local transport and in tests.
 */
public final class LocalCommandRunner implements CommandRunner {

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).indexOf('\0') >= 0) {
                throw new UnsafeArgumentException("argument " + i, argv.get(i), "contains NUL");
            }
        }
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argument vector");
        }
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        // Both pipes are drained concurrently: a command that fills one pipe while we read the other
        // would otherwise block forever.
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> out = readers.submit(() -> drain(p.getInputStream()));
            Future<String> err = readers.submit(() -> drain(p.getErrorStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new CommandTimeoutException(argv, timeout);
            }
            return new CommandResult(p.exitValue(), get(out), get(err));
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(Future<String> f) throws IOException, InterruptedException {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("reading command output failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            // A background child kept the pipe open after the command itself ended.
            throw new IOException("command output still open 10 s after the command ended "
                    + "(a background process holds the pipe; redirect its output)", e);
        }
    }
}
