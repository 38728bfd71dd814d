package org.kkr4j.automation.scf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.automation.bench.RecordedScan;
import org.kkr4j.automation.bench.RecordedScanSettings;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.store.Event;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;

/**
 * The procedure on recorded real runs: the replay answers only cards that were really run (rewritten by kkr4j's
 * card writer, same meaning), so every go and dos the procedure asks for here was computed by specx.
 */
class RecordedScanControlFlowTest {
    static final Path SCAN = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran/ewidth-scan");
    static final AkaiVersion V = AkaiVersion.CPA2002V010;

    static RecordedScan system(String name) {
        return RecordedScan.discover(SCAN).stream().filter(s -> s.system().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void firstGuessAcceptedInOneGoAndOneDos(@TempDir Path tmp) throws Exception {
        RecordedScan feconicu = system("FeCoNiCu_fcc");
        Path copy = feconicu.canonicalCopy(tmp.resolve("rec"), V);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), V, List.of(copy))) {
            ScfReport r = h.run(feconicu.goCard(V), RecordedScanSettings.of(ScfSettings.defaults()));
            // no semicore level near the contour: the first guess (valence-band bottom −1.0 minus the clearance)
            // lands on the recorded 1.2 and the converged DOS keeps it
            assertThat(r.status()).isEqualTo(ScfStatus.FINISHED);
            assertThat(r.firstFromGuess()).isTrue();
            assertThat(r.firstEwidthKept()).isTrue();
            assertThat(r.goRuns()).isEqualTo(1);
            assertThat(r.dosRuns()).isEqualTo(1);
            assertThat(r.ewidthRy().getAsDouble()).isEqualTo(1.2);
            // the decisions are events of the workflow node, in trail order
            List<Event> events = h.store.events(h.workflowId);
            assertThat(events).extracting(Event::reason).containsSubsequence(r.trail().stream()
                    .map(ScfStep::message).toList());
        }
    }

    @Test
    void aContourInTheValenceBandIsMovedDeeperAndFinishes(@TempDir Path tmp) throws Exception {
        // at 0.8 the contour cuts the valence band of GeMnFeCo (the recorded E_F differs from the other runs);
        // the judgement moves it deeper, to a recorded value, where the procedure finishes
        RecordedScan ge = system("GeMnFeCo_fcc");
        Path copy = ge.canonicalCopy(tmp.resolve("rec"), V);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), V, List.of(copy))) {
            CardDeck at08 = ge.goCard(V).withContour(ge.goCard(V).edeltRy(), 0.8);
            ScfReport r = h.run(at08, RecordedScanSettings.of(ScfSettings.defaults()).withStart(StartPolicy.CARD));
            assertThat(r.firstEwidthRy()).isEqualTo(0.8);
            assertThat(r.status()).isEqualTo(ScfStatus.FINISHED);
            // on the 0.4 Ry grid of the recordings a move may overshoot the gap and come back once
            assertThat(r.goRuns()).isBetween(2, 3);
            assertThat(r.ewidthRy().getAsDouble()).isGreaterThan(0.8);
            assertThat(r.trail()).anyMatch(s -> s.kind() == ScfStep.Kind.ACTION && s.message().startsWith("move"));
        }
    }

    @Test
    void oneMoveFromAContourInTheValenceBand(@TempDir Path tmp) throws Exception {
        RecordedScan y = system("YMnFeCo_fcc");
        Path copy = y.canonicalCopy(tmp.resolve("rec"), V);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), V, List.of(copy))) {
            CardDeck at08 = y.goCard(V).withContour(y.goCard(V).edeltRy(), 0.8);
            ScfReport r = h.run(at08, RecordedScanSettings.of(ScfSettings.defaults()).withStart(StartPolicy.CARD));
            assertThat(r.status()).isEqualTo(ScfStatus.FINISHED);
            assertThat(r.goRuns()).isEqualTo(2);
            assertThat(r.dosRuns()).isEqualTo(2);
            assertThat(r.trail()).filteredOn(s -> s.kind() == ScfStep.Kind.ACTION).hasSize(1)
                    .allMatch(s -> s.message().startsWith("move ewidth 0.8000 -> 1.2000"));
            assertThat(r.ewidthRy().getAsDouble()).isEqualTo(1.2);
        }
    }

    @Test
    void noValidEwidthIsNotClaimedFromOneContour(@TempDir Path tmp) throws Exception {
        // PbMnFeCo at 0.8: the contour cuts states (E_F moves, GapJudgeTest) and the DOS of that potential has no
        // gap of 0.3 Ry; a second contour, clear of the Pb levels, is judged before anything is claimed
        RecordedScan pb = system("PbMnFeCo_fcc");
        Path copy = pb.canonicalCopy(tmp.resolve("rec"), V);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), V, List.of(copy))) {
            CardDeck at08 = pb.goCard(V).withContour(pb.goCard(V).edeltRy(), 0.8);
            ScfReport r = h.run(at08, RecordedScanSettings.of(ScfSettings.defaults()).withStart(StartPolicy.CARD));
            assertThat(r.trail()).anyMatch(s -> s.kind() == ScfStep.Kind.ACTION
                    && s.message().contains("before claiming that no valid ewidth exists"));
            assertThat(r.goRuns()).isGreaterThanOrEqualTo(2);
            assertThat(r.status()).isNotEqualTo(ScfStatus.NO_VALID_EWIDTH);
        }
    }

    @Test
    void anAmbiguousStartRunsTwoCandidatesSideBySide(@TempDir Path tmp) throws Exception {
        // InMnFeCo: the first guess lies next to In 4d, so the nearest allowed value on the other side runs at the
        // same time; on the recordings the "probes" are full-length runs (probe maxitr = the recorded 300)
        RecordedScan in = system("InMnFeCo_fcc");
        Path copy = in.canonicalCopy(tmp.resolve("rec"), V);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), V, List.of(copy), 2)) {
            ScfReport r = h.run(in.goCard(V), RecordedScanSettings.of(ScfSettings.defaults())
                    .withProbe(ProbePolicy.ALWAYS).withProbeMaxitr(300));
            assertThat(r.trail()).anyMatch(s -> s.message().startsWith("ambiguous start: ewidth 1.6000 and 2.0000"));
            assertThat(r.goRuns()).isEqualTo(2);
            assertThat(r.status()).isEqualTo(ScfStatus.FINISHED);
            assertThat(r.ewidthRy().getAsDouble()).isEqualTo(1.6);
            // both go runs were queued before either finished: the engine ran them side by side
            List<Run> goRuns = h.store.runs(new RunQuery(null, null, 100, true)).stream()
                    .filter(run -> run.label() != null && run.label().startsWith("go ")).toList();
            assertThat(goRuns).hasSize(2);
            assertThat(goRuns.get(1).submitted()).isBefore(goRuns.get(0).finished());
            assertThat(goRuns.get(1).started()).isBefore(goRuns.get(0).finished());
        }
    }

    @Test
    void aSpentBudgetEndsAsNotConvergedAndSaysWhatWasNext(@TempDir Path tmp) throws Exception {
        RecordedScan ge = system("GeMnFeCo_fcc");
        Path copy = ge.canonicalCopy(tmp.resolve("rec"), V);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), V, List.of(copy))) {
            CardDeck at08 = ge.goCard(V).withContour(ge.goCard(V).edeltRy(), 0.8);
            ScfReport r = h.run(at08, RecordedScanSettings.of(ScfSettings.defaults()).withStart(StartPolicy.CARD)
                    .withGoBudget(1));
            assertThat(r.status()).isEqualTo(ScfStatus.NOT_CONVERGED);
            assertThat(r.goRuns()).isEqualTo(1);
            assertThat(r.reason()).contains("budget of 1 go runs spent").contains("move to");
        }
    }
}
