package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunState;

/** Caching, cancellation, limits, crashes and restarts, with recorded runs served by the replay executable. */
class EngineBehaviourTest {
    private static final Path HEA = ReplayHarness.RECORDINGS.resolve("hea-3d");

    @TempDir
    Path home;
    ReplayHarness h;
    Engine engine;

    @BeforeEach
    void setUp() {
        h = new ReplayHarness(home);
        engine = h.engine(2);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static byte[] card(String system) throws Exception {
        return Files.readAllBytes(HEA.resolve(system).resolve("inputcard_go"));
    }

    private Run runToEnd(RunRequest request) {
        Run run = engine.submit(request);
        engine.runUntilDone(List.of(run.nodeId()));
        return h.store.run(run.nodeId()).orElseThrow();
    }

    private Run stepUntil(long id, Predicate<Run> condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            engine.step();
            Run run = h.store.run(id).orElseThrow();
            if (condition.test(run)) {
                return run;
            }
            sleep(50);
        }
        throw new AssertionError("run " + id + " did not reach the condition in time");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private long count(long id, RunState state) {
        // transitions into the state; an adoption note (RUNNING -> RUNNING) is not a second start
        return h.store.events(id).stream().filter(e -> e.toState().equals(state.name())
                && !state.name().equals(e.fromState())).count();
    }

    @Test
    void identicalResubmissionIsACacheHitWithNoProcess() throws Exception {
        Run first = runToEnd(RunRequest.of("replay", card("CrMnFeCo_bcc"), "card", List.of()));
        assertThat(first.outcome()).isEqualTo(Outcome.CONVERGED);
        Run again = engine.submit(RunRequest.of("replay", card("CrMnFeCo_bcc"), "card", List.of()));
        assertThat(again.state()).isEqualTo(RunState.DONE);
        assertThat(again.cachedFrom()).isEqualTo(first.nodeId());
        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(again.pid()).isZero();
        assertThat(count(again.nodeId(), RunState.RUNNING)).isZero();
        assertThat(h.store.outputNode(again.nodeId())).isEqualTo(h.store.outputNode(first.nodeId()));
        assertThat(Files.exists(home.resolve("work").resolve(again.uuid()))).isFalse();
    }

    @Test
    void aCommentDoesNotChangeTheKeyButAValueDoes() throws Exception {
        Run first = runToEnd(RunRequest.of("replay", card("TiCrFeCo_fcc"), "card", List.of()));
        String text = new String(card("TiCrFeCo_fcc"), StandardCharsets.ISO_8859_1);
        Run commented = engine.submit(RunRequest.of("replay", ("c another comment\n" + text)
                .getBytes(StandardCharsets.ISO_8859_1), "card", List.of()));
        assertThat(commented.cachedFrom()).isEqualTo(first.nodeId());

        Run changed = engine.submit(RunRequest.of("replay", text.replace(" 300 ", " 299 ")
                .getBytes(StandardCharsets.ISO_8859_1), "card", List.of()));
        assertThat(changed.state()).isEqualTo(RunState.QUEUED);
        engine.runUntilDone(List.of(changed.nodeId()));
        Run done = h.store.run(changed.nodeId()).orElseThrow();
        // the replay knows no recording of this card: it says so on stderr, which is stored
        assertThat(done.outcome()).isEqualTo(Outcome.CRASHED);
        FileEntry stderr = h.store.files(h.store.outputNode(done.nodeId()).orElseThrow().id()).stream()
                .filter(f -> f.path().equals(WorkDirectory.STDERR)).findFirst().orElseThrow();
        assertThat(new String(h.store.blobs().read(stderr.blob().sha256()), StandardCharsets.UTF_8))
                .contains("TiCrFeCo_fcc");

        Run forced = engine.submit(RunRequest.of("replay", card("TiCrFeCo_fcc"), "card", List.of()).withCache(false));
        assertThat(forced.state()).isEqualTo(RunState.QUEUED);
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsStored() throws Exception {
        long before = h.store.runs(org.kkr4j.store.RunQuery.all()).size();
        assertThatThrownBy(() -> engine.submit(RunRequest.of("nonesuch", card("CrMnFeCo_bcc"), "c", List.of())))
                .isInstanceOf(EngineException.class).hasMessageContaining("no code named 'nonesuch'");
        assertThatThrownBy(() -> engine.submit(RunRequest.of("replay", "\u0001\u0002 garbage\n".getBytes(), "bad.card",
                List.of()))).isInstanceOf(KkrFormatException.class).hasMessageContaining("bad.card");
        String absolute = new String(card("CrMnFeCo_bcc"), StandardCharsets.ISO_8859_1).replace("data/pot", "/tmp/pot");
        assertThatThrownBy(() -> engine.submit(RunRequest.of("replay", absolute.getBytes(), "abs.card", List.of())))
                .isInstanceOf(EngineException.class).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> engine.inputFromFile("data/pot", home.resolve("missing")))
                .isInstanceOf(EngineException.class).hasMessageContaining("missing");
        assertThat(h.store.runs(org.kkr4j.store.RunQuery.all())).hasSize((int) before);
    }

    @Test
    void aRebuiltBinaryIsRefused() throws Exception {
        Path exe = h.script("rebuilt", "exec " + WorkDirectory.shellQuote(h.launcher.toString()) + " \"$@\"\n");
        new CodeRegistry(h.store, Duration.ofSeconds(5)).add("rebuilt", exe, AkaiVersion.CPA2002V010, Map.of(), false);
        Files.writeString(exe, Files.readString(exe) + "# changed\n");
        assertThatThrownBy(() -> engine.submit(RunRequest.of("rebuilt", card("CrMnFeCo_bcc"), "c", List.of())))
                .isInstanceOf(EngineException.class).hasMessageContaining("changed since it was registered");
    }

    @Test
    void cancellingARunningRunStopsItAndKeepsItsPartialLog() throws Exception {
        Path slow = h.slowLauncher("slow", 20);
        new CodeRegistry(h.store, Duration.ofSeconds(5)).add("slow", slow, AkaiVersion.CPA2002V010, Map.of(), false);
        Run run = engine.submit(RunRequest.of("slow", card("CrMnFeCo_bcc"), "c", List.of()));
        stepUntil(run.nodeId(), r -> r.state() == RunState.RUNNING);
        sleep(3000);
        engine.cancel(run.nodeId());
        Run done = stepUntil(run.nodeId(), r -> r.state() == RunState.DONE);
        assertThat(done.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(h.store.events(run.nodeId())).extracting(Event::reason).anyMatch(r -> r.contains("cancel"));
    }

    @Test
    void theWallLimitStopsARun() throws Exception {
        Path slow = h.slowLauncher("slow", 30);
        new CodeRegistry(h.store, Duration.ofSeconds(5)).add("slow", slow, AkaiVersion.CPA2002V010, Map.of(), false);
        Run run = engine.submit(RunRequest.of("slow", card("CrMnFeCo_bcc"), "c", List.of()).withWallLimit(2));
        Run done = stepUntil(run.nodeId(), r -> r.state() == RunState.DONE);
        assertThat(done.outcome()).isEqualTo(Outcome.TIMED_OUT);
    }

    @Test
    void aKillFromOutsideIsRecordedAsKilled() throws Exception {
        Path slow = h.slowLauncher("slow", 30);
        new CodeRegistry(h.store, Duration.ofSeconds(5)).add("slow", slow, AkaiVersion.CPA2002V010, Map.of(), false);
        Run run = engine.submit(RunRequest.of("slow", card("CrMnFeCo_bcc"), "c", List.of()));
        Run running = stepUntil(run.nodeId(), r -> r.state() == RunState.RUNNING);
        sleep(500);
        ProcessHandle wrapper = ProcessHandle.of(running.pid()).orElseThrow();
        wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
        Run done = stepUntil(run.nodeId(), r -> r.state() == RunState.DONE);
        assertThat(done.outcome()).isEqualTo(Outcome.KILLED);
        assertThat(done.exitCode()).isEqualTo(137);
    }

    @Test
    void crashesAndSilentBinariesAreClassified() throws Exception {
        Path crash = h.script("crash", "cat > /dev/null\necho 'forrtl: severe (174): SIGSEGV' >&2\nexit 3\n");
        Path silent = h.script("silent", "cat > /dev/null\nexit 0\n");
        var registry = new CodeRegistry(h.store, Duration.ofSeconds(5));
        registry.add("crash", crash, AkaiVersion.CPA2002V010, Map.of(), true);
        registry.add("silent", silent, AkaiVersion.CPA2002V010, Map.of(), true);
        Run crashed = runToEnd(RunRequest.of("crash", card("CrMnFeCo_bcc"), "c", List.of()));
        assertThat(crashed.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(crashed.exitCode()).isEqualTo(3);
        Run quiet = runToEnd(RunRequest.of("silent", card("CrMnFeCo_bcc"), "c", List.of()));
        assertThat(quiet.outcome()).isEqualTo(Outcome.MODE_NOT_SUPPORTED);
        assertThat(crashed.outcome().cacheable()).isFalse();
        // a failed run never answers from the cache
        assertThat(engine.submit(RunRequest.of("crash", card("CrMnFeCo_bcc"), "c", List.of())).state())
                .isEqualTo(RunState.QUEUED);
    }

    @Test
    void aNewEngineAdoptsARunningProcessAndCollectsItOnce() throws Exception {
        Path slow = h.slowLauncher("slow", 3);
        new CodeRegistry(h.store, Duration.ofSeconds(5)).add("slow", slow, AkaiVersion.CPA2002V010, Map.of(), false);
        Run run = engine.submit(RunRequest.of("slow", card("CrMnFeCo_bcc"), "c", List.of()));
        stepUntil(run.nodeId(), r -> r.state() == RunState.RUNNING);
        // the first engine is gone (as after SIGKILL); its process goes on
        engine = h.engine(2);
        engine.runUntilDone(List.of(run.nodeId()));
        Run done = h.store.run(run.nodeId()).orElseThrow();
        assertThat(done.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(count(run.nodeId(), RunState.RUNNING)).isEqualTo(1);
        assertThat(count(run.nodeId(), RunState.DONE)).isEqualTo(1);
    }

    @Test
    void aLaunchThatNeverStartedIsQueuedAgain() throws Exception {
        Run run = engine.submit(RunRequest.of("replay", card("CrMnFeCo_bcc"), "c", List.of()));
        Path dir = home.resolve("work").resolve(run.uuid());
        Files.createDirectories(dir);
        h.store.markLaunching(run.nodeId(), dir.toString());
        engine.reconcile();
        assertThat(h.store.run(run.nodeId()).orElseThrow().state()).isEqualTo(RunState.QUEUED);
        engine.runUntilDone(List.of(run.nodeId()));
        assertThat(h.store.run(run.nodeId()).orElseThrow().outcome()).isEqualTo(Outcome.CONVERGED);
    }
}
