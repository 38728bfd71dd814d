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
import org.kkr4j.remote.CleanupPolicy;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.remote.ShellQuoting;
import org.kkr4j.remote.scheduler.ExitFile;
import org.kkr4j.remote.scheduler.FinalState;
import org.kkr4j.remote.scheduler.JobSpec;
import org.kkr4j.remote.scheduler.JobStatus;
import org.kkr4j.remote.scheduler.PackTask;
import org.kkr4j.remote.scheduler.PackedJob;
import org.kkr4j.remote.scheduler.RunLayout;
import org.kkr4j.remote.scheduler.Scheduler;
import org.kkr4j.remote.transport.Transport;
import org.kkr4j.remote.transport.TransportPool;
import org.kkr4j.remote.transport.UploadEntry;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunState;
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
        /** One of several runs of a packed job: it ends when its own exit file appears. */
        final boolean packed;
        boolean cancelSent;

        Job(long runId, String computer, WorkDirectory dir, String remoteDir, String jobId, Instant started,
            boolean packed) {
            this.runId = runId;
            this.computer = computer;
            this.dir = dir;
            this.remoteDir = remoteDir;
            this.jobId = jobId;
            this.started = started;
            this.packed = packed;
        }
    }

    private final Store store;
    private final TransportPool transports;
    private final Map<String, ComputerSpec> specs = new HashMap<>();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Instant> lastPoll = new HashMap<>();
    /**
     * Directory of each pack, by computer and job id, until the job has left the queue. For packs adopted after a
     * restart the first run is not known: every run's candidate {@code pack-<uuid>} is listed, one removal covers all.
     */
    private final Map<String, Map<String, java.util.Set<String>>> packDirs = new HashMap<>();
    private final Consumer<String> problems;
    private final Map<String, Instant> unreachableUntil = new HashMap<>();
    private final java.util.Set<String> swept = new java.util.HashSet<>();
    private final Map<Long, Integer> schedulerRefusals = new HashMap<>();

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

    /**
     * No launches to the computer for a while: its poll interval, or longer when the transport says when it will
     * try to connect again (its backoff after repeated failures). Polls of running jobs go on at their interval.
     */
    void unreachable(String computer, Instant now, IOException cause) {
        Duration pause = spec(computer).pollInterval();
        if (cause instanceof org.kkr4j.remote.transport.TransportUnavailableException u
                && u.retryAfter().isPresent() && u.retryAfter().get().compareTo(pause) > 0) {
            pause = u.retryAfter().get();
        }
        unreachableUntil.put(computer, now.plus(pause));
    }

    /**
     * Counts a submission the scheduler did not take (sbatch or the look-up before it failed, e.g. a controller
     * being restarted) and pauses launches to the computer for the count times its poll interval. Returns the
     * count: the caller queues the run again below {@link #SCHEDULER_REFUSALS_TOLERATED}, and fails it after.
     */
    int schedulerRefused(long runId, String computer, Instant now) {
        int n = schedulerRefusals.merge(runId, 1, Integer::sum);
        Instant until = now.plus(spec(computer).pollInterval().multipliedBy(n));
        unreachableUntil.merge(computer, until, (a, b) -> a.isAfter(b) ? a : b);
        return n;
    }

    /** Submissions of one run the scheduler may refuse before the run fails with the scheduler's message. */
    static final int SCHEDULER_REFUSALS_TOLERATED = 5;

    /** A failure of the connection (worth a retry later), not of what was asked over it. */
    static boolean connectionProblem(IOException e) {
        return e instanceof org.kkr4j.remote.transport.ConnectionLostException
                || e instanceof org.kkr4j.remote.transport.TransportUnavailableException
                || e instanceof org.kkr4j.remote.transport.TransportTimeoutException
                || e instanceof org.kkr4j.remote.CommandTimeoutException;
    }

    /** Jobs of kkr4j this engine has in the computer's queue now (a packed job counts once). */
    int queued(String computer) {
        return (int) jobs.values().stream().filter(j -> j.computer.equals(computer)).map(j -> j.jobId).distinct()
                .count();
    }

    boolean watching(long runId) {
        return jobs.containsKey(runId);
    }

    /** Runs watched, plus packs whose directory is still to be removed. */
    int size() {
        return jobs.size() + packDirs.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Uploads a staged run and submits its job. Returns the job id, or throws: an {@link IOException} when the
     * computer cannot be reached (the run may be queued again), an {@link EngineException} for anything else.
     */
    String submit(Run run, Code code, WorkDirectory dir, List<String> directories) throws IOException,
            InterruptedException {
        ComputerSpec spec = spec(code.computer());
        Transport t = connected(code.computer());
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
            JobSpec job = JobSpec.single(run.uuid(), remoteDir, runCommands(run, code, directories),
                            spec.resources(run.threads()))
                    .withModules(spec.defaults().modules()).withPrependText(spec.prepend());
            t.mkdirs(RunLayout.path(remoteDir, RunLayout.DIR), COMMAND_TIMEOUT);
            t.writeFile(job.scriptPath(), scheduler.jobScript(job).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    COMMAND_TIMEOUT);
            jobId = scheduler.parseSubmit(t.run(scheduler.submitCommand(job), COMMAND_TIMEOUT));
        }
        store.recordRemoteJob(new RemoteJob(run.nodeId(), code.computer(), remoteDir, jobId, Instant.now()));
        jobs.put(run.nodeId(), new Job(run.nodeId(), code.computer(), dir, remoteDir, jobId, Instant.now(), false));
        schedulerRefusals.remove(run.nodeId());
        return jobId;
    }

    /** The single-run command line of a run, also the command of its task in a packed job. */
    private static List<String> runCommands(Run run, Code code, List<String> directories) {
        List<String> commands = new ArrayList<>();
        for (String d : directories) {
            commands.add("mkdir -p " + ShellQuoting.quote("directory", d));
        }
        commands.add("OMP_NUM_THREADS=" + run.threads() + " " + ShellQuoting.quote("executable", code.path())
                + " < " + WorkDirectory.CARD + " > " + WorkDirectory.STDOUT + " 2> " + WorkDirectory.STDERR);
        return commands;
    }

    /** A run staged here, waiting to go into a packed job. */
    record Staged(Run run, Code code, WorkDirectory dir, List<String> directories) {
    }

    /** Prefix of a pack's id; the id is the prefix and the uuid of the pack's first run. */
    static final String PACK_PREFIX = "pack-";
    /** File in a pack's directory listing the uuids of its runs, one a line. */
    static final String PACK_RUNS = "runs";

    /**
     * Uploads the directories of all {@code batch} runs (all of one computer, same thread count) in one tar
     * stream and submits one packed job for them. Before submitting, the pack's name is looked up: a pack
     * submitted by an engine that stopped before recording it is taken over instead, for those of its runs
     * that are in the batch (its {@value #PACK_RUNS} file says which).
     *
     * @return the job id of each run of the batch that is now in the pack; the others are to be queued again
     */
    Map<Long, String> submitPack(String computer, List<Staged> batch) throws IOException, InterruptedException {
        ComputerSpec spec = spec(computer);
        Transport t = connected(computer);
        Scheduler scheduler = spec.openScheduler();
        String root = resolveHome(t, spec.workRoot());
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        String packId = PACK_PREFIX + batch.get(0).run().uuid();
        String packDir = root + "/" + packId;
        for (Staged s : batch) {
            store.recordRemoteJob(new RemoteJob(s.run().nodeId(), computer, root + "/" + s.run().uuid(), null,
                    Instant.now()));
        }
        List<String> existing = scheduler.parseLookup(t.run(scheduler.lookupByNameCommand(packId), COMMAND_TIMEOUT),
                packId);
        String jobId;
        java.util.Set<String> members = new java.util.HashSet<>();
        if (!existing.isEmpty()) {
            jobId = existing.get(0);
            CommandResult runs = t.run(List.of("cat", packDir + "/" + PACK_RUNS), COMMAND_TIMEOUT);
            if (runs.exitCode() != 0) {
                throw new IOException("pack " + packId + " is job " + jobId + " on " + computer
                        + " but its run list cannot be read: " + runs.stderr());
            }
            members.addAll(List.of(runs.stdout().split("\n")));
        } else {
            Path scratch = Files.createTempDirectory(batch.get(0).dir().path().getParent(), ".pack-");
            try {
                List<UploadEntry> entries = new ArrayList<>();
                List<PackTask> tasks = new ArrayList<>();
                StringBuilder runList = new StringBuilder();
                for (Staged s : batch) {
                    String uuid = s.run().uuid();
                    PackTask task = new PackTask(uuid, root + "/" + uuid, runCommands(s.run(), s.code(),
                            s.directories()));
                    tasks.add(task);
                    runList.append(uuid).append('\n');
                    entries.add(new UploadEntry(s.dir().path().resolve(WorkDirectory.CARD),
                            uuid + "/" + WorkDirectory.CARD));
                    for (String f : s.dir().codeFiles()) {
                        entries.add(new UploadEntry(s.dir().path().resolve(f), uuid + "/" + f));
                    }
                    Path script = scratch.resolve(uuid + ".sh");
                    Files.writeString(script, PackedJob.taskScript(task));
                    entries.add(new UploadEntry(script, uuid + "/" + RunLayout.TASK_SCRIPT));
                    members.add(uuid);
                }
                JobSpec job = JobSpec.packed(packId, packDir, tasks, spec.resources(batch.get(0).run().threads())
                                .withParallelTasks(spec.packWorkers()))
                        .withModules(spec.defaults().modules()).withPrependText(spec.prepend());
                Path runsFile = scratch.resolve(PACK_RUNS);
                Files.writeString(runsFile, runList);
                Path jobScript = scratch.resolve("job.sh");
                Files.writeString(jobScript, scheduler.jobScript(job));
                entries.add(new UploadEntry(runsFile, packId + "/" + PACK_RUNS));
                entries.add(new UploadEntry(jobScript, packId + "/" + RunLayout.SCRIPT));
                // every run directory, the run list and the job script in one tar stream
                t.upload(entries, root, TRANSFER_TIMEOUT);
                jobId = scheduler.parseSubmit(t.run(scheduler.submitCommand(job), COMMAND_TIMEOUT));
            } finally {
                deleteTree(scratch);
            }
        }
        packDirs.computeIfAbsent(computer, k -> new LinkedHashMap<>())
                .computeIfAbsent(jobId, k -> new java.util.LinkedHashSet<>()).add(packDir);
        Map<Long, String> taken = new LinkedHashMap<>();
        for (Staged s : batch) {
            if (members.contains(s.run().uuid())) {
                String remoteDir = root + "/" + s.run().uuid();
                store.recordRemoteJob(new RemoteJob(s.run().nodeId(), computer, remoteDir, jobId, Instant.now()));
                jobs.put(s.run().nodeId(), new Job(s.run().nodeId(), computer, s.dir(), remoteDir, jobId,
                        Instant.now(), true));
                taken.put(s.run().nodeId(), jobId);
            }
            schedulerRefusals.remove(s.run().nodeId());
        }
        return taken;
    }

    /** Watches a run found RUNNING with a recorded job after an engine restart. */
    void adopt(Run run, RemoteJob job, WorkDirectory dir) {
        // watching a single job's run by its exit file as well is harmless, so the computer's setting decides
        boolean packed = spec(job.computer()).packs();
        jobs.put(run.nodeId(), new Job(run.nodeId(), job.computer(), dir, job.remoteDir(), job.jobId(),
                run.started() != null ? run.started() : Instant.now(), packed));
        if (packed) {
            packDirs.computeIfAbsent(job.computer(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(job.jobId(), k -> new java.util.LinkedHashSet<>())
                    .add(parent(job.remoteDir()) + "/" + PACK_PREFIX + run.uuid());
        }
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
            if (j.packed && jobs.values().stream().anyMatch(o -> o.runId != j.runId && o.jobId.equals(j.jobId)
                    && o.computer.equals(j.computer) && !store.run(o.runId).map(Run::cancelRequested).orElse(true))) {
                // the pack's job also runs other runs: this one is recorded as cancelled when it ends, and the job
                // is cancelled once every run in it is
                j.cancelSent = true;
                return;
            }
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
     * A run whose files are home.
     *
     * @param ending          how its job ended, in words (the scheduler's and the exit file's)
     * @param exitFileMissing true when the run left no exit file (killed with its job, lost)
     * @param walltimeSeconds the job's elapsed-time limit
     */
    record Home(long runId, WorkDirectory dir, Instant started, String ending, boolean exitFileMissing,
                long walltimeSeconds) {
    }

    /**
     * Polls every computer whose interval has passed, with one status query for all of its jobs; returns the
     * runs whose files are now in their local work directory (ready to be collected), also those brought home
     * before a later step of the same poll failed.
     */

    List<Home> poll(Instant now) {
        Map<String, List<Job>> byComputer = new LinkedHashMap<>();
        for (Job j : jobs.values()) {
            byComputer.computeIfAbsent(j.computer, k -> new ArrayList<>()).add(j);
        }
        packDirs.forEach((computer, dirs) -> {
            if (!dirs.isEmpty()) {
                byComputer.computeIfAbsent(computer, k -> new ArrayList<>());
            }
        });
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
                pollComputer(computer, spec, e.getValue(), ready);
            } catch (IOException | org.kkr4j.remote.scheduler.SchedulerResponseException ex) {
                // an unreadable or failed answer (a controller being restarted) is never "no jobs": ask again later
                problems.accept("computer " + computer + ": " + ex.getMessage() + " (will retry)");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return ready;
            }
        }
        return ready;
    }

    private void pollComputer(String computer, ComputerSpec spec, List<Job> list, List<Home> ready)
            throws IOException, InterruptedException {
        Transport t = connected(computer);
        Scheduler scheduler = spec.openScheduler();
        // one query for the cancel requests of every watched run, not one per job and interval
        java.util.Set<Long> cancelRequested = new java.util.HashSet<>();
        if (list.stream().anyMatch(j -> !j.cancelSent)) {
            for (Run run : store.runs(RunQuery.active())) {
                if (run.cancelRequested()) {
                    cancelRequested.add(run.nodeId());
                }
            }
        }
        for (Job j : list) {
            if (!j.cancelSent && cancelRequested.contains(j.runId)) {
                cancel(j);
            }
        }
        Map<String, java.util.Set<String>> packs = packDirs.getOrDefault(computer, Map.of());
        List<String> ids = java.util.stream.Stream.concat(list.stream().map(j -> j.jobId), packs.keySet().stream())
                .distinct().toList();
        CommandResult answer = t.run(scheduler.statusCommand(ids), COMMAND_TIMEOUT);
        Map<String, JobStatus> status = withHistory(t, scheduler, scheduler.parseStatus(answer, ids));
        List<Job> packedRunning = list.stream().filter(j -> j.packed
                && status.getOrDefault(j.jobId, JobStatus.notListed()).isActive()).toList();
        java.util.Set<String> exited = packedRunning.isEmpty() ? java.util.Set.of() : exitedRuns(t, packedRunning);
        List<Job> packedEnded = new ArrayList<>();
        for (Job j : list) {
            JobStatus s = status.getOrDefault(j.jobId, JobStatus.notListed());
            if (j.packed) {
                if (!s.isActive() || exited.contains(j.remoteDir)) {
                    packedEnded.add(j);
                }
                continue;
            }
            if (s.isActive()) {
                continue;
            }
            Optional<Home> home = finish(t, j, s);
            if (home.isEmpty()) {
                continue;
            }
            jobs.remove(j.runId);
            ready.add(home.get());
        }
        if (!packedEnded.isEmpty()) {
            finishPacked(t, packedEnded, status, ready);
        }
        // a pack whose job has left the queue and whose runs are all home: its directory goes
        for (String id : new ArrayList<>(packs.keySet())) {
            boolean gone = !status.getOrDefault(id, JobStatus.notListed()).isActive();
            if (gone && jobs.values().stream().noneMatch(j -> j.computer.equals(computer) && j.jobId.equals(id))) {
                if (spec.cleanup() == CleanupPolicy.NEVER) {
                    packs.remove(id);
                    continue;
                }
                List<String> rm = new ArrayList<>(List.of("rm", "-rf", "--"));
                rm.addAll(packs.get(id));
                CommandResult removed = t.run(rm, COMMAND_TIMEOUT);
                if (removed.exitCode() != 0) {
                    problems.accept("computer " + computer + ": pack directory of job " + id + " not removed: "
                            + removed.stderr().strip());
                }
                packs.remove(id);
            }
        }
    }

    /**
     * The statuses, with the scheduler's record of ended jobs (sacct, qstat -x, pjstat -H) for those the status
     * query no longer lists: one more command per poll, only when a job has left the listing. A record that is
     * switched off (Slurm without accounting) leaves them unlisted; their exit files decide.
     */
    private static Map<String, JobStatus> withHistory(Transport t, Scheduler scheduler, Map<String, JobStatus> status)
            throws IOException, InterruptedException {
        List<String> unlisted = status.entrySet().stream().filter(e -> !e.getValue().isListed()).map(Map.Entry::getKey)
                .toList();
        Optional<List<String>> command = unlisted.isEmpty() ? Optional.empty() : scheduler.historyCommand(unlisted);
        if (command.isEmpty()) {
            return status;
        }
        Map<String, JobStatus> merged = new LinkedHashMap<>(status);
        scheduler.parseHistory(t.run(command.get(), COMMAND_TIMEOUT), unlisted).ifPresent(h -> h.forEach((id, s) -> {
            if (s.isListed()) {
                merged.put(id, s);
            }
        }));
        return merged;
    }

    /** The run directories (of runs of packed jobs) that hold an exit file now: one {@code find} for all. */
    private java.util.Set<String> exitedRuns(Transport t, List<Job> list) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("find"));
        list.stream().map(j -> parent(j.remoteDir)).distinct().forEach(argv::add);
        argv.addAll(List.of("-mindepth", "3", "-maxdepth", "3", "-path", "*/" + RunLayout.EXIT, "-type", "f"));
        CommandResult r = t.run(argv, COMMAND_TIMEOUT);
        java.util.Set<String> dirs = new java.util.HashSet<>();
        String suffix = "/" + RunLayout.EXIT;
        for (String line : r.stdout().split("\n")) {
            if (line.endsWith(suffix)) {
                dirs.add(line.substring(0, line.length() - suffix.length()));
            }
        }
        if (r.exitCode() != 0 && dirs.isEmpty()) {
            throw new IOException("cannot list the exit files on " + t.computer() + ": " + r.stderr().strip());
        }
        return dirs;
    }

    private static String parent(String remoteDir) {
        String d = remoteDir.endsWith("/") ? remoteDir.substring(0, remoteDir.length() - 1) : remoteDir;
        int slash = d.lastIndexOf('/');
        return slash <= 0 ? "/" : d.substring(0, slash);
    }

    private static String leaf(String remoteDir) {
        String d = remoteDir.endsWith("/") ? remoteDir.substring(0, remoteDir.length() - 1) : remoteDir;
        return d.substring(d.lastIndexOf('/') + 1);
    }

    /**
     * Brings home the files of runs of packed jobs that ended in this poll: one listing and one tar download for
     * all of them (per parent directory, which is the computer's work root).
     */
    private void finishPacked(Transport t, List<Job> ended, Map<String, JobStatus> status, List<Home> ready)
            throws IOException, InterruptedException {
        Map<String, List<Job>> byParent = new LinkedHashMap<>();
        for (Job j : ended) {
            byParent.computeIfAbsent(parent(j.remoteDir), k -> new ArrayList<>()).add(j);
        }
        for (Map.Entry<String, List<Job>> e : byParent.entrySet()) {
            String root = e.getKey();
            List<Job> list = e.getValue();
            List<String> dirs = list.stream().map(j -> j.remoteDir).toList();
            Map<String, List<RemoteListing.RemoteFile>> listing = RemoteListing.parse(
                    t.run(RemoteListing.command(dirs), COMMAND_TIMEOUT).stdout(), dirs);
            Map<Long, List<String>> filesOf = new HashMap<>();
            List<String> all = new ArrayList<>();
            for (Job j : list) {
                List<String> files = RemoteListing.toFetch(listing.get(j.remoteDir), j.dir.path());
                filesOf.put(j.runId, files);
                files.forEach(f -> all.add(leaf(j.remoteDir) + "/" + f));
            }
            Path staging = Files.createTempDirectory(list.get(0).dir.path().getParent(), ".fetch-");
            try {
                if (!all.isEmpty()) {
                    t.download(root, all, staging, TRANSFER_TIMEOUT);
                }
                for (Job j : list) {
                    JobStatus s = status.getOrDefault(j.jobId, JobStatus.notListed());
                    // the run's own exit file ends it even while its pack's job goes on with other runs
                    JobStatus seen = s.isActive() ? JobStatus.notListed() : s;
                    Files.createDirectories(j.dir.path());
                    Optional<Home> home = settle(j, staging.resolve(leaf(j.remoteDir)), filesOf.get(j.runId), seen);
                    jobs.remove(j.runId);
                    ready.add(home.orElseThrow());
                }
            } finally {
                deleteTree(staging);
            }
        }
    }

    /** Brings the run's files home and records why it ended; a vanished job without its exit file is not "done". */
    private Optional<Home> finish(Transport t, Job j, JobStatus status) throws IOException, InterruptedException {
        Files.createDirectories(j.dir.path());
        List<String> dirs = List.of(j.remoteDir);
        List<String> files = RemoteListing.toFetch(RemoteListing.parse(
                t.run(RemoteListing.command(dirs), COMMAND_TIMEOUT).stdout(), dirs).get(j.remoteDir), j.dir.path());
        Path staging = Files.createTempDirectory(j.dir.path().getParent(), ".fetch-");
        try {
            t.download(j.remoteDir, files, staging, TRANSFER_TIMEOUT);
            return settle(j, staging, files, status);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Decides how a run ended from the scheduler's word and its exit file in {@code staging}, moves its files into
     * its local work directory and records why; a run still active is left alone (empty). A single job that left
     * the queue without an exit file, no reason given, after running for its whole walltime was killed at the
     * limit (PBS and PJM listings do not say so once the job is gone).
     */
    private Optional<Home> settle(Job j, Path staging, List<String> files, JobStatus status) throws IOException {
        Optional<ExitFile> exit = readExit(staging);
        long walltimeSeconds = spec(j.computer).defaults().walltimeSeconds();
        Optional<FinalState.WalltimeEvidence> evidence = j.packed ? Optional.empty()
                : startedAt(staging).map(start -> new FinalState.WalltimeEvidence(start,
                        Duration.ofSeconds(walltimeSeconds), Instant.now()));
        FinalState end = FinalState.decide(status, exit, evidence);
        if (end instanceof FinalState.StillActive) {
            return Optional.empty();
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
        String job = (j.packed ? "packed job " : "job ") + j.jobId + " on " + j.computer;
        String why = switch (end) {
            case FinalState.Finished f -> job + (j.packed ? ": run" : "") + " finished with exit status "
                    + f.exitCode();
            case FinalState.Killed k -> job + " killed: " + k.reason() + (k.inferred() ? " (inferred)" : "")
                    + (k.detail() == null ? "" : " (" + k.detail() + ")");
            case FinalState.Lost l -> job + " left the queue without an exit file: " + l.detail();
            case FinalState.StillActive a -> "still active";
        };
        store.appendEvent(j.runId, "RUNNING", "RUNNING", why, null);
        return Optional.of(new Home(j.runId, j.dir, j.started, why, exit.isEmpty(), walltimeSeconds));
    }

    /** When the job script started the run (first field of its start marker), if the marker came home. */
    private static Optional<Instant> startedAt(Path staging) {
        try {
            String[] fields = Files.readString(staging.resolve(RunLayout.START)).strip().split("\\s+");
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(fields[0])));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
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

    /**
     * Removes a finished run's directory on its computer (the files are in the store), unless the computer's
     * clean-up policy keeps it: then an event says where it is.
     */
    void clean(Run done) {
        store.remoteJob(done.nodeId()).ifPresent(job -> {
            CleanupPolicy policy = spec(job.computer()).cleanup();
            if (!policy.removes(endedAsMeant(done))) {
                store.appendEvent(done.nodeId(), "DONE", "DONE", "remote directory kept on " + job.computer() + " ("
                        + policy.label() + "): " + job.remoteDir(), null);
                return;
            }
            try {
                transports.get(job.computer()).removeTree(job.remoteDir(), COMMAND_TIMEOUT);
            } catch (IOException e) {
                problems.accept("run " + done.nodeId() + ": remote directory " + job.remoteDir() + " not removed: "
                        + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A run that ended as the code meant it to (the outcomes that may answer identical submissions). */
    private static boolean endedAsMeant(Run done) {
        return done.outcome() != null && done.outcome().cacheable();
    }

    /**
     * The computer's transport; the first time this engine uses it, run directories of runs that are already DONE
     * are removed: an engine stopped between storing a run and removing its remote directory leaves them (the
     * same sweep as for local work directories, done when the computer is contacted anyway).
     */
    private Transport connected(String computer) throws IOException, InterruptedException {
        Transport t = transports.get(computer);
        if (!swept.contains(computer)) {
            String root = resolveHome(t, spec(computer).workRoot());
            CommandResult dirs = t.run(List.of("find", root, "-mindepth", "1", "-maxdepth", "1", "-type", "d"),
                    COMMAND_TIMEOUT);
            String prefix = root.endsWith("/") ? root : root + "/";
            for (String line : dirs.stdout().split("\n")) {
                if (!line.startsWith(prefix)) {
                    continue;
                }
                String name = line.substring(prefix.length());
                CleanupPolicy policy = spec(computer).cleanup();
                if (name.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                        && store.findRun(name).map(r -> r.state() == RunState.DONE && policy.removes(endedAsMeant(r)))
                        .orElse(false)) {
                    t.removeTree(line, COMMAND_TIMEOUT);
                }
            }
            swept.add(computer);
        }
        return t;
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
