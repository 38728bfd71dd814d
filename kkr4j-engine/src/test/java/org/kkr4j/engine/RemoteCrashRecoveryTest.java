package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.store.Code;
import org.kkr4j.store.Computer;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunState;

/**
 * Runs on a computer while the engine in its own JVM is killed with SIGKILL at random moments and restarted: the
 * jobs live on (the direct scheduler detaches them), a restarted engine adopts them, and every run ends once, in
 * exactly one job, with the recorded log.
 */
class RemoteCrashRecoveryTest {
    private static final int RUNS = 40;
    private static final int KILLS = 4;
    private static final Pattern SUBMITTED = Pattern.compile("submitted as job (\\S+) on here");

    @Test
    void sigkillWhileJobsRunOnAComputerLosesNothingAndSubmitsNothingTwice(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Path workRoot = tmp.resolve("computer-work");
        List<ReplayHarness.RecordedRun> goRuns = ReplayHarness.recordings().stream().map(r -> r.get(0)).toList();
        Map<Long, ReplayHarness.RecordedRun> submitted = new HashMap<>();
        try (ReplayHarness h = new ReplayHarness(home)) {
            ComputerSpec spec = new ComputerSpec("here", "local", null, 0, null, null, null, "direct",
                    workRoot.toString(), 8, 1, "", ComputerSpec.JobDefaults.serial(3600));
            h.store.addComputer(new Computer("here", ComputerSettings.write(spec), Instant.now()));
            Code local = h.store.code("replay").orElseThrow();
            h.store.addCode(new Code("replay-here", local.path(), local.version(), local.sha256(), Map.of(),
                    Instant.now(), "here"));
            Engine submitter = h.engine(1);
            for (int i = 0; i < RUNS; i++) {
                ReplayHarness.RecordedRun rec = goRuns.get(i % goRuns.size());
                Run run = submitter.submit(RunRequest.of("replay-here", Files.readAllBytes(rec.card()),
                        rec.card().toString(), List.of()).withCache(false).withLabel("batch " + i));
                submitted.put(run.nodeId(), rec);
            }
        }
        Random random = new Random(20261125L);
        List<Long> doneAtKill = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Process engine = start(home);
            Thread.sleep(1500 + random.nextInt(2500));
            engine.destroyForcibly();
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (ReplayHarness h = new ReplayHarness(home, false)) {
                doneAtKill.add(h.store.countRuns(RunState.DONE));
            }
        }
        Process last = start(home);
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).as("the last engine finishes the batch").isTrue();
        assertThat(last.exitValue()).isZero();

        try (ReplayHarness h = new ReplayHarness(home, false)) {
            List<Run> runs = h.store.runs(RunQuery.all());
            assertThat(runs).hasSize(RUNS);
            assertThat(doneAtKill).as("kills landed while the batch was in progress").anyMatch(n -> n > 0 && n < RUNS);
            for (Run run : runs) {
                ReplayHarness.RecordedRun rec = submitted.get(run.nodeId());
                assertThat(run.state()).as("run %d", run.nodeId()).isEqualTo(RunState.DONE);
                assertThat(run.exitCode()).as("run %d", run.nodeId()).isEqualTo(rec.exit());
                List<Event> events = h.store.events(run.nodeId());
                // one job per run: every submission event names the same job (a restart may adopt it by name)
                Set<String> jobs = events.stream().map(e -> SUBMITTED.matcher(e.reason())).filter(Matcher::find)
                        .map(m -> m.group(1)).collect(Collectors.toSet());
                assertThat(jobs).as("jobs of run %d", run.nodeId()).hasSize(1);
                assertThat(h.store.remoteJob(run.nodeId()).orElseThrow().jobId()).isEqualTo(jobs.iterator().next());
                assertThat(events.stream().filter(e -> "DONE".equals(e.toState())).count()).isEqualTo(1);
                FileEntry log = h.store.files(h.store.outputNode(run.nodeId()).orElseThrow().id()).stream()
                        .filter(f -> f.path().equals(WorkDirectory.STDOUT)).findFirst().orElseThrow();
                assertThat(h.store.blobs().read(log.blob().sha256())).isEqualTo(Files.readAllBytes(rec.log()));
                assertThat(Files.exists(workRoot.resolve(run.uuid()))).as("remote dir of run %d", run.nodeId())
                        .isFalse();
            }
        }
    }

    private static Process start(Path home) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                EngineProcessMain.class.getName(), home.toString(), "2")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("engine-" + System.nanoTime() + ".log").toFile())
                .start();
    }
}
