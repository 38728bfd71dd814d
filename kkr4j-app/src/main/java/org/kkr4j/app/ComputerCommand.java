package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.engine.ComputerCheck;
import org.kkr4j.engine.ComputerSettings;
import org.kkr4j.remote.CleanupPolicy;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j computer}: the computers runs can go to (a login reached by SSH, or this machine, and a scheduler). */
@Command(name = "computer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Register computers that runs go to (SSH login + batch scheduler, or this machine), list",
            "and check them. A code registered with 'kkr4j code add --computer C' runs on C."},
        subcommands = {ComputerCommand.Add.class, ComputerCommand.ListComputers.class, ComputerCommand.Test.class})
final class ComputerCommand implements Runnable {
    /** Exit code of {@code computer test} when a check failed. */
    static final int CHECK_FAILED = 9;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Register a computer. Only settings are stored, never a secret: --key is the path of",
                "a private key file (the SSH agent and ~/.ssh/config work too)."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "NAME", description = "the computer's name (letters, digits, '.', '_', '-')")
        String name;
        @Option(names = "--transport", required = true, paramLabel = "local|ssh", description = "how it is reached")
        String transport;
        @Option(names = "--host", paramLabel = "H", description = "SSH host name or ~/.ssh/config alias")
        String host;
        @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "SSH port (default: 22 or the config's)")
        int port;
        @Option(names = "--user", paramLabel = "U", description = "SSH user (default: the config's or the login name)")
        String user;
        @Option(names = "--key", paramLabel = "FILE", description = "private key file (its path is stored, not its content)")
        Path key;
        @Option(names = "--proxy-jump", paramLabel = "J", description = "jump host, user@host:port")
        String proxyJump;
        @Option(names = "--scheduler", required = true, paramLabel = "direct|slurm|pbs|pjm", description = "batch system")
        String scheduler;
        @Option(names = "--workdir", required = true, paramLabel = "REMOTE_ROOT",
                description = "directory on the computer under which each run gets its own directory (absolute or ~/...)")
        String workdir;
        @Option(names = "--max-queued", paramLabel = "N", defaultValue = "50",
                description = "most jobs of kkr4j in its queue at once (default ${DEFAULT-VALUE})")
        int maxQueued;
        @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "30",
                description = "seconds between status queries; one query covers all jobs (default ${DEFAULT-VALUE})")
        int pollSeconds;
        @Option(names = "--prepend", paramLabel = "FILE", description = "text put at the top of every job script")
        Path prepend;
        @Option(names = "--queue", paramLabel = "Q", description = "queue, partition or PJM resource group")
        String queue;
        @Option(names = "--account", paramLabel = "A", description = "account or group charged")
        String account;
        @Option(names = "--walltime", paramLabel = "HH:MM:SS", defaultValue = "24:00:00",
                description = "elapsed-time limit of a job (default ${DEFAULT-VALUE})")
        String walltime;
        @Option(names = "--nodes", paramLabel = "N", defaultValue = "1", description = "nodes per job (default 1)")
        int nodes;
        @Option(names = "--mpi", paramLabel = "N", defaultValue = "1", description = "MPI processes per job (default 1)")
        int mpi;
        @Option(names = "--module", paramLabel = "M", description = "environment module loaded by every job (repeatable)")
        List<String> modules = new ArrayList<>();
        @Option(names = "--pack", paramLabel = "N", defaultValue = "0",
                description = "put up to N runs into one batch job (default 0: one job per run)")
        int pack;
        @Option(names = "--pack-workers", paramLabel = "W", defaultValue = "1",
                description = "runs a packed job works on at the same time (default 1)")
        int packWorkers;
        @Option(names = "--cleanup", paramLabel = "always|keep-failed|never", defaultValue = "always",
                description = {"what happens to a run's directory on the computer once its files are stored:",
                    "removed (always, the default), kept when the run did not end as specx meant it to",
                    "(keep-failed: crashes, kills, timeouts, error stops), or kept (never)"})
        String cleanup;

        @Override
        public Integer call() {
            String prependText = "";
            if (prepend != null) {
                try {
                    prependText = Files.readString(prepend);
                } catch (IOException e) {
                    throw new UncheckedIOException("--prepend " + prepend + ": " + e.getMessage(), e);
                }
            }
            ComputerSpec computer = new ComputerSpec(name, transport, host, port, user,
                    key == null ? null : key.toAbsolutePath().normalize().toString(), proxyJump, scheduler, workdir,
                    maxQueued, pollSeconds, prependText, new ComputerSpec.JobDefaults(queue, account,
                    walltimeSeconds(walltime), nodes, mpi, modules), pack, packWorkers, CleanupPolicy.parse(cleanup));
            if (packWorkers < 1) {
                throw new IllegalArgumentException("--pack-workers must be at least 1");
            }
            if (!transport.equals("ssh") && (host != null || user != null || key != null || proxyJump != null
                    || port != 0)) {
                throw new IllegalArgumentException("--host, --port, --user, --key and --proxy-jump need --transport ssh");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                if (store.computer(name).isPresent()) {
                    throw new IllegalArgumentException("a computer named '" + name + "' is already registered");
                }
                store.addComputer(new Computer(name, ComputerSettings.write(computer), Instant.now()));
                out.println("registered computer '" + name + "': " + reach(computer) + ", scheduler " + scheduler
                        + ", work root " + workdir + (computer.packs() ? ", " + pack + " runs per job, "
                        + computer.packWorkers() + " at a time" : "")
                        + (computer.cleanup() == CleanupPolicy.ALWAYS ? "" : ", run directories kept ("
                        + computer.cleanup().label() + ")"));
                out.println("  check it with: kkr4j computer test " + name);
            }
            return 0;
        }

        /** {@code [[H:]MM:]SS} or a number of seconds. */
        static long walltimeSeconds(String text) {
            if (!text.matches("\\d+(:\\d{1,2}){0,2}")) {
                throw new IllegalArgumentException("--walltime must be HH:MM:SS, not '" + text + "'");
            }
            long seconds = 0;
            for (String part : text.split(":")) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
            return seconds;
        }
    }

    static String reach(ComputerSpec c) {
        return c.transport().equals("local") ? "this machine (local transport)"
                : "ssh " + (c.user() == null ? "" : c.user() + "@") + c.host() + (c.port() > 0 ? ":" + c.port() : "")
                        + (c.proxyJump() == null ? "" : " via " + c.proxyJump());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the registered computers and the codes on each.")
    static final class ListComputers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Option(names = "--json", description = "as JSON (the stored settings)")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                List<Computer> computers = store.computers();
                List<Code> codes = store.codes();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (Computer c : computers) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("name", c.name());
                        row.put("registered", c.registered().toString());
                        row.put("settings", ComputerSettings.read(c));
                        row.put("codes", codes.stream().filter(k -> c.name().equals(k.computer())).map(Code::name)
                                .toList());
                        rows.add(row);
                    }
                    out.println(Json.write(rows));
                    return 0;
                }
                if (computers.isEmpty()) {
                    out.println("no computers registered; add one with: kkr4j computer add NAME --transport ssh"
                            + " --host H --scheduler slurm --workdir ~/kkr4j");
                    return 0;
                }
                out.println(String.format("%-14s %-9s %-34s %-7s %s", "name", "scheduler", "reached by", "codes",
                        "work root"));
                for (Computer c : computers) {
                    ComputerSpec s = ComputerSettings.read(c);
                    long n = codes.stream().filter(k -> c.name().equals(k.computer())).count();
                    out.println(String.format("%-14s %-9s %-34s %-7d %s", c.name(), s.scheduler(), reach(s), n,
                            s.workRoot()));
                }
            }
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Check a computer: login, the scheduler answers a status query, the work root is",
                "writable, and every code registered on it is executable there with its registered sha256.",
                "Exit code 9 when a check failed."})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Parameters(paramLabel = "NAME", description = "the computer")
        String name;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = storeOptions.open()) {
                List<ComputerCheck.Check> checks = new ComputerCheck(store, ComputerSpec::openTransport).run(name,
                        check -> {
                            out.println(check);
                            out.flush();
                        });
                long failed = checks.stream().filter(c -> !c.ok()).count();
                out.println(failed == 0 ? "computer " + name + ": all " + checks.size() + " checks ok"
                        : "computer " + name + ": " + failed + " of " + checks.size() + " checks FAILED");
                return failed == 0 ? 0 : CHECK_FAILED;
            }
        }
    }
}
