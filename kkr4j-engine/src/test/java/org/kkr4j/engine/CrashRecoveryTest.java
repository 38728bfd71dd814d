package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunState;

/**
 * The engine runs in its own JVM and is killed with SIGKILL at random moments during a 200-run batch,
 * ten times, and restarted each time. At the end every run is there once, finished, started once, with the
 * recorded log.
 */
class CrashRecoveryTest {
    private static final int RUNS = 200;
    private static final int KILLS = 10;

    @Test
    void sigkillAtRandomPointsLosesNothingAndRunsNothingTwice(@TempDir Path home) throws Exception {
        List<ReplayHarness.RecordedRun> goRuns = ReplayHarness.recordings().stream().map(r -> r.get(0)).toList();
        Map<Long, ReplayHarness.RecordedRun> submitted = new HashMap<>();
        try (ReplayHarness h = new ReplayHarness(home)) {
            Engine submitter = h.engine(2);
            for (int i = 0; i < RUNS; i++) {
                ReplayHarness.RecordedRun rec = goRuns.get(i % goRuns.size());
                Run run = submitter.submit(RunRequest.of("replay", Files.readAllBytes(rec.card()), rec.card().toString(),
                        List.of()).withCache(false).withLabel("batch " + i));
                submitted.put(run.nodeId(), rec);
            }
        }
        Random random = new Random(20261124L);
        List<Long> doneAtKill = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Process engine = start(home);
            Thread.sleep(700 + random.nextInt(3000));
            engine.destroyForcibly();
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (ReplayHarness h = reopen(home)) {
                doneAtKill.add(h.store.countRuns(RunState.DONE));
            }
        }
        Process last = start(home);
        assertThat(last.waitFor(10, TimeUnit.MINUTES)).as("the last engine finishes the batch").isTrue();
        assertThat(last.exitValue()).isZero();

        try (ReplayHarness h = reopen(home)) {
            List<Run> runs = h.store.runs(RunQuery.all());
            assertThat(runs).hasSize(RUNS);
            assertThat(doneAtKill).as("kills landed while the batch was in progress")
                    .anyMatch(n -> n > 0 && n < RUNS);
            for (Run run : runs) {
                ReplayHarness.RecordedRun rec = submitted.get(run.nodeId());
                assertThat(run.state()).as("run %d", run.nodeId()).isEqualTo(RunState.DONE);
                assertThat(run.exitCode()).as("run %d", run.nodeId()).isEqualTo(rec.exit());
                List<Event> events = h.store.events(run.nodeId());
                assertThat(events.stream().filter(e -> "RUNNING".equals(e.toState())
                        && !"RUNNING".equals(e.fromState())).count()).as("run %d started once", run.nodeId())
                        .isEqualTo(1);
                assertThat(events.stream().filter(e -> "DONE".equals(e.toState())).count()).isEqualTo(1);
                FileEntry log = h.store.files(h.store.outputNode(run.nodeId()).orElseThrow().id()).stream()
                        .filter(f -> f.path().equals(WorkDirectory.STDOUT)).findFirst().orElseThrow();
                assertThat(h.store.blobs().read(log.blob().sha256())).isEqualTo(Files.readAllBytes(rec.log()));
            }
        }
    }

    private static ReplayHarness reopen(Path home) {
        return new ReplayHarness(home, false);
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
