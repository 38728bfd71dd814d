package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Code;
import org.kkr4j.store.Event;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunState;

/**
 * The faults of issue 6 with the ENGINE on the other end, on the test HPC computer of {@code .ci/hpc-start}
 * (OpenSSH + Slurm, no shared disk): sshd killed while the engine uploads a run and while it downloads one (the
 * runs resume and end as recorded, with every byte), slurmctld stopped and started while the engine watches its
 * jobs, running and queued (nothing is taken for finished, nothing is submitted twice), a job cancelled with {@code scancel} behind
 * the engine's back and one cancelled through the engine (both CANCELLED, not finished), and a job over its
 * walltime (TIMED_OUT). The walltime run is submitted first, by an engine that then stops; Slurm kills it 60-95 s
 * later while the other tests run, and an engine started at the end adopts and judges it.
 */
@HpcSshSlurm.Test
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteFaultsThroughEngineTest {
    private static final List<String> SYSTEMS = List.of("CrMnFeCo_bcc", "VCoNiCu_bcc", "MnFeCoCu_bcc",
            "TiCrFeCo_bcc");
    private static final Path HEA = HpcReplayInstall.HEA;
    private static final Duration T = Duration.ofMinutes(2);
    private static final int POLL_SECONDS = 2;
    private static final long BIG_BYTES = 192L << 20;
    private static final long KILL_AFTER_BYTES = 16L << 20;
    /** Suffix of a downloaded file while it is being written (kkr4j-remote's tar transfers). */
    private static final String PART_SUFFIX = ".kkr4j-part";

    @TempDir
    static Path local;
    private static HpcReplayInstall replay;
    private static ExecutorService threads;
    private static ReplayHarness walltimeHome;
    private static Run walltimeRun;

    @BeforeAll
    static void installAndSubmitTheRunThatWillOutliveItsWalltime() throws Exception {
        replay = HpcReplayInstall.install(local, "engine-faults", SYSTEMS);
        threads = Executors.newCachedThreadPool();
        walltimeHome = new ReplayHarness(local.resolve("home-walltime"));
        Code code = replay.register(walltimeHome, "fault-walltime", slowReplay(600), POLL_SECONDS, 60, 0, 0);
        try (Engine engine = walltimeHome.engine(1)) {
            walltimeRun = submit(engine, code, SYSTEMS.get(0));
            engine.step();
        }
        assertThat(walltimeHome.store.run(walltimeRun.nodeId()).orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (threads != null) {
            threads.shutdownNow();
        }
        if (replay != null) {
            // a test that failed half-way may have left a server down
            replay.hpc.ctl("sshd-start");
            replay.hpc.ctl("slurmctld-start");
            replay.setup.run(List.of("scancel", "--name=kkr4j-" + walltimeRun.uuid()), T);
            replay.close();
        }
        if (walltimeHome != null) {
            walltimeHome.close();
        }
    }

    @Test
    @Order(1)
    void sshdKilledWhileTheEngineUploadsARunThenTheRunGoesUpAgainWholeAndEndsAsRecorded() throws Exception {
        Path big = local.resolve("big-input.bin");
        writeRandom(big, BIG_BYTES, 1);
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-upload"))) {
            // the job checks what arrived: big.sha comes home as one of the run's files
            Code code = replay.register(h, "fault-upload", "sha256sum extra/big.bin > big.sha\n", POLL_SECONDS, 600,
                    0, 0);
            try (Engine engine = h.engine(1)) {
                List<CountingTransport> opened = counted(engine);
                Run run = engine.submit(RunRequest.of(code.name(), card(SYSTEMS.get(0)), SYSTEMS.get(0),
                        List.of(engine.inputFromFile("extra/big.bin", big))));
                String remoteDir = replay.workRoot("fault-upload") + "/" + run.uuid();
                Future<Long> kill = threads.submit(killSshdWhen(
                        () -> Long.parseLong(replay.hpc.ctl("remote-bytes", remoteDir))));
                runUntilDone(engine, h, List.of(run), Duration.ofMinutes(5));
                assertThat(kill.get(10, TimeUnit.SECONDS)).as("bytes on the computer when sshd was killed")
                        .isLessThan(BIG_BYTES);

                assertRecorded(h, engine, run, SYSTEMS.get(0));
                assertThat(new String(engine.readOutput(run.nodeId(), "big.sha").orElseThrow()).split("\\s+")[0])
                        .as("the input the job read is the whole file").isEqualTo(sha256(big));
                CountingTransport t = opened.get(0);
                assertThat(t.uploads.get()).as("the broken upload and the whole one").isEqualTo(2);
                assertThat(t.of("sbatch")).as("submitted once").hasSize(1);
                assertThat(h.store.events(run.nodeId())).extracting(Event::reason)
                        .anyMatch(r -> r.startsWith("computer fault-upload not reachable"));
                assertThat(engine.transportStats("fault-upload").connectionsOpened())
                        .as("the first connection and one after sshd came back").isEqualTo(2);
            }
        }
    }

    @Test
    @Order(2)
    void sshdKilledWhileTheEngineDownloadsARunThenTheFilesComeHomeWhole() throws Exception {
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-download"))) {
            // besides the replay's files the job writes a large one, and its checksum
            Code code = replay.register(h, "fault-download", "head -c " + BIG_BYTES + " /dev/urandom > big.out\n"
                    + "sha256sum big.out > big.sha\n", POLL_SECONDS, 600, 0, 0);
            try (Engine engine = h.engine(1)) {
                List<CountingTransport> opened = counted(engine);
                List<String> problems = problems(engine);
                Run run = submit(engine, code, SYSTEMS.get(1));
                Future<Long> kill = threads.submit(killSshdWhen(() -> largestPart(h.home)));
                runUntilDone(engine, h, List.of(run), Duration.ofMinutes(5));
                kill.get(10, TimeUnit.SECONDS);

                assertRecorded(h, engine, run, SYSTEMS.get(1));
                byte[] out = engine.readOutput(run.nodeId(), "big.out").orElseThrow();
                assertThat(out).hasSize((int) BIG_BYTES);
                assertThat(sha256(out)).as("the stored file is the whole remote one")
                        .isEqualTo(new String(engine.readOutput(run.nodeId(), "big.sha").orElseThrow()).split("\\s+")[0]);
                CountingTransport t = opened.get(0);
                assertThat(t.fetched.stream().filter("big.out"::equals)).as("the broken download and the whole one")
                        .hasSize(2);
                assertThat(t.of("sbatch")).hasSize(1);
                assertThat(problems).anyMatch(p -> p.startsWith("computer fault-download:") && p.endsWith("(will retry)"));
                assertThat(engine.transportStats("fault-download").connectionsOpened()).isEqualTo(2);
                assertThat(replay.setup.exists(replay.workRoot("fault-download") + "/" + run.uuid(), T)).isFalse();
            }
        }
    }

    @Test
    @Order(3)
    void slurmctldStoppedAndStartedWhileTheEngineWatchesItsRunningAndQueuedJobs() throws Exception {
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-ctld"))) {
            // each job asks for all eight CPUs of the test node: one runs, the others wait in Slurm's queue
            Code code = replay.register(h, replay.spec("fault-ctld", "slurm", slowReplay(5), POLL_SECONDS, 600)
                    .withDefaults(new ComputerSpec.JobDefaults(null, null, 600, 1, 8, List.of())));
            try (Engine engine = h.engine(1)) {
                List<CountingTransport> opened = counted(engine);
                List<String> problems = problems(engine);
                List<Run> runs = new ArrayList<>();
                for (String system : SYSTEMS.subList(0, 3)) {
                    runs.add(submit(engine, code, system));
                }
                engine.step();
                for (Run r : runs) {
                    assertThat(h.store.run(r.nodeId()).orElseThrow().state()).isEqualTo(RunState.RUNNING);
                }
                List<String> ids = runs.stream().map(r -> h.store.remoteJob(r.nodeId()).orElseThrow().jobId()).toList();
                CommandResult states = replay.setup.run(List.of("squeue", "--noheader", "--format=%T",
                        "--jobs=" + String.join(",", ids)), T);
                assertThat(states.stdout()).as("jobs waiting in Slurm's queue when its controller stops")
                        .contains("PENDING");
                Run late;
                replay.hpc.ctl("slurmctld-stop");
                try {
                    // submitted while the controller is away: the scheduler cannot take it, so it waits in the queue
                    late = submit(engine, code, SYSTEMS.get(3));
                    Instant until = Instant.now().plusSeconds(4L * POLL_SECONDS);
                    while (Instant.now().isBefore(until)) {
                        engine.step();
                        Thread.sleep(200);
                    }
                    for (Run r : runs) {
                        assertThat(h.store.run(r.nodeId()).orElseThrow().state())
                                .as("nothing is taken for finished while squeue cannot answer")
                                .isEqualTo(RunState.RUNNING);
                    }
                    assertThat(h.store.run(late.nodeId()).orElseThrow().state()).isEqualTo(RunState.QUEUED);
                    assertThat(h.store.events(late.nodeId())).extracting(Event::reason)
                            .anyMatch(r -> r.startsWith("the scheduler of fault-ctld did not take the job"));
                    assertThat(problems).anyMatch(p -> p.startsWith("computer fault-ctld:") && p.contains("squeue"));
                } finally {
                    replay.hpc.ctl("slurmctld-start");
                }
                runs.add(late);
                runUntilDone(engine, h, runs, Duration.ofMinutes(3));
                for (int i = 0; i < runs.size(); i++) {
                    assertRecorded(h, engine, runs.get(i), SYSTEMS.get(i));
                }
                assertThat(opened.get(0).of("sbatch"))
                        .as("one sbatch per run, none again after the restart").hasSize(SYSTEMS.size());
                assertThat(engine.transportStats("fault-ctld").connectionsOpened()).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(4)
    void aJobCancelledWithScancelAndOneCancelledThroughTheEngineEndCancelledNotFinished() throws Exception {
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-cancel"))) {
            Code code = replay.register(h, "fault-cancel", slowReplay(300), POLL_SECONDS, 600, 0, 0);
            try (Engine engine = h.engine(1)) {
                Run outside = submit(engine, code, SYSTEMS.get(0));
                Run inside = submit(engine, code, SYSTEMS.get(1));
                engine.step();
                // both jobs are running: their start markers are on the computer
                Instant deadline = Instant.now().plusSeconds(60);
                for (Run r : List.of(outside, inside)) {
                    String start = h.store.remoteJob(r.nodeId()).orElseThrow().remoteDir() + "/.kkr4j/start";
                    while (!replay.setup.exists(start, T)) {
                        assertThat(Instant.now()).as("job of run %d started", r.nodeId()).isBefore(deadline);
                        engine.step();
                        Thread.sleep(300);
                    }
                }
                String jobId = h.store.remoteJob(outside.nodeId()).orElseThrow().jobId();
                CommandResult scancel = replay.setup.run(List.of("scancel", jobId), T);
                assertThat(scancel.exitCode()).as(scancel.stderr()).isZero();
                engine.cancel(inside.nodeId());
                runUntilDone(engine, h, List.of(outside, inside), Duration.ofMinutes(2));

                for (Run r : List.of(outside, inside)) {
                    Run done = h.store.run(r.nodeId()).orElseThrow();
                    assertThat(done.outcome()).as("%s\nevents: %s", done, h.store.events(done.nodeId()))
                            .isEqualTo(Outcome.CANCELLED);
                    assertThat(h.store.events(done.nodeId())).extracting(Event::reason)
                            .anyMatch(e -> e.contains("killed: CANCELLED"))
                            .noneMatch(e -> e.contains("finished with exit status"));
                }
            }
        }
    }

    @Test
    @Order(5)
    void aJobOverItsWalltimeIsReportedTimedOutToTheEngineThatAdoptsIt() throws Exception {
        try (Engine engine = walltimeHome.engine(1)) {
            runUntilDone(engine, walltimeHome, List.of(walltimeRun), Duration.ofMinutes(4));
            Run done = walltimeHome.store.run(walltimeRun.nodeId()).orElseThrow();
            assertThat(done.outcome()).as("%s\nevents: %s", done, walltimeHome.store.events(done.nodeId()))
                    .isEqualTo(Outcome.TIMED_OUT);
            assertThat(walltimeHome.store.events(done.nodeId())).extracting(Event::reason)
                    .anyMatch(e -> e.contains("wall-clock limit of 60 s") && e.contains("TIMEOUT"))
                    .anyMatch(e -> e.contains("adopted after an engine restart"))
                    .anyMatch(e -> e.contains("killed: TIMED_OUT"));
            RemoteJob job = walltimeHome.store.remoteJob(done.nodeId()).orElseThrow();
            assertThat(replay.setup.exists(job.remoteDir(), T)).isFalse();
        }
    }

    // ---- helpers

    private static String slowReplay(int seconds) {
        return "KKR4J_REPLAY_SECONDS=" + seconds + "\nexport KKR4J_REPLAY_SECONDS\n";
    }

    private static byte[] card(String system) throws IOException {
        return Files.readAllBytes(HEA.resolve(system).resolve("inputcard_go"));
    }

    private static Run submit(Engine engine, Code code, String system) throws IOException {
        return engine.submit(RunRequest.of(code.name(), card(system), system, List.of()).withCache(false));
    }

    private static List<CountingTransport> counted(Engine engine) {
        List<CountingTransport> opened = new CopyOnWriteArrayList<>();
        CountingTransport.installOn(engine, spec -> replay.hpc.open(spec), opened);
        return opened;
    }

    private static List<String> problems(Engine engine) {
        List<String> seen = new CopyOnWriteArrayList<>();
        engine.addListener(new EngineListener() {
            @Override
            public void problem(long runId, String message) {
                seen.add(message);
            }
        });
        return seen;
    }

    /** As {@link Engine#runUntilDone} (adoption included), but failing after {@code max} instead of hanging. */
    private static void runUntilDone(Engine engine, ReplayHarness h, List<Run> runs, Duration max) throws Exception {
        engine.reconcile();
        Instant deadline = Instant.now().plus(max);
        while (runs.stream().anyMatch(r -> h.store.run(r.nodeId()).orElseThrow().state() != RunState.DONE)) {
            assertThat(Instant.now()).as("runs done within %s: %s", max,
                    runs.stream().map(r -> h.store.run(r.nodeId()).orElseThrow()).toList()).isBefore(deadline);
            engine.step();
            Thread.sleep(200);
        }
    }

    /** The run ended as recorded: converged, exit 0, the recorded log and potential byte for byte. */
    private static void assertRecorded(ReplayHarness h, Engine engine, Run run, String system) throws IOException {
        Run done = h.store.run(run.nodeId()).orElseThrow();
        assertThat(done.outcome()).as("%s\nevents: %s", done, h.store.events(done.nodeId()))
                .isEqualTo(Outcome.CONVERGED);
        assertThat(done.exitCode()).isZero();
        assertThat(engine.readOutput(done.nodeId(), WorkDirectory.STDOUT).orElseThrow())
                .isEqualTo(Files.readAllBytes(HEA.resolve(system).resolve("out_go.log")));
        assertThat(engine.readOutput(done.nodeId(), "data/pot").orElseThrow())
                .isEqualTo(Files.readAllBytes(HEA.resolve(system).resolve("data/pot")));
    }

    /** Bytes a transfer has moved so far, as seen from one end. */
    interface Probe {
        long bytes() throws Exception;
    }

    /**
     * Kills sshd (listener and sessions, SIGKILL) as soon as {@code probe} reads more than {@link #KILL_AFTER_BYTES},
     * reads it again (what the broken transfer left), and starts sshd again a second later. Fails when the transfer
     * never gets there within three minutes (then nothing was tested).
     */
    private static Callable<Long> killSshdWhen(Probe probe) {
        return () -> {
            Instant deadline = Instant.now().plusSeconds(180);
            while (probe.bytes() <= KILL_AFTER_BYTES) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the transfer never reached the size at which sshd is to be killed");
                }
                Thread.sleep(5);
            }
            replay.hpc.ctl("sshd-kill");
            long left = probe.bytes();
            Thread.sleep(1000);
            replay.hpc.ctl("sshd-start");
            return left;
        };
    }

    /** The largest file being downloaded under {@code home} (its name ends in the partial-download suffix). */
    private static long largestPart(Path home) {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(p -> p.getFileName().toString().endsWith(PART_SUFFIX)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).max().orElse(0);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a directory removed while walking: nothing is being downloaded there
            return 0;
        }
    }

    private static void writeRandom(Path file, long bytes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - done));
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
