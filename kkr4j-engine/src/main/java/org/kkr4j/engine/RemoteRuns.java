package org.kkr4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.remote.ShellQuoting;
import org.kkr4j.remote.scheduler.ExitFile;
import org.kkr4j.remote.scheduler.FinalState;
import org.kkr4j.remote.scheduler.JobSpec;
import org.kkr4j.remote.scheduler.JobStatus;
import org.kkr4j.remote.scheduler.RunLayout;
import org.kkr4j.remote.scheduler.Scheduler;
import org.kkr4j.remote.transport.Transport;
import org.kkr4j.remote.transport.TransportPool;
import org.kkr4j.remote.transport.UploadEntry;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Run;
import org.kkr4j.store.StaleStateException;
import org.kkr4j.store.Store;

/**
 * Runs on remote computers, for the engine: the staged work directory is uploaded in one tar stream, the job is
 * submitted (after looking its name up, so a restarted engine never submits twice), all jobs of a computer are
 * polled with one scheduler query per interval, and a job that left the queue is finished only when its exit
 * file says so. The files the run wrote come back into the local work directory, where the engine collects
 * them as it collects a local run. One transport (one SSH connection) per computer.
 */
final class RemoteRuns implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

    /** A remote run being watched. */
    private static final class Job {
        final long runId;
        final String computer;
        final WorkDirectory dir;
        final String remoteDir;
        final String jobId;
        final Instant started;
        boolean cancelSent;

        Job(long runId, String computer, WorkDirectory dir, String remoteDir, String jobId, Instant started) {
            this.runId = runId;
            this.computer = computer;
            this.dir = dir;
            this.remoteDir = remoteDir;
            this.jobId = jobId;
            this.started = started;
        }
    }

    private final Store store;
    private final TransportPool transports;
    private final Map<String, ComputerSpec> specs = new HashMap<>();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Instant> lastPoll = new HashMap<>();
    private final Consumer<String> problems;
    private final Map<String, Instant> unreachableUntil = new HashMap<>();
    private static final Duration UNREACHABLE_PAUSE = Duration.ofSeconds(30);

    /** @param opener makes a computer's transport from its settings (tests wrap it to count commands) */
    RemoteRuns(Store store, Consumer<String> problems, java.util.function.Function<ComputerSpec, Transport> opener) {
        this.store = store;
        this.problems = problems;
        this.transports = new TransportPool(name -> opener.apply(spec(name)));
    }

    /** Counters of the computer's one transport (connections opened, commands run), for tests. */
    org.kkr4j.remote.transport.TransportStats transportStats(String computer) {
        return transports.get(computer).stats();
    }

    ComputerSpec spec(String computer) {
        return specs.computeIfAbsent(computer, name -> {
            Computer c = store.computer(name).orElseThrow(() -> new EngineException("computer '" + name
                    + "' is not registered; add it with: kkr4j computer add " + name + " ..."));
            return ComputerSettings.read(c);
        });
    }

    /** False for a while after the computer could not be reached, so that launches do not hammer its login node. */
    boolean reachable(String computer, Instant now) {
        return !now.isBefore(unreachableUntil.getOrDefault(computer, Instant.EPOCH));
    }

    void unreachable(String computer, Instant now) {
        unreachableUntil.put(computer, now.plus(UNREACHABLE_PAUSE));
    }

    /** A failure of the connection (worth a retry later), not of what was asked over it. */
    static boolean connectionProblem(IOException e) {
        return e instanceof org.kkr4j.remote.transport.ConnectionLostException
                || e instanceof org.kkr4j.remote.transport.TransportUnavailableException
                || e instanceof org.kkr4j.remote.transport.TransportTimeoutException
                || e instanceof org.kkr4j.remote.CommandTimeoutException;
    }

    /** Jobs of kkr4j this engine has in the computer's queue now. */
    int queued(String computer) {
        return (int) jobs.values().stream().filter(j -> j.computer.equals(computer)).count();
    }

    boolean watching(long runId) {
        return jobs.containsKey(runId);
    }

    int size() {
        return jobs.size();
    }

    /**
     * Uploads a staged run and submits its job. Returns the job id, or throws: an {@link IOException} when the
     * computer cannot be reached (the run may be queued again), an {@link EngineException} for anything else.
     */
    String submit(Run run, Code code, WorkDirectory dir, List<String> directories) throws IOException,
            InterruptedException {
        ComputerSpec spec = spec(code.computer());
        Transport t = transports.get(code.computer());
        Scheduler scheduler = spec.openScheduler();
        String remoteDir = resolveHome(t, spec.runDirectory(run.uuid()));
        store.recordRemoteJob(new RemoteJob(run.nodeId(), code.computer(), remoteDir, null, Instant.now()));
        // a job of this run already in the queue (an engine that stopped after submitting): take it, do not resubmit
        List<String> existing = scheduler.parseLookup(t.run(scheduler.lookupByNameCommand(run.uuid()), COMMAND_TIMEOUT),
                run.uuid());
        String jobId;
        if (!existing.isEmpty()) {
            jobId = existing.get(0);
        } else {
            List<UploadEntry> entries = new ArrayList<>();
            entries.add(new UploadEntry(dir.path().resolve(WorkDirectory.CARD), WorkDirectory.CARD));
            for (String f : dir.codeFiles()) {
                entries.add(new UploadEntry(dir.path().resolve(f), f));
            }
            t.upload(entries, remoteDir, TRANSFER_TIMEOUT);
            List<String> commands = new ArrayList<>();
            for (String d : directories) {
                commands.add("mkdir -p " + ShellQuoting.quote("directory", d));
            }
            commands.add("OMP_NUM_THREADS=" + run.threads() + " " + ShellQuoting.quote("executable", code.path())
                    + " < " + WorkDirectory.CARD + " > " + WorkDirectory.STDOUT + " 2> " + WorkDirectory.STDERR);
            JobSpec job = JobSpec.single(run.uuid(), remoteDir, commands, spec.resources(run.threads()))
                    .withModules(spec.defaults().modules()).withPrependText(spec.prepend());
            t.mkdirs(RunLayout.path(remoteDir, RunLayout.DIR), COMMAND_TIMEOUT);
            t.writeFile(job.scriptPath(), scheduler.jobScript(job).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    COMMAND_TIMEOUT);
            jobId = scheduler.parseSubmit(t.run(scheduler.submitCommand(job), COMMAND_TIMEOUT));
        }
        store.recordRemoteJob(new RemoteJob(run.nodeId(), code.computer(), remoteDir, jobId, Instant.now()));
        jobs.put(run.nodeId(), new Job(run.nodeId(), code.computer(), dir, remoteDir, jobId, Instant.now()));
        return jobId;
    }

    /** Watches a run found RUNNING with a recorded job after an engine restart. */
    void adopt(Run run, RemoteJob job, WorkDirectory dir) {
        jobs.put(run.nodeId(), new Job(run.nodeId(), job.computer(), dir, job.remoteDir(), job.jobId(),
                run.started() != null ? run.started() : Instant.now()));
    }

    void requestCancel(long runId) {
        Job j = jobs.get(runId);
        if (j != null) {
            j.cancelSent = false;
            cancel(j);
        }
    }

    private void cancel(Job j) {
        try {
            Files.createDirectories(j.dir.path());
            j.dir.markTermination(Termination.CANCELLED);
            Scheduler scheduler = spec(j.computer).openScheduler();
            transports.get(j.computer).run(scheduler.cancelCommand(List.of(j.jobId)), COMMAND_TIMEOUT);
            j.cancelSent = true;
        } catch (IOException e) {
            problems.accept("run " + j.runId + ": cancel not sent yet (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls every computer whose interval has passed, with one status query for all of its jobs; returns the
     * runs whose files are now in their local work directory (ready to be collected).
     */
    /** A run whose files are home. */
    record Home(long runId, WorkDirectory dir, Instant started) {
    }

    List<Home> poll(Instant now) {
        Map<String, List<Job>> byComputer = new LinkedHashMap<>();
        for (Job j : jobs.values()) {
            byComputer.computeIfAbsent(j.computer, k -> new ArrayList<>()).add(j);
        }
        List<Home> ready = new ArrayList<>();
        for (Map.Entry<String, List<Job>> e : byComputer.entrySet()) {
            String computer = e.getKey();
            ComputerSpec spec = spec(computer);
            Instant last = lastPoll.getOrDefault(computer, Instant.EPOCH);
            if (now.isBefore(last.plus(spec.pollInterval()))) {
                continue;
            }
            lastPoll.put(computer, now);
            try {
                ready.addAll(pollComputer(computer, spec, e.getValue()));
            } catch (IOException ex) {
                problems.accept("computer " + computer + ": " + ex.getMessage() + " (will retry)");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return ready;
            }
        }
        return ready;
    }

    private List<Home> pollComputer(String computer, ComputerSpec spec, List<Job> list) throws IOException,
            InterruptedException {
        Transport t = transports.get(computer);
        Scheduler scheduler = spec.openScheduler();
        for (Job j : list) {
            if (!j.cancelSent && store.run(j.runId).map(Run::cancelRequested).orElse(false)) {
                cancel(j);
            }
        }
        List<String> ids = list.stream().map(j -> j.jobId).toList();
        CommandResult answer = t.run(scheduler.statusCommand(ids), COMMAND_TIMEOUT);
        Map<String, JobStatus> status = scheduler.parseStatus(answer, ids);
        List<Home> ready = new ArrayList<>();
        for (Job j : list) {
            JobStatus s = status.getOrDefault(j.jobId, JobStatus.notListed());
            if (s.isActive()) {
                continue;
            }
            FinalState end = finish(t, j, s);
            if (end instanceof FinalState.StillActive) {
                continue;
            }
            jobs.remove(j.runId);
            ready.add(new Home(j.runId, j.dir, j.started));
        }
        return ready;
    }

    /** Brings the run's files home and records why it ended; a vanished job without its exit file is not "done". */
    private FinalState finish(Transport t, Job j, JobStatus status) throws IOException, InterruptedException {
        Files.createDirectories(j.dir.path());
        CommandResult listing = t.run(List.of("find", j.remoteDir, "-type", "f"), COMMAND_TIMEOUT);
        List<String> files = new ArrayList<>();
        String prefix = j.remoteDir.endsWith("/") ? j.remoteDir : j.remoteDir + "/";
        for (String line : listing.stdout().split("\n")) {
            if (line.startsWith(prefix)) {
                String rel = line.substring(prefix.length());
                if (!rel.equals(WorkDirectory.CARD) && (!rel.startsWith(RunLayout.DIR + "/")
                        || rel.equals(RunLayout.EXIT) || rel.equals(RunLayout.END) || rel.equals(RunLayout.START))) {
                    files.add(rel);
                }
            }
        }
        Path staging = Files.createTempDirectory(j.dir.path().getParent(), ".fetch-");
        try {
            t.download(j.remoteDir, files, staging, TRANSFER_TIMEOUT);
            Optional<ExitFile> exit = readExit(staging);
            FinalState end = FinalState.decide(status, exit);
            if (end instanceof FinalState.StillActive) {
                return end;
            }
            for (String f : files) {
                Path from = staging.resolve(f);
                if (Files.exists(from)) {
                    Path to = j.dir.path().resolve(f);
                    Files.createDirectories(to.getParent());
                    Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (end instanceof FinalState.Killed k) {
                switch (k.reason()) {
                    case TIMED_OUT -> j.dir.markTermination(Termination.TIMED_OUT);
                    case CANCELLED -> j.dir.markTermination(Termination.CANCELLED);
                    default -> { }
                }
            }
            String why = switch (end) {
                case FinalState.Finished f -> "job " + j.jobId + " finished with exit status " + f.exitCode();
                case FinalState.Killed k -> "job " + j.jobId + " killed: " + k.reason() + (k.detail() == null ? ""
                        : " (" + k.detail() + ")");
                case FinalState.Lost l -> "job " + j.jobId + " left the queue without an exit file: " + l.detail();
                case FinalState.StillActive a -> "still active";
            };
            store.appendEvent(j.runId, "RUNNING", "RUNNING", why + " on " + j.computer, null);
            return end;
        } finally {
            deleteTree(staging);
        }
    }

    private static Optional<ExitFile> readExit(Path staging) throws IOException {
        Path exit = staging.resolve(RunLayout.EXIT);
        if (!Files.exists(exit)) {
            return Optional.empty();
        }
        Path end = staging.resolve(RunLayout.END);
        return Optional.of(ExitFile.parse(Files.readString(exit), Files.exists(end) ? Optional.of(Files.readString(end))
                : Optional.empty()));
    }

    /** Removes a finished run's directory on its computer (the files are in the store). */
    void clean(long runId) {
        store.remoteJob(runId).ifPresent(job -> {
            try {
                transports.get(job.computer()).removeTree(job.remoteDir(), COMMAND_TIMEOUT);
            } catch (IOException e) {
                problems.accept("run " + runId + ": remote directory " + job.remoteDir() + " not removed: "
                        + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String resolveHome(Transport t, String path) throws IOException, InterruptedException {
        if (!path.startsWith("~/")) {
            return path;
        }
        CommandResult home = t.run(List.of("sh", "-c", "printf %s \"$HOME\""), COMMAND_TIMEOUT);
        if (home.exitCode() != 0 || !home.stdout().startsWith("/")) {
            throw new IOException("cannot resolve ~ on " + t.computer() + ": " + home.stderr());
        }
        return home.stdout() + path.substring(1);
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind costs nothing but space
        }
    }

    @Override
    public void close() {
        try {
            transports.close();
        } catch (IOException e) {
            problems.accept("closing the connections to remote computers: " + e.getMessage());
        }
    }
}
