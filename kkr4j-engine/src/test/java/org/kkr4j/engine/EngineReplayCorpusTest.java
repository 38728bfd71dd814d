package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Link;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunState;
import org.kkr4j.store.RunSubmission;

/**
 * Every recorded real run goes through the engine with the replay executable in place of specx: the store
 * ends with the exact log and files, the recorded exit status, the outcome and the result columns read from
 * that log, and provenance links from each potential file to the run that reads it.
 */
class EngineReplayCorpusTest {

    @Test
    void everyRecordingRunsThroughTheEngineAndIsStoredExactly(@TempDir Path home) throws Exception {
        List<List<ReplayHarness.RecordedRun>> recordings = ReplayHarness.recordings();
        assertThat(recordings).hasSizeGreaterThan(100);
        try (ReplayHarness h = new ReplayHarness(home)) {
            Engine engine = h.engine(2);
            Map<ReplayHarness.RecordedRun, Long> ids = new HashMap<>();
            int maxRuns = recordings.stream().mapToInt(List::size).max().orElse(0);
            for (int step = 0; step < maxRuns; step++) {
                List<Long> batch = new ArrayList<>();
                for (List<ReplayHarness.RecordedRun> recording : recordings) {
                    if (step >= recording.size()) {
                        continue;
                    }
                    ReplayHarness.RecordedRun run = recording.get(step);
                    List<RunSubmission.InputFile> inputs = new ArrayList<>();
                    for (String path : run.filesIn().keySet()) {
                        inputs.add(engine.inputFromRun(ids.get(recording.get(step - 1)), path));
                    }
                    Run submitted = engine.submit(RunRequest.of("replay", Files.readAllBytes(run.card()),
                            run.card().toString(), inputs));
                    assertThat(submitted.state()).isEqualTo(RunState.QUEUED);
                    ids.put(run, submitted.nodeId());
                    batch.add(submitted.nodeId());
                }
                engine.runUntilDone(batch);
            }
            for (List<ReplayHarness.RecordedRun> recording : recordings) {
                for (int i = 0; i < recording.size(); i++) {
                    check(h, recording.get(i), h.store.run(ids.get(recording.get(i))).orElseThrow(),
                            i == 0 ? null : ids.get(recording.get(i - 1)));
                }
            }
            assertThat(Files.list(home.resolve("work")).toList()).as("work directories are removed").isEmpty();
        }
    }

    private static void check(ReplayHarness h, ReplayHarness.RecordedRun rec, Run run, Long previous)
            throws Exception {
        String what = rec.card().toString();
        assertThat(run.state()).as(what).isEqualTo(RunState.DONE);
        assertThat(run.exitCode()).as(what).isEqualTo(rec.exit());
        byte[] log = Files.readAllBytes(rec.log());
        var verdict = OutcomeClassifier.classify(rec.exit(), log, "x", Termination.NONE, 0);
        assertThat(run.outcome()).as(what).isEqualTo(verdict.outcome());
        Map<String, FileEntry> outputs = new HashMap<>();
        for (FileEntry f : h.store.files(h.store.outputNode(run.nodeId()).orElseThrow().id())) {
            outputs.put(f.path(), f);
        }
        assertThat(h.store.blobs().read(outputs.get(WorkDirectory.STDOUT).blob().sha256())).as(what).isEqualTo(log);
        for (var out : rec.filesOut().entrySet()) {
            assertThat(outputs).as(what + " " + out.getKey()).containsKey(out.getKey());
            assertThat(outputs.get(out.getKey()).blob().sha256()).as(what + " " + out.getKey())
                    .isEqualTo(Sha256.of(out.getValue()));
        }
        PreparedCard card = PreparedCard.read(Files.readAllBytes(rec.card()), "c", AkaiVersion.CPA2002V010, false);
        RunResult expected = ResultExtractor.extract(SpecxLogParser.parse(SourceText.of("x", log)), card.lastDeck());
        // numerically equal: SQLite keeps -0.0 (printed as -0.00000) as 0.0
        assertThat(run.result()).as(what).usingRecursiveComparison()
                .withEqualsForType((a, b) -> a.doubleValue() == b.doubleValue(), Double.class).isEqualTo(expected);
        if (previous != null) {
            long previousOutput = h.store.outputNode(previous).orElseThrow().id();
            List<Link> inputs = h.store.incoming(run.nodeId());
            for (String path : rec.filesIn().keySet()) {
                assertThat(inputs).as(what + " reads " + path + " made by run " + previous)
                        .contains(new Link(previousOutput, run.nodeId(), LinkType.INPUT_CALC, path));
            }
        }
    }
}
