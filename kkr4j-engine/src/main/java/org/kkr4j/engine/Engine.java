package org.kkr4j.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.Code;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Link;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Outcome;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunCompletion;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunState;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.StaleStateException;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreException;

/**
 * Executes queued runs on this machine. All state is in the store and in the run directories; the engine
 * keeps only the processes it watches, so it can be killed at any moment and a new engine (see
 * {@link #reconcile()}) continues: finished processes are collected, live ones adopted, runs whose process
 * never started are launched again, and none is started twice (the wrapper's claim makes a second launch of
 * the same directory exit at once).
 *
 * <p>Not thread-safe: one engine thread drives {@link #step()}; submissions may come from any thread
 * because they only write to the store.
 */
public final class Engine implements AutoCloseable {
    private final Store store;
    private final EngineSettings settings;
    private final Map<Long, Watched> watched = new LinkedHashMap<>();
    private final Map<String, String> verifiedExecutables = new HashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    /** Queued runs looked at beyond the local core budget, so that remote runs behind local ones get launched. */
    private static final int QUEUE_LOOKAHEAD = 50;
    private Instant lastCancelCheck = Instant.EPOCH;

    /** A process the engine is waiting for. */
    private static final class Watched {
        final long runId;
        final WorkDirectory dir;
        ProcessHandle handle;
        final Instant started;
        final long wallLimitSeconds;
        final int slots;
        Instant terminationSent;
        Instant retryCollectAfter = Instant.EPOCH;
        /** For a remote run: how its job ended, as the computer told it (null for local runs). */
        String remoteEnding;

        Watched(long runId, WorkDirectory dir, ProcessHandle handle, Instant started, long wallLimitSeconds, int slots) {
            this.runId = runId;
            this.dir = dir;
            this.handle = handle;
            this.started = started;
            this.wallLimitSeconds = wallLimitSeconds;
            this.slots = slots;
        }
    }

    private RemoteRuns remote;
    private java.util.function.Function<ComputerSpec, org.kkr4j.remote.transport.Transport> transportOpener =
            ComputerSpec::openTransport;

    public Engine(Store store, EngineSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public Store store() {
        return store;
    }

    public EngineSettings settings() {
        return settings;
    }

    private RemoteRuns remote() {
        if (remote == null) {
            remote = new RemoteRuns(store, message -> listeners.forEach(l -> l.problem(0, message)),
                    transportOpener);
        }
        return remote;
    }

    /**
     * Replaces how the transports of remote computers are opened (tests: explicit known hosts, counting
     * wrappers); only before the first remote run.
     */
    void openTransportsWith(java.util.function.Function<ComputerSpec, org.kkr4j.remote.transport.Transport> opener) {
        if (remote != null) {
            throw new IllegalStateException("the transports of remote computers are already open");
        }
        this.transportOpener = opener;
    }

    /** Counters of the one transport the engine holds for {@code computer} (connections, commands), for tests. */
    org.kkr4j.remote.transport.TransportStats transportStats(String computer) {
        return remote().transportStats(computer);
    }

    /** Closes the connections to remote computers (one per computer). */
    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
    }

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ submission

    /**
     * Records a run (QUEUED), or answers it from an identical finished run (DONE at once, no process).
     *
     * @throws EngineException for a missing or changed code, a card with errors, an unstageable file name
     * @throws org.kkr4j.io.KkrFormatException for a card the code's version cannot read
     */
    public Run submit(RunRequest request) {
        Code code = store.code(request.codeName()).orElseThrow(() -> new EngineException("no code named '"
                + request.codeName() + "' is registered; add one with: kkr4j code add NAME --path /path/to/specx"
                + " --version VERSION"));
        if (!code.remote()) {
            // a code on a computer is checked there (kkr4j computer test), not on this disk
            verifyExecutable(code);
        }
        AkaiVersion version = AkaiVersion.parse(code.version());
        PreparedCard card = PreparedCard.read(request.card(), request.cardSource(), version, request.checkCard());
        for (RunSubmission.InputFile in : request.inputs()) {
            StagedPaths.requireRelative(in.path());
        }
        BlobRef cardBlob = put(request.card());
        String key = CacheKey.of(code, card, request.inputs());
        RunSubmission submission = new RunSubmission(code.name(), code.sha256(), cardBlob, request.inputs(), key,
                request.threads(), request.wallLimitSeconds(), request.label(), request.workflowId());
        if (request.useCache()) {
            Optional<Run> source = store.findCacheSource(key);
            if (source.isPresent()) {
                return store.submitCached(submission, source.get());
            }
        }
        return store.submit(submission);
    }

    /** An input file from disk, stored in the blob store and staged at {@code stagedPath}. */
    public RunSubmission.InputFile inputFromFile(String stagedPath, Path file) {
        StagedPaths.requireRelative(stagedPath);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new EngineException("input file " + file + " does not exist or is not readable");
        }
        try {
            return new RunSubmission.InputFile(stagedPath, store.blobs().put(file), null);
        } catch (IOException e) {
            throw new EngineException("cannot store input file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file a finished run produced (e.g. its potential {@code data/pot}), linked as this run's input. */
    public RunSubmission.InputFile inputFromRun(long runId, String path) {
        Run run = store.run(runId).orElseThrow(() -> new EngineException("no run " + runId));
        if (run.state() != RunState.DONE) {
            throw new EngineException("run " + runId + " has not finished; its files are not available yet");
        }
        long node = store.outputNode(runId).map(org.kkr4j.store.Node::id).orElseThrow(() -> new EngineException("run " + runId
                + " has no output files"));
        for (FileEntry f : store.files(node)) {
            if (f.path().equals(path)) {
                return new RunSubmission.InputFile(path, f.blob(), node);
            }
        }
        throw new EngineException("run " + runId + " did not produce " + path);
    }

    /** The content of a file a finished run produced (its {@link WorkDirectory#STDOUT} log, a potential), if any. */
    public Optional<byte[]> readOutput(long runId, String path) {
        Optional<FileEntry> f = store.outputFile(runId, path);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.blobs().read(f.get().blob().sha256()));
        } catch (IOException e) {
            throw new StoreException("cannot read " + path + " of run " + runId + " from the blob store: "
                    + e.getMessage(), e);
        }
    }

    private BlobRef put(byte[] bytes) {
        try {
            return store.blobs().put(bytes);
        } catch (IOException e) {
            throw new StoreException("cannot store the card: " + e.getMessage(), e);
        }
    }

    /** The executable must still be the one registered: a rebuilt specx would make provenance and cache lie. */
    void verifyExecutable(Code code) {
        Path exe = Path.of(code.path());
        if (!Files.isRegularFile(exe)) {
            throw new EngineException("code '" + code.name() + "': executable " + exe + " does not exist");
        }
        if (!Files.isExecutable(exe)) {
            throw new EngineException("code '" + code.name() + "': " + exe + " is not executable");
        }
        String stamp;
        try {
            stamp = exe + "|" + Files.getLastModifiedTime(exe).toMillis() + "|" + Files.size(exe);
            String sha = verifiedExecutables.get(stamp);
            if (sha == null) {
                sha = Sha256.of(exe);
                verifiedExecutables.put(stamp, sha);
            }
            if (!sha.equals(code.sha256())) {
                throw new EngineException("code '" + code.name() + "': " + exe + " changed since it was registered"
                        + " (SHA-256 " + sha.substring(0, 12) + "… instead of " + code.sha256().substring(0, 12)
                        + "…); register the new binary under a new name");
            }
        } catch (IOException e) {
            throw new EngineException("code '" + code.name() + "': cannot read " + exe + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ cancel

    /**
     * Cancels a run: a queued one ends at once; a running one is signalled (by this engine if it watches it,
     * else directly through the process table) and is collected as CANCELLED.
     */
    public Run cancel(long runId) {
        Run run = store.requestCancel(runId, "cancel requested by the user");
        if (remote != null && remote.watching(runId)) {
            remote.requestCancel(runId);
            return run;
        }
        if (run.state() == RunState.RUNNING || run.state() == RunState.LAUNCHING) {
            Watched w = watched.get(runId);
            if (w != null) {
                terminate(w, Termination.CANCELLED);
            } else if (run.workDir() != null) {
                WorkDirectory dir = new WorkDirectory(Path.of(run.workDir()));
                try {
                    dir.markTermination(Termination.CANCELLED);
                } catch (IOException e) {
                    throw new EngineException("cannot mark run " + runId + " as cancelled in " + dir.path() + ": "
                            + e.getMessage(), e);
                }
                long pid = run.pid() != 0 ? run.pid() : dir.pid().orElse(0);
                ProcessTable.find(pid, run.pidStartTicks())
                        .ifPresent(h -> ProcessTable.terminateDescendants(h, false));
            }
        }
        return run;
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Brings the store in line with the disk and the process table after a start or a crash. Call once,
     * holding the {@link EngineLock}, before {@link #step()}.
     */
    public void reconcile() {
        for (Run run : store.runs(RunQuery.active())) {
            if (watched.containsKey(run.nodeId())) {
                continue;
            }
            adopt(run);
        }
        removeOrphanDirectories();
    }

    private void adopt(Run run) {
        Optional<RemoteJob> job = store.remoteJob(run.nodeId());
        if (job.isPresent()) {
            adoptRemote(run, job.get());
            return;
        }
        if (run.workDir() == null) {
            store.requeue(run.nodeId(), "no work directory was staged before the engine stopped");
            return;
        }
        WorkDirectory dir = new WorkDirectory(Path.of(run.workDir()));
        if (run.state() == RunState.LAUNCHING && !dir.claimed()) {
            // the wrapper never got as far as its claim: nothing ran, so launching again is safe
            deleteQuietly(dir);
            store.requeue(run.nodeId(), "the engine stopped before the process started; queued again");
            return;
        }
        long pid = run.pid() != 0 ? run.pid() : dir.pid().orElse(0);
        if (pid == 0 && dir.exitStatus().isEmpty()) {
            // claimed but no pid yet: the wrapper may be between its two first lines
            sleep(Duration.ofMillis(500));
            pid = dir.pid().orElse(0);
        }
        long ticks = run.pidStartTicks() != 0 ? run.pidStartTicks() : ProcessTable.startTicks(pid);
        ProcessHandle handle = ProcessTable.find(pid, ticks).orElse(null);
        if (run.state() == RunState.LAUNCHING) {
            try {
                run = store.markRunning(run.nodeId(), pid, ticks, "process found running after an engine restart");
            } catch (StaleStateException e) {
                return;
            }
        } else {
            store.appendEvent(run.nodeId(), run.state().name(), run.state().name(),
                    handle != null ? "process " + pid + " adopted after an engine restart"
                            : "process " + pid + " ended while no engine watched it", null);
        }
        Instant started = run.started() != null ? run.started() : Instant.now();
        watched.put(run.nodeId(), new Watched(run.nodeId(), dir, handle, started, run.wallLimitSeconds(),
                slots(run.threads())));
    }

    private void adoptRemote(Run run, RemoteJob job) {
        WorkDirectory dir = new WorkDirectory(run.workDir() != null ? Path.of(run.workDir())
                : settings.workRoot().resolve(run.uuid()));
        if (job.jobId() == null) {
            // staged but the submission was not confirmed: launching again looks the job name up first
            store.requeue(run.nodeId(), "the engine stopped while submitting to " + job.computer()
                    + "; queued again (the job name is looked up before any resubmission)");
            return;
        }
        if (run.state() == RunState.LAUNCHING) {
            try {
                run = store.markRunning(run.nodeId(), 0, 0, "job " + job.jobId() + " on " + job.computer()
                        + " adopted after an engine restart");
            } catch (StaleStateException e) {
                return;
            }
        } else {
            store.appendEvent(run.nodeId(), run.state().name(), run.state().name(), "job " + job.jobId() + " on "
                    + job.computer() + " adopted after an engine restart", null);
        }
        remote().adopt(run, job, dir);
    }

    private void removeOrphanDirectories() {
        Path root = settings.workRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                Optional<Run> run = store.findRun(d.getFileName().toString());
                if (run.isPresent() && run.get().state() == RunState.DONE && !settings.keepWorkDirs()) {
                    deleteQuietly(new WorkDirectory(d));
                }
            }
        } catch (IOException e) {
            listeners.forEach(l -> l.problem(0, "cannot list " + root + ": " + e.getMessage()));
        }
    }

    /**
     * One pass: collects ended processes, enforces limits and cancellations, launches queued runs while the
     * core budget allows. Returns true while anything is queued or running.
     */
    public boolean step() {
        Instant now = Instant.now();
        if (Duration.between(lastCancelCheck, now).toMillis() >= 500 && !watched.isEmpty()) {
            lastCancelCheck = now;
            for (Run run : store.runs(RunQuery.active())) {
                Watched w = watched.get(run.nodeId());
                if (w != null && run.cancelRequested() && w.terminationSent == null) {
                    terminate(w, Termination.CANCELLED);
                }
            }
        }
        if (remote != null) {
            for (RemoteRuns.Home home : remote.poll(now)) {
                // the files are home: collected like a local run whose process has ended
                Watched w = new Watched(home.runId(), home.dir(), null, home.started(), home.walltimeSeconds(), 0);
                w.remoteEnding = home.ending();
                watched.put(home.runId(), w);
            }
        }
        for (Watched w : new ArrayList<>(watched.values())) {
            poll(w, now);
        }
        int free = settings.cores() - watched.values().stream().mapToInt(w -> w.slots).sum();
        // runs of packing computers, by computer and thread count, in queue order
        Map<String, List<Run>> toPack = new java.util.LinkedHashMap<>();
        // a queue holds many runs of few codes: one lookup per code and step
        Map<String, Optional<Code>> codes = new HashMap<>();
        for (Run run : store.runs(RunQuery.queue(Math.max(free, 1) * 2 + QUEUE_LOOKAHEAD + packLookahead()))) {
            Optional<Code> code = codes.computeIfAbsent(run.codeName(), store::code);
            if (code.isPresent() && code.get().remote()) {
                String computer = code.get().computer();
                if (packing(computer)) {
                    toPack.computeIfAbsent(computer + "\u0000" + run.threads(), k -> new ArrayList<>()).add(run);
                    continue;
                }
                if (remote().reachable(computer, now) && remote().queued(computer) < maxQueued(computer)) {
                    launch(run);
                }
                continue;
            }
            int need = slots(run.threads());
            if (need > free) {
                continue;
            }
            if (launch(run)) {
                free -= need;
            }
        }
        for (Map.Entry<String, List<Run>> e : toPack.entrySet()) {
            String computer = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            int size = remote().spec(computer).packSize();
            List<Run> runs = e.getValue();
            for (int from = 0; from < runs.size(); from += size) {
                if (!remote().reachable(computer, Instant.now()) || remote().queued(computer) >= maxQueued(computer)) {
                    break;
                }
                launchPack(computer, runs.subList(from, Math.min(from + size, runs.size())));
            }
        }
        return !watched.isEmpty() || (remote != null && remote.size() > 0) || store.countRuns(RunState.QUEUED) > 0;
    }

    /** Runs until nothing is queued or running. */
    public void runUntilIdle() {
        reconcile();
        while (step()) {
            sleep(settings.pollInterval());
        }
    }

    /** Runs until the given runs are DONE (other queued runs are executed too, in order). */
    public void runUntilDone(Collection<Long> runIds) {
        reconcile();
        Set<Long> pending = new HashSet<>(runIds);
        while (true) {
            step();
            pending.removeIf(id -> store.run(id).map(r -> r.state() == RunState.DONE).orElse(true));
            if (pending.isEmpty()) {
                return;
            }
            sleep(settings.pollInterval());
        }
    }

    private boolean packing(String computer) {
        try {
            return remote().spec(computer).packs();
        } catch (EngineException e) {
            return false;
        }
    }

    /** Queued runs looked at so that every packing computer can fill the jobs it may still queue. */
    private int packLookahead() {
        int n = 0;
        for (org.kkr4j.store.Computer c : store.computers()) {
            if (packing(c.name())) {
                ComputerSpec spec = remote().spec(c.name());
                n += spec.packSize() * Math.max(0, spec.maxQueued() - remote().queued(c.name()));
            }
        }
        return n;
    }

    private int maxQueued(String computer) {
        try {
            return remote().spec(computer).maxQueued();
        } catch (EngineException e) {
            return Integer.MAX_VALUE;
        }
    }

    private int slots(int threads) {
        return Math.min(threads, settings.cores());
    }

    // ------------------------------------------------------------------ launch

    private boolean launch(Run run) {
        Optional<Code> code = store.code(run.codeName());
        if (code.isEmpty()) {
            fail(run.nodeId(), "code '" + run.codeName() + "' is no longer registered");
            return false;
        }
        if (code.get().remote()) {
            return launchRemote(run, code.get());
        }
        try {
            verifyExecutable(code.get());
        } catch (EngineException e) {
            fail(run.nodeId(), e.getMessage());
            return false;
        }
        WorkDirectory dir = new WorkDirectory(settings.workRoot().resolve(run.uuid()));
        try {
            run = store.markLaunching(run.nodeId(), dir.path().toString());
        } catch (StaleStateException e) {
            return false;
        }
        Process process;
        try {
            StagedInputs inputs = stagedInputs(run.nodeId());
            PreparedCard card = PreparedCard.read(inputs.card(), WorkDirectory.CARD,
                    AkaiVersion.parse(code.get().version()), false);
            dir.stage(inputs.card(), inputs.files(), card.directoriesToCreate(), Path.of(code.get().path()),
                    run.threads());
            process = dir.launch();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir);
            fail(run.nodeId(), "could not start: " + describe(e));
            return false;
        }
        long pid = process.pid();
        Run running;
        try {
            running = store.markRunning(run.nodeId(), pid, ProcessTable.startTicks(pid), "started "
                    + code.get().path() + " with OMP_NUM_THREADS=" + run.threads() + " in " + dir.path());
        } catch (StaleStateException e) {
            // cancelled between the two writes: the process is ours, stop it
            watched.put(run.nodeId(), new Watched(run.nodeId(), dir, process.toHandle(), Instant.now(),
                    run.wallLimitSeconds(), slots(run.threads())));
            return true;
        }
        watched.put(run.nodeId(), new Watched(run.nodeId(), dir, process.toHandle(), Instant.now(),
                run.wallLimitSeconds(), slots(run.threads())));
        listeners.forEach(l -> l.launched(running));
        return true;
    }

    /** Stages the run here, uploads it and submits its job; an unreachable computer queues it again. */
    private boolean launchRemote(Run run, Code code) {
        WorkDirectory dir = new WorkDirectory(settings.workRoot().resolve(run.uuid()));
        try {
            run = store.markLaunching(run.nodeId(), dir.path().toString());
        } catch (StaleStateException e) {
            return false;
        }
        String jobId;
        try {
            StagedInputs inputs = stagedInputs(run.nodeId());
            PreparedCard card = PreparedCard.read(inputs.card(), WorkDirectory.CARD, AkaiVersion.parse(code.version()),
                    false);
            dir.stage(inputs.card(), inputs.files(), card.directoriesToCreate(), Path.of(code.path()), run.threads());
            jobId = remote().submit(run, code, dir, card.directoriesToCreate());
        } catch (java.io.IOException e) {
            if (!RemoteRuns.connectionProblem(e)) {
                deleteQuietly(dir);
                fail(run.nodeId(), "could not submit to " + code.computer() + ": " + describe(e));
                return false;
            }
            remote().unreachable(code.computer(), Instant.now(), e);
            store.requeue(run.nodeId(), "computer " + code.computer() + " not reachable (" + describe(e)
                    + "); queued again");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.requeue(run.nodeId(), "interrupted while submitting; queued again");
            return false;
        } catch (org.kkr4j.remote.scheduler.SchedulerResponseException e) {
            if (!schedulerRefused(run.nodeId(), code.computer(), e)) {
                deleteQuietly(dir);
            }
            return false;
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            fail(run.nodeId(), "could not submit to " + code.computer() + ": " + describe(e));
            return false;
        }
        Run running;
        try {
            running = store.markRunning(run.nodeId(), 0, 0, "submitted as job " + jobId + " on " + code.computer());
        } catch (StaleStateException e) {
            remote().requestCancel(run.nodeId());
            return true;
        }
        listeners.forEach(l -> l.launched(running));
        return true;
    }

    /**
     * A submission the scheduler did not take: the run is queued again while that happens rarely (a controller
     * being restarted answers again soon), and fails with the scheduler's message after
     * {@link RemoteRuns#SCHEDULER_REFUSALS_TOLERATED} refusals in a row. Returns true when the run was queued again.
     */
    private boolean schedulerRefused(long runId, String computer, RuntimeException e) {
        int n = remote().schedulerRefused(runId, computer, Instant.now());
        if (n < RemoteRuns.SCHEDULER_REFUSALS_TOLERATED) {
            store.requeue(runId, "the scheduler of " + computer + " did not take the job (" + describe(e)
                    + "); queued again (refusal " + n + " of " + RemoteRuns.SCHEDULER_REFUSALS_TOLERATED + ")");
            return true;
        }
        fail(runId, "could not submit to " + computer + ": the scheduler refused " + n + " times, last: "
                + describe(e));
        return false;
    }

    /**
     * Stages each run here and sends them to {@code computer} as one packed job (one upload, one submission). Runs
     * that an earlier, unrecorded submission of the same pack does not hold are queued again.
     */
    private void launchPack(String computer, List<Run> runs) {
        List<RemoteRuns.Staged> staged = new ArrayList<>();
        for (Run queued : runs) {
            Optional<Code> code = store.code(queued.codeName());
            if (code.isEmpty()) {
                fail(queued.nodeId(), "code '" + queued.codeName() + "' is no longer registered");
                continue;
            }
            WorkDirectory dir = new WorkDirectory(settings.workRoot().resolve(queued.uuid()));
            Run run;
            try {
                run = store.markLaunching(queued.nodeId(), dir.path().toString());
            } catch (StaleStateException e) {
                continue;
            }
            try {
                StagedInputs inputs = stagedInputs(run.nodeId());
                PreparedCard card = PreparedCard.read(inputs.card(), WorkDirectory.CARD,
                        AkaiVersion.parse(code.get().version()), false);
                dir.stage(inputs.card(), inputs.files(), card.directoriesToCreate(), Path.of(code.get().path()),
                        run.threads());
                staged.add(new RemoteRuns.Staged(run, code.get(), dir, card.directoriesToCreate()));
            } catch (IOException | RuntimeException e) {
                deleteQuietly(dir);
                fail(run.nodeId(), "could not stage for " + computer + ": " + describe(e));
            }
        }
        if (staged.isEmpty()) {
            return;
        }
        Map<Long, String> taken;
        try {
            taken = remote().submitPack(computer, staged);
        } catch (IOException e) {
            boolean retry = RemoteRuns.connectionProblem(e);
            if (retry) {
                remote().unreachable(computer, Instant.now(), e);
            }
            for (RemoteRuns.Staged s : staged) {
                if (retry) {
                    store.requeue(s.run().nodeId(), "computer " + computer + " not reachable (" + describe(e)
                            + "); queued again");
                } else {
                    deleteQuietly(s.dir());
                    fail(s.run().nodeId(), "could not submit to " + computer + ": " + describe(e));
                }
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            staged.forEach(s -> store.requeue(s.run().nodeId(), "interrupted while submitting; queued again"));
            return;
        } catch (org.kkr4j.remote.scheduler.SchedulerResponseException e) {
            for (RemoteRuns.Staged s : staged) {
                if (!schedulerRefused(s.run().nodeId(), computer, e)) {
                    deleteQuietly(s.dir());
                }
            }
            return;
        } catch (RuntimeException e) {
            for (RemoteRuns.Staged s : staged) {
                deleteQuietly(s.dir());
                fail(s.run().nodeId(), "could not submit to " + computer + ": " + describe(e));
            }
            return;
        }
        for (RemoteRuns.Staged s : staged) {
            String jobId = taken.get(s.run().nodeId());
            if (jobId == null) {
                store.requeue(s.run().nodeId(), "pack job on " + computer + " found from an earlier submission"
                        + " does not hold this run; queued again");
                continue;
            }
            Run running;
            try {
                running = store.markRunning(s.run().nodeId(), 0, 0, "submitted in packed job " + jobId + " ("
                        + RemoteRuns.PACK_PREFIX + staged.get(0).run().uuid() + ", " + taken.size() + " runs) on "
                        + computer);
            } catch (StaleStateException e) {
                remote().requestCancel(s.run().nodeId());
                continue;
            }
            listeners.forEach(l -> l.launched(running));
        }
    }

    private record StagedInputs(byte[] card, List<WorkDirectory.StagedFile> files) {
    }

    /** The card and input files of a run, from its INPUT_CALC links: the link label is the staged path. */
    private StagedInputs stagedInputs(long runId) throws IOException {
        byte[] card = null;
        List<WorkDirectory.StagedFile> files = new ArrayList<>();
        for (Link link : store.incoming(runId)) {
            if (link.type() != LinkType.INPUT_CALC) {
                continue;
            }
            List<FileEntry> entries = store.files(link.sourceId());
            FileEntry entry = pick(entries, link.label());
            if (entry == null) {
                throw new EngineException("input node " + link.sourceId() + " of run " + runId + " holds no file '"
                        + link.label() + "'");
            }
            if (link.label().equals(WorkDirectory.CARD)) {
                card = store.blobs().read(entry.blob().sha256());
            } else {
                String sha = entry.blob().sha256();
                files.add(new WorkDirectory.StagedFile(link.label(), target -> store.blobs().copyTo(sha, target)));
            }
        }
        if (card == null) {
            throw new EngineException("run " + runId + " has no input card in the store");
        }
        return new StagedInputs(card, files);
    }

    private static FileEntry pick(List<FileEntry> entries, String label) {
        for (FileEntry e : entries) {
            if (e.path().equals(label)) {
                return e;
            }
        }
        return entries.size() == 1 ? entries.get(0) : null;
    }

    private void fail(long runId, String reason) {
        try {
            Run done = store.complete(runId, new RunCompletion(Outcome.LAUNCH_FAILED, null, List.of(),
                    RunResult.EMPTY, reason, null));
            listeners.forEach(l -> l.finished(done));
        } catch (StaleStateException e) {
            // already ended elsewhere (cancelled): nothing to record
        }
    }

    // ------------------------------------------------------------------ watch and collect

    private void poll(Watched w, Instant now) {
        if (now.isBefore(w.retryCollectAfter)) {
            return;
        }
        Optional<Integer> exit = w.dir.exitStatus();
        if (exit.isPresent()) {
            collect(w, exit.get());
            return;
        }
        if (w.handle == null || !w.handle.isAlive()) {
            exit = w.dir.exitStatus();
            collect(w, exit.orElse(null));
            return;
        }
        if (w.wallLimitSeconds > 0 && w.terminationSent == null
                && now.isAfter(w.started.plusSeconds(w.wallLimitSeconds))) {
            terminate(w, Termination.TIMED_OUT);
        } else if (w.terminationSent != null && now.isAfter(w.terminationSent.plus(settings.killGrace()))) {
            if (ProcessTable.terminateDescendants(w.handle, true) == 0) {
                w.handle.destroyForcibly();
            }
        }
    }

    private void terminate(Watched w, Termination why) {
        try {
            w.dir.markTermination(why);
        } catch (IOException e) {
            listeners.forEach(l -> l.problem(w.runId, "cannot write the termination marker: " + e.getMessage()));
        }
        w.terminationSent = Instant.now();
        if (w.handle != null && w.handle.isAlive() && ProcessTable.terminateDescendants(w.handle, false) == 0) {
            w.handle.destroy();
        }
    }

    private void collect(Watched w, Integer exitCode) {
        Run run = store.run(w.runId).orElse(null);
        if (run == null || run.state() == RunState.DONE) {
            watched.remove(w.runId);
            return;
        }
        try {
            if (exitCode != null && exitCode == WorkDirectory.ALREADY_CLAIMED && w.dir.exitStatus().isEmpty()) {
                throw new EngineException("the work directory was claimed by another launch");
            }
            byte[] log = w.dir.readOutput(WorkDirectory.STDOUT);
            Termination termination = w.dir.termination();
            if (termination == Termination.NONE && run.cancelRequested()) {
                termination = Termination.CANCELLED;
            }
            // a remote run's limit is its job's walltime on the computer
            long limit = w.remoteEnding != null ? w.wallLimitSeconds : run.wallLimitSeconds();
            Classification verdict = OutcomeClassifier.classify(exitCode, log, run.uuid() + "/" + WorkDirectory.STDOUT,
                    termination, limit);
            List<FileEntry> outputs = storeOutputs(w.dir, run.nodeId());
            CardDeck deck = cardDeck(w.dir, run);
            RunResult result;
            String reason = verdict.reason();
            if (w.remoteEnding != null) {
                // a run that left no exit status and no marker: the computer's account is the whole story
                reason = exitCode == null && verdict.outcome() == Outcome.KILLED ? w.remoteEnding
                        : reason + " (" + w.remoteEnding + ")";
            }
            try {
                result = ResultExtractor.extract(verdict.log(), deck);
            } catch (RuntimeException e) {
                // the files and the outcome are still worth keeping; the columns can be rebuilt from the log
                result = RunResult.EMPTY;
                reason += "; result columns not extracted: " + describe(e);
            }
            Run done = store.complete(run.nodeId(), new RunCompletion(verdict.outcome(), exitCode, outputs, result,
                    reason, null));
            watched.remove(w.runId);
            if (w.handle == null && remote != null && store.remoteJob(run.nodeId()).isPresent()) {
                remote.clean(done);
            }
            if (!settings.keepWorkDirs()) {
                deleteQuietly(w.dir);
            }
            listeners.forEach(l -> l.finished(done));
        } catch (StaleStateException e) {
            watched.remove(w.runId);
        } catch (IOException | RuntimeException e) {
            // e.g. a full disk while storing outputs: the files stay in the work directory, try again later
            w.retryCollectAfter = Instant.now().plusSeconds(30);
            String message = "could not store the results yet (will retry): " + describe(e);
            listeners.forEach(l -> l.problem(w.runId, message));
        }
    }

    /** Files the run wrote or changed (a staged input that is unchanged is not an output). */
    private List<FileEntry> storeOutputs(WorkDirectory dir, long runId) throws IOException {
        Map<String, String> staged = new HashMap<>();
        for (Link link : store.incoming(runId)) {
            if (link.type() == LinkType.INPUT_CALC) {
                FileEntry e = pick(store.files(link.sourceId()), link.label());
                if (e != null) {
                    staged.put(link.label(), e.blob().sha256());
                }
            }
        }
        List<FileEntry> outputs = new ArrayList<>();
        for (String path : dir.codeFiles()) {
            Path file = dir.path().resolve(path);
            if (path.equals(WorkDirectory.STDERR) && Files.size(file) == 0) {
                continue;
            }
            String before = staged.get(path);
            if (before != null && before.equals(Sha256.of(file))) {
                continue;
            }
            outputs.add(new FileEntry(path, store.blobs().put(file)));
        }
        return outputs;
    }

    private CardDeck cardDeck(WorkDirectory dir, Run run) {
        try {
            byte[] card = dir.readOutput(WorkDirectory.CARD);
            String version = store.code(run.codeName()).map(Code::version).orElse(null);
            if (card.length == 0 || version == null) {
                return null;
            }
            return PreparedCard.read(card, WorkDirectory.CARD, AkaiVersion.parse(version), false).lastDeck();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void deleteQuietly(WorkDirectory dir) {
        try {
            dir.deleteRecursively();
        } catch (IOException e) {
            listeners.forEach(l -> l.problem(0, "cannot delete " + dir.path() + ": " + e.getMessage()));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
    }

    /** Number of runs this engine is watching now. */
    public int watching() {
        return watched.size();
    }
}
