package org.kkr4j.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.remote.scheduler.Scheduler;
import org.kkr4j.remote.transport.Transport;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.Store;

/**
 * Checks that a registered computer can take runs: the login works, the scheduler answers a status query, the
 * work root is writable (a probe directory and file written, read back and removed), and every code registered
 * on the computer is an executable there whose SHA-256 is still the registered one. Each check is reported as
 * it ends; a failed login stops the rest (nothing else can be reached).
 */
public final class ComputerCheck {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** A job id of every scheduler's form that no real job has (Slurm, PBS and PJM ids, process ids). */
    private static final String NO_SUCH_JOB = "999999999";

    /** One check and how it went. */
    public record Check(String what, boolean ok, String detail) {
        @Override
        public String toString() {
            return (ok ? "ok      " : "FAILED  ") + what + (detail == null || detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final Store store;
    private final Function<ComputerSpec, Transport> opener;

    /** @param opener opens the computer's transport (normally {@link ComputerSpec#openTransport()}) */
    public ComputerCheck(Store store, Function<ComputerSpec, Transport> opener) {
        this.store = store;
        this.opener = opener;
    }

    /** Runs every check on {@code computer}, handing each to {@code report} as it ends; returns them all. */
    public List<Check> run(String computer, Consumer<Check> report) throws InterruptedException {
        Computer c = store.computer(computer).orElseThrow(() -> new EngineException("no computer named '" + computer
                + "' is registered; add one with: kkr4j computer add " + computer + " ..."));
        ComputerSpec spec = ComputerSettings.read(c);
        List<Check> checks = new ArrayList<>();
        Consumer<Check> add = check -> {
            checks.add(check);
            report.accept(check);
        };
        try (Transport t = opener.apply(spec)) {
            String home;
            try {
                CommandResult r = t.run(List.of("sh", "-c", "printf %s \"$HOME\""), TIMEOUT);
                if (r.exitCode() != 0) {
                    add.accept(new Check("login", false, "a command after login failed: " + r.summary()));
                    return checks;
                }
                home = r.stdout();
                add.accept(new Check("login", true, describe(spec) + ", home " + home));
            } catch (IOException e) {
                add.accept(new Check("login", false, describe(spec) + ": " + e.getMessage()));
                return checks;
            }
            add.accept(schedulerAnswers(t, spec));
            add.accept(workRootWritable(t, spec, home));
            for (Code code : store.codes()) {
                if (computer.equals(code.computer())) {
                    add.accept(codeIntact(t, code));
                }
            }
        } catch (IOException e) {
            // closing the connection failed after every check ran: nothing to report about the computer
        }
        return checks;
    }

    private static String describe(ComputerSpec spec) {
        return spec.transport().equals("local") ? "local transport"
                : "ssh " + (spec.user() == null ? "" : spec.user() + "@") + spec.host()
                        + (spec.port() > 0 ? ":" + spec.port() : "");
    }

    /** A status query for a job id that cannot exist: the scheduler must answer it in its documented form. */
    private static Check schedulerAnswers(Transport t, ComputerSpec spec) throws InterruptedException {
        String what = "scheduler " + spec.scheduler() + " answers a status query";
        Scheduler scheduler = spec.openScheduler();
        try {
            List<String> ids = List.of(NO_SUCH_JOB);
            List<String> argv = scheduler.statusCommand(ids);
            scheduler.parseStatus(t.run(argv, TIMEOUT), ids);
            return new Check(what, true, argv.get(0) + " answered");
        } catch (IOException | RuntimeException e) {
            return new Check(what, false, e.getMessage());
        }
    }

    private static Check workRootWritable(Transport t, ComputerSpec spec, String home) throws InterruptedException {
        String root = spec.workRoot().startsWith("~/") ? home + spec.workRoot().substring(1) : spec.workRoot();
        String what = "work root " + root + " writable";
        String probe = (root.endsWith("/") ? root : root + "/") + ".kkr4j-check-" + UUID.randomUUID();
        byte[] content = ("kkr4j computer test " + probe + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            t.mkdirs(probe, TIMEOUT);
            t.writeFile(probe + "/probe", content, TIMEOUT);
            Optional<byte[]> back = t.readFile(probe + "/probe", 4096, TIMEOUT);
            t.removeTree(probe, TIMEOUT);
            if (back.isEmpty() || !Arrays.equals(back.get(), content)) {
                return new Check(what, false, "a file written under it did not read back the same");
            }
            if (t.exists(probe, TIMEOUT)) {
                return new Check(what, false, "the probe directory " + probe + " could not be removed");
            }
            return new Check(what, true, "mkdir, write, read back, remove");
        } catch (IOException | RuntimeException e) {
            return new Check(what, false, e.getMessage());
        }
    }

    private static Check codeIntact(Transport t, Code code) throws InterruptedException {
        String what = "code " + code.name() + " (" + code.path() + ")";
        try {
            String problem = RemoteExecutable.problem(t, code.path());
            if (problem != null) {
                return new Check(what, false, problem);
            }
            String sha = RemoteExecutable.sha256(t, code.path());
            if (!sha.equals(code.sha256())) {
                return new Check(what, false, "sha256 " + sha + " differs from the registered " + code.sha256()
                        + " (the binary changed; register it again under a new name)");
            }
            return new Check(what, true, "executable, sha256 " + sha.substring(0, 12) + " as registered");
        } catch (IOException | RuntimeException e) {
            return new Check(what, false, e.getMessage());
        }
    }
}
