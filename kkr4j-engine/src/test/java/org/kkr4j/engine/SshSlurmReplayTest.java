package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.transport.SshTransport;
import org.kkr4j.store.Code;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Run;

/**
 * Replayed runs through SSH + Slurm end to end: the code is the replay executable installed on the test HPC
 * computer of {@code .ci/hpc-start} ({@link HpcReplayInstall}, no shared disk), the engine stages here, uploads,
 * submits with sbatch, polls with squeue, downloads, collects and cleans up, with one SSH connection for the
 * computer.
 */
@HpcSshSlurm.Test
class SshSlurmReplayTest {
    private static final Path HEA = ReplayHarness.RECORDINGS.resolve("hea-3d");
    private static final List<String> SYSTEMS = List.of("CrMnFeCo_bcc", "VCoNiCu_bcc", "MnFeCoCu_bcc", "TiCrFeCo_bcc");
    private static final Duration T = Duration.ofMinutes(2);
    private static final int POLL_SECONDS = 2;

    @TempDir
    static Path local;
    private static HpcReplayInstall replay;
    /** The test's own connection for setup and checks; the engine opens its own. */
    private static SshTransport setup;
    private static String base;

    @BeforeAll
    static void installTheReplayOnTheComputer() throws Exception {
        replay = HpcReplayInstall.install(local, "engine-it", SYSTEMS);
        hpc = replay.hpc;
        setup = replay.setup;
        base = replay.base;
    }

    @AfterAll
    static void removeIt() throws Exception {
        if (replay != null) {
            replay.close();
        }
    }

    private static HpcSshSlurm hpc;

    /** Registers the computer and the replay on it; {@code extraPrepend} adds to the prepend text. */
    private static Code register(ReplayHarness h, String name, String extraPrepend) {
        return register(h, name, extraPrepend, 0, 0);
    }

    /** As {@link #register(ReplayHarness, String, String)}, packing {@code packSize} runs into one job. */
    private static Code register(ReplayHarness h, String name, String extraPrepend, int packSize, int packWorkers) {
        return replay.register(h, name, extraPrepend, POLL_SECONDS, 600, packSize, packWorkers);
    }

    private static String launcher() {
        return replay.launcher();
    }

    private static List<Run> submitAll(Engine engine, String code) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (String system : SYSTEMS) {
            runs.add(engine.submit(RunRequest.of(code, Files.readAllBytes(HEA.resolve(system).resolve("inputcard_go")),
                    system, List.of())));
        }
        return runs;
    }

    /** Every run ended as recorded (exit 0, converged), with the recorded log byte for byte; its remote directory is gone. */
    private static void assertAsRecorded(ReplayHarness h, Engine engine, List<Run> runs, String computer)
            throws Exception {
        for (int i = 0; i < runs.size(); i++) {
            Run done = h.store.run(runs.get(i).nodeId()).orElseThrow();
            assertThat(done.outcome()).as("%s\nevents: %s\nstderr: %s", done, h.store.events(done.nodeId()),
                    engine.readOutput(done.nodeId(), WorkDirectory.STDERR).map(String::new).orElse("(none)"))
                    .isEqualTo(Outcome.CONVERGED);
            assertThat(done.exitCode()).isZero();
            assertThat(engine.readOutput(done.nodeId(), WorkDirectory.STDOUT).orElseThrow())
                    .isEqualTo(Files.readAllBytes(HEA.resolve(SYSTEMS.get(i)).resolve("out_go.log")));
            assertThat(engine.readOutput(done.nodeId(), "data/pot").orElseThrow())
                    .isEqualTo(Files.readAllBytes(HEA.resolve(SYSTEMS.get(i)).resolve("data/pot")));
            RemoteJob job = h.store.remoteJob(done.nodeId()).orElseThrow();
            assertThat(job.computer()).isEqualTo(computer);
            assertThat(job.remoteDir()).isEqualTo(base + "/runs-" + computer + "/" + done.uuid());
            assertThat(setup.exists(job.remoteDir(), T)).as("remote directory of run " + done.nodeId()).isFalse();
        }
    }

    @Test
    void recordedRunsGoThroughSshAndSlurmWithOneConnectionAndOneSqueuePerInterval() throws Exception {
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-once"))) {
            Code code = register(h, "slurm-once", "");
            assertThat(code.sha256()).isEqualTo(Sha256.of(local.resolve("bin/replay")));
            // what kkr4j computer test reports for it: login, squeue answers, the work root takes files, the code
            List<ComputerCheck.Check> checks = new ComputerCheck(h.store, hpc::open).run("slurm-once", c -> { });
            assertThat(checks).extracting(ComputerCheck.Check::what).containsExactly("login",
                    "scheduler slurm answers a status query", "work root " + base + "/runs-slurm-once writable",
                    "code replay-slurm-once (" + launcher() + ")");
            assertThat(checks).allSatisfy(c -> assertThat(c.ok()).as(c.toString()).isTrue());
            List<CountingTransport> opened = new ArrayList<>();
            try (Engine engine = h.engine(1)) {
                CountingTransport.installOn(engine, spec -> hpc.open(spec), opened);
                List<Run> runs = submitAll(engine, code.name());
                engine.runUntilDone(runs.stream().map(Run::nodeId).toList());
                assertAsRecorded(h, engine, runs, "slurm-once");

                assertThat(opened).hasSize(1);
                assertThat(engine.transportStats("slurm-once").connectionsOpened()).isEqualTo(1);
                CountingTransport t = opened.get(0);
                assertThat(t.of("sbatch")).hasSize(SYSTEMS.size());
                List<String> jobIds = runs.stream().map(r -> h.store.remoteJob(r.nodeId()).orElseThrow().jobId())
                        .toList();
                // status queries name job ids (--jobs=); the look-ups before each submission name the run (--name=)
                List<CountingTransport.Command> status = t.of("squeue").stream()
                        .filter(c -> c.argv().stream().anyMatch(a -> a.startsWith("--jobs="))).toList();
                assertThat(status).isNotEmpty();
                // the first query covers every job: the batch is polled with one squeue, not one per job
                assertThat(status.get(0).argv()).contains("--jobs=" + String.join(",", jobIds));
                for (int i = 1; i < status.size(); i++) {
                    assertThat(Duration.between(status.get(i - 1).at(), status.get(i).at()))
                            .as("status query %d came within the poll interval of the one before", i)
                            .isGreaterThanOrEqualTo(Duration.ofSeconds(POLL_SECONDS).minusMillis(50));
                }
                assertThat(t.of("sacct")).isEmpty();
            }
        }
    }

    @Test
    void anEngineStoppedMidBatchIsReplacedByOneThatAdoptsTheJobsWithoutSubmittingAgain() throws Exception {
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-restart"))) {
            // each replayed run takes 6 s, so the jobs are still in the queue when the second engine starts
            Code code = register(h, "slurm-restart", "KKR4J_REPLAY_SECONDS=6\nexport KKR4J_REPLAY_SECONDS\n");
            List<Run> runs;
            CountingTransport first;
            try (Engine engine = h.engine(1)) {
                List<CountingTransport> opened = new ArrayList<>();
                CountingTransport.installOn(engine, spec -> hpc.open(spec), opened);
                runs = submitAll(engine, code.name());
                engine.step();
                first = opened.get(0);
                assertThat(first.of("sbatch")).hasSize(SYSTEMS.size());
                // the engine stops here: its connection closes, the jobs stay queued or running on the computer
            }
            for (Run r : runs) {
                assertThat(h.store.run(r.nodeId()).orElseThrow().state()).isEqualTo(org.kkr4j.store.RunState.RUNNING);
            }
            List<CountingTransport> opened = new ArrayList<>();
            try (Engine engine = h.engine(1)) {
                CountingTransport.installOn(engine, spec -> hpc.open(spec), opened);
                engine.runUntilDone(runs.stream().map(Run::nodeId).toList());
                assertAsRecorded(h, engine, runs, "slurm-restart");
                assertThat(opened).hasSize(1);
                assertThat(opened.get(0).of("sbatch")).as("jobs submitted again after the restart").isEmpty();
                assertThat(engine.transportStats("slurm-restart").connectionsOpened()).isEqualTo(1);
                for (Run r : runs) {
                    assertThat(h.store.events(r.nodeId())).extracting(org.kkr4j.store.Event::reason)
                            .anyMatch(reason -> reason.contains("adopted after an engine restart"));
                }
            }
        }
    }

    @Test
    void recordedRunsGoThroughOnePackedSlurmJob() throws Exception {
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-pack"))) {
            Code code = register(h, "slurm-pack", "", SYSTEMS.size(), 2);
            List<CountingTransport> opened = new ArrayList<>();
            try (Engine engine = h.engine(1)) {
                CountingTransport.installOn(engine, spec -> hpc.open(spec), opened);
                List<Run> runs = submitAll(engine, code.name());
                engine.runUntilIdle();
                assertAsRecorded(h, engine, runs, "slurm-pack");
                CountingTransport t = opened.get(0);
                assertThat(t.of("sbatch")).as("one packed job for the four runs").hasSize(1);
                assertThat(t.uploads.get()).isEqualTo(1);
                assertThat(runs.stream().map(r -> h.store.remoteJob(r.nodeId()).orElseThrow().jobId()).distinct())
                        .hasSize(1);
                assertThat(engine.transportStats("slurm-pack").connectionsOpened()).isEqualTo(1);
                CommandResult left = setup.run(List.of("find", base + "/runs-slurm-pack", "-mindepth", "1"), T);
                assertThat(left.stdout()).as("run and pack directories removed").isEmpty();
            }
        }
    }
}
