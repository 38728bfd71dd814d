package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
import org.kkr4j.store.RunState;

/**
 * Job packing through the engine: 1,000 replayed runs go to a computer (local transport, direct scheduler) that
 * packs 250 runs into one job with 4 at a time, so the engine makes exactly four uploads and four submissions,
 * watches the runs by their own exit files with one status query per interval, and brings each run home with its
 * recorded outcome and log.
 */
class PackedRemoteExecutionTest {
    private static final int RUNS = 1000;
    private static final int PACK = 250;

    @TempDir
    Path tmp;

    /** What a recorded first run of a hea-3d recording must give. */
    private record Expected(ReplayHarness.RecordedRun rec, byte[] card, int exit, Outcome outcome, String logSha) {
    }

    private static List<Expected> heaFirstRuns() throws Exception {
        List<Expected> out = new ArrayList<>();
        for (List<ReplayHarness.RecordedRun> recording : ReplayHarness.recordings()) {
            ReplayHarness.RecordedRun first = recording.get(0);
            if (!first.dir().toString().contains("/hea-3d/") || !first.filesIn().isEmpty()) {
                continue;
            }
            byte[] log = Files.readAllBytes(first.log());
            Outcome outcome = OutcomeClassifier.classify(first.exit(), log, "x", Termination.NONE, 0).outcome();
            out.add(new Expected(first, Files.readAllBytes(first.card()), first.exit(), outcome, Sha256.of(log)));
        }
        return out;
    }

    @Test
    void aThousandReplayedRunsGoThroughFourPackedJobs() throws Exception {
        List<Expected> recordings = heaFirstRuns();
        assertThat(recordings).hasSizeGreaterThan(10);
        try (ReplayHarness h = new ReplayHarness(tmp.resolve("home"))) {
            Path workRoot = tmp.resolve("computer-work");
            ComputerSpec spec = new ComputerSpec("here", "local", null, 0, null, null, null, "direct",
                    workRoot.toString(), 4, 1, "", ComputerSpec.JobDefaults.serial(3600)).withPacking(PACK, 4);
            h.store.addComputer(new Computer("here", ComputerSettings.write(spec), Instant.now()));
            Code local = h.store.code("replay").orElseThrow();
            h.store.addCode(new Code("replay-here", local.path(), local.version(), local.sha256(), Map.of(),
                    Instant.now(), "here"));
            try (Engine engine = h.engine(2)) {
                AtomicReference<CountingTransport> transport = new AtomicReference<>();
                engine.openTransportsWith(s -> {
                    CountingTransport t = new CountingTransport(s.openTransport());
                    transport.set(t);
                    return t;
                });
                Map<Long, Expected> expected = new LinkedHashMap<>();
                for (int i = 0; i < RUNS; i++) {
                    Expected e = recordings.get(i % recordings.size());
                    // the same card many times: without the cache each is a run of its own
                    Run run = engine.submit(RunRequest.of("replay-here", e.card(), e.rec().card().toString(),
                            List.of()).withCache(false));
                    assertThat(run.state()).isEqualTo(RunState.QUEUED);
                    expected.put(run.nodeId(), e);
                }
                long t0 = System.nanoTime();
                engine.runUntilIdle();
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                System.out.println("PackedRemoteExecutionTest: " + RUNS + " runs in " + (RUNS / PACK)
                        + " packed jobs took " + took.toMillis() + " ms");

                Map<String, Integer> runsPerJob = new HashMap<>();
                for (Map.Entry<Long, Expected> e : expected.entrySet()) {
                    Run run = h.store.run(e.getKey()).orElseThrow();
                    String what = "run " + run.nodeId() + " (" + e.getValue().rec().card() + ")";
                    assertThat(run.state()).as(what).isEqualTo(RunState.DONE);
                    assertThat(run.exitCode()).as(what).isEqualTo(e.getValue().exit());
                    assertThat(run.outcome()).as(what).isEqualTo(e.getValue().outcome());
                    FileEntry stdout = h.store.files(h.store.outputNode(run.nodeId()).orElseThrow().id()).stream()
                            .filter(f -> f.path().equals(WorkDirectory.STDOUT)).findFirst().orElseThrow();
                    assertThat(stdout.blob().sha256()).as(what).isEqualTo(e.getValue().logSha());
                    RemoteJob job = h.store.remoteJob(run.nodeId()).orElseThrow();
                    runsPerJob.merge(job.jobId(), 1, Integer::sum);
                    assertThat(h.store.events(run.nodeId())).extracting(Event::reason).as(what)
                            .anyMatch(r -> r.startsWith("submitted in packed job " + job.jobId()))
                            .anyMatch(r -> r.startsWith("packed job " + job.jobId()
                                    + " on here: run finished with exit status"));
                }
                assertThat(runsPerJob).hasSize(RUNS / PACK).allSatisfy((id, n) -> assertThat(n).isEqualTo(PACK));

                CountingTransport t = transport.get();
                List<CountingTransport.Command> submissions = t.commands.stream()
                        .filter(c -> c.argv().contains("kkr4j-submit")).toList();
                assertThat(submissions).as("one submission per pack").hasSize(RUNS / PACK);
                assertThat(t.uploads.get()).as("one tar upload per pack").isEqualTo(RUNS / PACK);
                // one status query per computer per interval (1 s), however many runs are watched
                List<CountingTransport.Command> statusQueries = t.of("ps").stream()
                        .filter(c -> c.argv().get(1).equals("-o")).toList();
                // (the interval is kept between engine steps; a query is sent a little after its step starts)
                assertThat(statusQueries.size()).isBetween(2, (int) took.toSeconds() + 2);
                for (int i = 1; i < statusQueries.size(); i++) {
                    assertThat(Duration.between(statusQueries.get(i - 1).at(), statusQueries.get(i).at()))
                            .isGreaterThanOrEqualTo(Duration.ofMillis(500));
                }
                assertThat(t.downloads.get()).as("at most one download per poll").isLessThanOrEqualTo(
                        statusQueries.size());
                System.out.println("PackedRemoteExecutionTest: " + statusQueries.size() + " status queries, "
                        + t.downloads.get() + " downloads, " + t.commands.size() + " commands in all");
                try (var left = Files.list(workRoot)) {
                    assertThat(left.toList()).as("every run and pack directory on the computer is removed")
                            .isEmpty();
                }
            }
        }
    }

    /**
     * An engine that stops while packed jobs run: the next engine adopts the runs of a recorded pack, and takes over
     * a pack whose submission it never recorded by finding the pack's job name; nothing is submitted twice.
     */
    @Test
    void packedRunsAreAdoptedAfterARestartWithoutASecondSubmission() throws Exception {
        Expected e = heaFirstRuns().get(0);
        try (ReplayHarness h = new ReplayHarness(tmp.resolve("home"))) {
            Path workRoot = tmp.resolve("computer-work");
            ComputerSpec spec = new ComputerSpec("here", "local", null, 0, null, null, null, "direct",
                    workRoot.toString(), 4, 1, "", ComputerSpec.JobDefaults.serial(3600)).withPacking(4, 2);
            h.store.addComputer(new Computer("here", ComputerSettings.write(spec), Instant.now()));
            Code local = h.store.code("replay").orElseThrow();
            Path slow = h.slowLauncher("slow-replay", 3);
            h.store.addCode(new Code("slow-here", slow.toString(), local.version(), local.sha256(), Map.of(),
                    Instant.now(), "here"));
            List<Long> ids = new ArrayList<>();
            List<CountingTransport> first = new ArrayList<>();
            try (Engine engine = h.engine(2)) {
                CountingTransport.installOn(engine, s -> s.openTransport(), first);
                for (int i = 0; i < 8; i++) {
                    ids.add(engine.submit(RunRequest.of("slow-here", e.card(), "card", List.of()).withCache(false))
                            .nodeId());
                }
                engine.reconcile();
                engine.step();
                for (long id : ids) {
                    assertThat(h.store.run(id).orElseThrow().state()).isEqualTo(RunState.RUNNING);
                }
            }
            assertThat(first.get(0).commands.stream().filter(c -> c.argv().contains("kkr4j-submit")))
                    .as("two packs of four").hasSize(2);
            // the second pack as if the engine had stopped between its submission and recording it
            String secondJob = h.store.remoteJob(ids.get(4)).orElseThrow().jobId();
            for (long id : ids.subList(4, 8)) {
                h.store.recordRemoteJob(h.store.remoteJob(id).orElseThrow().withJobId(null));
            }
            List<CountingTransport> second = new ArrayList<>();
            try (Engine engine = h.engine(2)) {
                CountingTransport.installOn(engine, s -> s.openTransport(), second);
                engine.runUntilDone(ids);
                while (engine.step()) {
                    Thread.sleep(200);
                }
            }
            assertThat(second.get(0).commands.stream().filter(c -> c.argv().contains("kkr4j-submit")))
                    .as("no pack submitted again").isEmpty();
            assertThat(second.get(0).uploads.get()).isZero();
            for (long id : ids) {
                Run run = h.store.run(id).orElseThrow();
                assertThat(run.state()).isEqualTo(RunState.DONE);
                assertThat(run.outcome()).isEqualTo(e.outcome());
                FileEntry stdout = h.store.files(h.store.outputNode(id).orElseThrow().id()).stream()
                        .filter(f -> f.path().equals(WorkDirectory.STDOUT)).findFirst().orElseThrow();
                assertThat(stdout.blob().sha256()).isEqualTo(e.logSha());
            }
            for (long id : ids.subList(4, 8)) {
                assertThat(h.store.remoteJob(id).orElseThrow().jobId()).isEqualTo(secondJob);
                assertThat(h.store.events(id)).extracting(Event::reason)
                        .anyMatch(r -> r.startsWith("submitted in packed job " + secondJob));
            }
            try (var left = Files.list(workRoot)) {
                assertThat(left.toList()).as("run and pack directories removed, adopted packs' too").isEmpty();
            }
        }
    }
}
