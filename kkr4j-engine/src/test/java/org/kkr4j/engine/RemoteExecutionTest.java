package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.RemoteJob;
import org.kkr4j.store.Run;

/**
 * The remote path of the engine on a computer reached by the local transport with the direct scheduler: staged
 * here, uploaded as a tar stream into the computer's own work root, submitted as a job, polled, its files brought
 * home and collected like a local run; the remote directory is removed afterwards.
 */
class RemoteExecutionTest {
    static final Path HEA = ReplayHarness.RECORDINGS.resolve("hea-3d");

    @TempDir
    Path tmp;

    private Code registerRemote(ReplayHarness h, Path workRoot, int maxQueued) {
        return registerRemote(h, workRoot, maxQueued, "");
    }

    private Code registerRemote(ReplayHarness h, Path workRoot, int maxQueued, String prepend) {
        ComputerSpec spec = new ComputerSpec("here", "local", null, 0, null, null, null, "direct",
                workRoot.toString(), maxQueued, 1, prepend, ComputerSpec.JobDefaults.serial(3600));
        h.store.addComputer(new Computer("here", ComputerSettings.write(spec), Instant.now()));
        Code local = h.store.code("replay").orElseThrow();
        return h.store.addCode(new Code("replay-here", local.path(), local.version(), local.sha256(), Map.of(),
                Instant.now(), "here"));
    }

    @Test
    void aRecordedRunGoesThroughUploadSubmitPollAndDownload() throws Exception {
        try (ReplayHarness h = new ReplayHarness(tmp.resolve("home"))) {
            Path workRoot = tmp.resolve("computer-work");
            registerRemote(h, workRoot, 10);
            try (Engine engine = h.engine(2)) {
                byte[] card = Files.readAllBytes(HEA.resolve("CrMnFeCo_bcc/inputcard_go"));
                Run run = engine.submit(RunRequest.of("replay-here", card, "card", List.of()));
                engine.runUntilDone(List.of(run.nodeId()));
                Run done = h.store.run(run.nodeId()).orElseThrow();
                assertThat(done.outcome()).as(done.toString()).isEqualTo(Outcome.CONVERGED);
                assertThat(done.exitCode()).isZero();
                // the stored log is the recorded one, byte for byte
                byte[] log = engine.readOutput(run.nodeId(), WorkDirectory.STDOUT).orElseThrow();
                assertThat(log).isEqualTo(Files.readAllBytes(HEA.resolve("CrMnFeCo_bcc/out_go.log")));
                assertThat(h.store.files(h.store.outputNode(run.nodeId()).orElseThrow().id()))
                        .extracting(FileEntry::path).contains("stdout.log", "data/pot");
                RemoteJob job = h.store.remoteJob(run.nodeId()).orElseThrow();
                assertThat(job.computer()).isEqualTo("here");
                assertThat(job.jobId()).isNotBlank();
                assertThat(job.remoteDir()).isEqualTo(workRoot.resolve(run.uuid()).toString());
                assertThat(h.store.events(run.nodeId())).extracting(Event::reason)
                        .anyMatch(r -> r.startsWith("submitted as job " + job.jobId() + " on here"))
                        .anyMatch(r -> r.contains("finished with exit status 0"));
                // the run's directory on the computer is gone once the files are stored
                assertThat(Files.exists(workRoot.resolve(run.uuid()))).isFalse();
            }
        }
    }

    @Test
    void inputFilesTheRunLeftAloneStayOnTheComputerWhileFilesItRewroteComeHome() throws Exception {
        try (ReplayHarness h = new ReplayHarness(tmp.resolve("home"))) {
            Path workRoot = tmp.resolve("computer-work");
            // the job starts a second after the upload, so an untouched input's time lies before the start marker
            registerRemote(h, workRoot, 10, "sleep 1.2\n");
            try (Engine engine = h.engine(2)) {
                List<CountingTransport> opened = new java.util.ArrayList<>();
                CountingTransport.installOn(engine, spec -> spec.openTransport(), opened);
                byte[] card = Files.readAllBytes(HEA.resolve("CrMnFeCo_bcc/inputcard_go"));
                Path extra = tmp.resolve("notes.bin");
                Files.write(extra, new byte[300_000]);
                // the recorded potential given as the starting one: the replay writes it again, same size and bytes
                Path pot = HEA.resolve("CrMnFeCo_bcc/data/pot");
                Run run = engine.submit(RunRequest.of("replay-here", card, "card",
                        List.of(engine.inputFromFile("extra/notes.bin", extra), engine.inputFromFile("data/pot", pot)))
                        .withCache(false));
                engine.runUntilDone(List.of(run.nodeId()));
                Run done = h.store.run(run.nodeId()).orElseThrow();
                assertThat(done.outcome()).as(done.toString()).isEqualTo(Outcome.CONVERGED);
                List<String> fetched = opened.get(0).fetched;
                assertThat(fetched).contains(WorkDirectory.STDOUT, "data/pot", ".kkr4j/exit", ".kkr4j/start")
                        .doesNotContain("extra/notes.bin", WorkDirectory.CARD);
                assertThat(engine.readOutput(run.nodeId(), WorkDirectory.STDOUT).orElseThrow())
                        .isEqualTo(Files.readAllBytes(HEA.resolve("CrMnFeCo_bcc/out_go.log")));
            }
        }
    }

    @Test
    void aKeepFailedComputerKeepsTheDirectoryOfACrashedRunAndRemovesTheOthers() throws Exception {
        try (ReplayHarness h = new ReplayHarness(tmp.resolve("home"))) {
            Path workRoot = tmp.resolve("computer-work");
            ComputerSpec spec = new ComputerSpec("here", "local", null, 0, null, null, null, "direct",
                    workRoot.toString(), 10, 1, "", ComputerSpec.JobDefaults.serial(3600))
                    .withCleanup(org.kkr4j.remote.CleanupPolicy.KEEP_FAILED);
            h.store.addComputer(new Computer("here", ComputerSettings.write(spec), Instant.now()));
            Code replay = h.store.code("replay").orElseThrow();
            h.store.addCode(new Code("replay-here", replay.path(), replay.version(), replay.sha256(), Map.of(),
                    Instant.now(), "here"));
            Path crash = h.script("crash", "echo 'segmentation fault' >&2\nexit 3\n");
            h.store.addCode(new Code("crash-here", crash.toString(), replay.version(), Sha256.of(crash), Map.of(),
                    Instant.now(), "here"));
            try (Engine engine = h.engine(2)) {
                byte[] card = Files.readAllBytes(HEA.resolve("CrMnFeCo_bcc/inputcard_go"));
                Run good = engine.submit(RunRequest.of("replay-here", card, "card", List.of()));
                Run bad = engine.submit(RunRequest.of("crash-here", card, "card", List.of()));
                engine.runUntilDone(List.of(good.nodeId(), bad.nodeId()));
                assertThat(h.store.run(good.nodeId()).orElseThrow().outcome()).isEqualTo(Outcome.CONVERGED);
                assertThat(h.store.run(bad.nodeId()).orElseThrow().outcome()).isEqualTo(Outcome.CRASHED);
                assertThat(Files.exists(workRoot.resolve(good.uuid()))).isFalse();
                assertThat(workRoot.resolve(bad.uuid()).resolve("stderr.log")).hasContent("segmentation fault");
                assertThat(h.store.events(bad.nodeId())).extracting(Event::reason)
                        .contains("remote directory kept on here (keep-failed): " + workRoot.resolve(bad.uuid()));
            }
            // a later engine's first contact sweeps directories of DONE runs, but only those the policy removes
            try (Engine engine = h.engine(1)) {
                byte[] card = Files.readAllBytes(HEA.resolve("VCoNiCu_bcc/inputcard_go"));
                Run next = engine.submit(RunRequest.of("replay-here", card, "card", List.of()));
                engine.runUntilDone(List.of(next.nodeId()));
                try (var left = Files.list(workRoot)) {
                    assertThat(left.map(p -> p.getFileName().toString()).toList()).hasSize(1).allMatch(n ->
                            h.store.findRun(n).orElseThrow().outcome() == Outcome.CRASHED);
                }
            }
        }
    }

    @Test
    void aComputerThatCannotBeReachedQueuesTheRunAgainInsteadOfFailingIt() throws Exception {
        try (ReplayHarness h = new ReplayHarness(tmp.resolve("home"))) {
            ComputerSpec spec = new ComputerSpec("away", "ssh", "127.0.0.1", 1, "nobody", null, null, "slurm",
                    "/tmp/kkr4j-nowhere", 10, 1, "", ComputerSpec.JobDefaults.serial(3600));
            h.store.addComputer(new Computer("away", ComputerSettings.write(spec), Instant.now()));
            Code local = h.store.code("replay").orElseThrow();
            h.store.addCode(new Code("replay-away", "/opt/specx", local.version(), local.sha256(), Map.of(),
                    Instant.now(), "away"));
            try (Engine engine = h.engine(1)) {
                byte[] card = Files.readAllBytes(HEA.resolve("CrMnFeCo_bcc/inputcard_go"));
                Run run = engine.submit(RunRequest.of("replay-away", card, "card", List.of()));
                engine.step();
                Run after = h.store.run(run.nodeId()).orElseThrow();
                assertThat(after.state()).isEqualTo(org.kkr4j.store.RunState.QUEUED);
                assertThat(h.store.events(run.nodeId())).extracting(Event::reason)
                        .anyMatch(r -> r.startsWith("computer away not reachable"));
                // no second attempt while the pause lasts: the login node is not hammered
                engine.step();
                assertThat(h.store.events(run.nodeId()).stream().filter(e -> e.reason().startsWith("computer away"))
                        .count()).isEqualTo(1);
            }
        }
    }
}
