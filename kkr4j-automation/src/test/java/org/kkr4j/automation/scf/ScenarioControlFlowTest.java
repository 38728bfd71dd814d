package org.kkr4j.automation.scf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.automation.ContourConstraints;
import org.kkr4j.automation.GapThresholds;
import org.kkr4j.automation.GoEvidence;
import org.kkr4j.automation.JudgementSettings;
import org.kkr4j.automation.bench.RecordedScan;
import org.kkr4j.automation.bench.RecordedScanSettings;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.store.Run;

/**
 * Control flow on scenarios: real logs answer the cards the procedure writes where no recording of exactly that
 * card exists (probes, continuations, stopped runs). Each scenario says which log answers which card and how the
 * card that produced the log differed; what is tested is what the procedure asks for next.
 */
class ScenarioControlFlowTest {
    static final Path AKAI = SharedRoot.akaikkr();
    static final Path EDGE = AKAI.resolve("cpa2002v010-gfortran/edge-cases");
    static final Path HF = AKAI.resolve("transcribed-cpa2021v01-gaes/Al0p25Ge0p25Hf0p25Bi0p25_fcc/"
            + "key_13327283,ew_000-1.2000,ed_000-1e-04,polytyp_fcc,pm_000-5e-03");

    static CardDeck card(Path file, AkaiVersion v) {
        return CardReader.read(SourceText.read(file), v).decks().get(0);
    }

    @Test
    void aProbeThatStillImprovesIsContinuedFromItsPotential(@TempDir Path tmp) throws Exception {
        AkaiVersion v = AkaiVersion.CPA2002V010;
        // the user's card: bcc Fe, ewidth 1.0, maxitr 100 (fe_go2.in without record 2nd, its type named as the
        // logs echo it: cpa2002v010 keeps 8 characters of 'Fe_long_name_x', and kkr4j refuses to write longer)
        CardDeck recorded = card(EDGE.resolve("fe_go2.in"), v);
        CardDeck user = recorded.withTypesAndAtoms(recorded.types().stream().map(t -> new org.kkr4j.io.akaikkr.card
                .AtomType("Fe_long_", t.rmt(), t.field(), t.lmxtyp(), t.components())).toList(), recorded.atoms()
                .stream().map(a -> new org.kkr4j.io.akaikkr.card.Atom(a.x(), a.y(), a.z(), "Fe_long_")).toList())
                .withRecord("init");
        ScfSettings settings = ScfSettings.defaults().withStart(StartPolicy.CARD).withProbe(ProbePolicy.ALWAYS)
                .withProbeMaxitr(60).withDos(1e-3, 1.0, 1.0).withSpeculation(false);
        Path rec = tmp.resolve("rec");
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), v, List.of(rec))) {
            ScfControls probe = ScfControls.of(user).withMaxitr(60);
            CardDeck probeCard = probe.applyTo(user, 1.0).withRecord("init");
            CardDeck continued = ScfControls.of(user).applyTo(user, 1.0).withRecord("2nd");
            CardDeck dos = user.withGo("dos").withContour(1e-3, 1.0).withRecord("2nd");
            // fe_go.out: the probe (the recorded card had pmix 0.035ch, 60 iterations, not converged);
            // fe_go2.out: its continuation with record 2nd (recorded exactly so: converged in 9 iterations);
            // fe_dos.out: the dos of the same contour (recorded after the continuation; here it answers both dos)
            new ScfHarness.Scenario(rec.resolve("fe")).answer(h.cardText(probeCard), EDGE.resolve("fe_go.out"),
                    probeCard.potentialFile()).answer(h.cardText(continued), EDGE.resolve("fe_go2.out"),
                    continued.potentialFile()).answer(h.cardText(dos), EDGE.resolve("fe_dos.out"), null).write(v);
            ScfReport r = h.run(user, settings);

            List<ScfStep.Kind> kinds = r.trail().stream().map(ScfStep::kind).filter(k -> k != ScfStep.Kind.PLAN)
                    .toList();
            // probe, its dos, an inconclusive judgement (DOS of an unconverged potential), continue, converged go
            assertThat(kinds).startsWith(ScfStep.Kind.GO, ScfStep.Kind.DOS, ScfStep.Kind.JUDGEMENT,
                    ScfStep.Kind.ACTION, ScfStep.Kind.ACTION, ScfStep.Kind.GO);
            assertThat(r.trail()).anyMatch(s -> s.kind() == ScfStep.Kind.ACTION && s.message().startsWith("continue")
                    && s.message().contains("probe stopped at its iteration limit"));
            // the second go continued the probe's potential: its input is the probe's output file
            List<Run> goRuns = goRuns(h);
            assertThat(goRuns).hasSize(2);
            assertThat(h.store.inputs(goRuns.get(1).nodeId())).extracting(f -> f.path())
                    .containsExactlyInAnyOrder("inputcard", user.potentialFile());
            assertThat(h.store.inputs(goRuns.get(0).nodeId())).extracting(f -> f.path()).containsExactly("inputcard");
            assertThat(r.goRuns()).isEqualTo(2);
            assertThat(r.freshStarts()).isEqualTo(1);
            // 60 probe iterations + 9 of the continuation, read from the two logs
            assertThat(r.scfIterations()).isEqualTo(69);
            // the dos that answers here shows only 0.75 Ry below E_F, not the contour bottom at -1.0: the procedure
            // must not claim that no valid ewidth exists
            assertThat(r.status()).isEqualTo(ScfStatus.LIMITED);
            assertThat(r.reason()).contains("window");
        }
    }

    /** The transcribed AlGeHfBi go at 1.2 answers the procedure's first go; nothing else is recorded. */
    private static ScfReport pinnedHf(Path tmp, ScfHarness h, CardDeck user, GapThresholds range) throws Exception {
        // recorded with record 2nd and no potential file, which specx treats as a fresh start ("eof detected;
        // data generated"); the Hf 4f level sits pinned at the contour bottom (ewidth.md §2.3 item 3)
        CardDeck first = user.withRecord("init");
        new ScfHarness.Scenario(tmp.resolve("rec").resolve("hf")).answer(h.cardText(first),
                HF.resolve("out_go.log"), first.potentialFile()).write(h.version);
        return h.run(user, ScfSettings.defaults().withStart(StartPolicy.CARD).withProbe(ProbePolicy.NEVER)
                .withJudgement(JudgementSettings.defaults().withBase(range)));
    }

    @Test
    void aPinnedLevelIsNotFedToTheRescueLadder(@TempDir Path tmp) throws Exception {
        AkaiVersion v = AkaiVersion.CPA2021V01;
        CardDeck user = card(HF.resolve("inputcard_go"), v);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), v, List.of(tmp.resolve("rec")))) {
            ScfReport r = pinnedHf(tmp, h, user, GapThresholds.method2());
            // the documented method spent 43 go runs on this system in its SCF ladder; the levels the one run
            // printed already show that no ewidth in [1.0, 2.0] clears them: the 4f cannot become valence with
            // lmxtyp 2 and keeping it core needs ewidth <= 0.94
            assertThat(r.goRuns()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(ScfStatus.NO_VALID_EWIDTH);
            assertThat(r.reason()).contains("pinned at the contour bottom").contains("no untried ewidth in range");
            assertThat(r.trail()).noneMatch(s -> s.message().contains("pmix") || s.message().contains("edelt"));
        }
    }

    @Test
    void aLevelPinnedAtTheContourBottomMovesEwidthInsteadOfTighteningTheMixing(@TempDir Path tmp) throws Exception {
        AkaiVersion v = AkaiVersion.CPA2021V01;
        CardDeck user = card(HF.resolve("inputcard_go"), v);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), v, List.of(tmp.resolve("rec")))) {
            // a user who allows shallow contours (the published range is a heuristic, ewidth.md §5)
            ScfReport r = pinnedHf(tmp, h, user, GapThresholds.method2().withRange(0.5, 2.0));

            ScfStep move = r.trail().stream().filter(s -> s.kind() == ScfStep.Kind.ACTION).findFirst().orElseThrow();
            assertThat(move.message()).contains("pinned at the contour bottom").contains("fresh potential");
            List<Run> goRuns = goRuns(h);
            assertThat(goRuns).hasSize(2);
            CardDeck second = card(h.store, goRuns.get(1), v);
            assertThat(second.record()).isEqualTo("init");
            assertThat(second.maxitr()).isEqualTo(user.maxitr());
            assertThat(second.pmix()).isEqualTo(user.pmix());
            // the new contour bottom clears every level the pinned run printed (0.15 Ry, 0.25 for starred ones)
            // and keeps the 4f (l = 3 > lmxtyp 2) in the core
            GoEvidence pinned = GoEvidence.read(HF.resolve("out_go.log"));
            JudgementSettings j = JudgementSettings.defaults();
            ContourConstraints levels = ContourConstraints.fromGoLog(pinned, j.base(), j.levelClearanceRy(),
                    j.starredLevelClearanceRy(), Map.of("HEA", 2));
            assertThat(levels.withoutCeiling().allows(-second.ewidthRy())).isTrue();
            double hf4f = pinned.components().stream().filter(c -> c.element().equals("Hf"))
                    .flatMap(c -> c.levels().stream()).filter(l -> l.state().equals("4f"))
                    .mapToDouble(l -> l.relativeToFermiRy()).max().orElseThrow();
            assertThat(-second.ewidthRy()).isGreaterThan(hf4f);
            // nothing was recorded for the moved card: the replay refuses it and the procedure says so
            assertThat(r.status()).isEqualTo(ScfStatus.ERROR);
            assertThat(r.reason()).contains("failed");
        }
    }

    @Test
    void aReconfStopMovesEwidthAwayFromTheLevelsAndGoesOn(@TempDir Path tmp) throws Exception {
        AkaiVersion v = AkaiVersion.CPA2002V010;
        Path scan = AKAI.resolve("cpa2002v010-gfortran/ewidth-scan");
        RecordedScan in = RecordedScan.discover(scan).stream().filter(s -> s.system().equals("InMnFeCo_fcc"))
                .findFirst().orElseThrow();
        // every InMnFeCo recording except the one at 1.2, which the scenario replaces by a stopped run
        RecordedScan others = new RecordedScan(in.system(), in.recordings().stream()
                .filter(d -> !d.getFileName().toString().endsWith("_ew1.2")).toList());
        Path copy = others.canonicalCopy(tmp.resolve("scan"), v);
        // SYNTHETIC log, built from a real one: the first 20 iterations of the recorded InMnFeCo go at 1.2,
        // then the error line the documentation quotes for RbSeBiFe (ewidth.md §2.3 item 2)
        Path real = scan.resolve("InMnFeCo_fcc_ew1.2/out_go.log");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(real, StandardCharsets.ISO_8859_1)) {
            lines.add(line);
            if (line.contains("itr= 20 ")) {
                break;
            }
        }
        lines.add(" ***err in reconf...ecor not found");
        Path stopped = Files.write(tmp.resolve("stopped.log"), lines, StandardCharsets.ISO_8859_1);
        Path rec = tmp.resolve("rec");
        CardDeck user = in.goCard(v).withContour(in.goCard(v).edeltRy(), 1.2);
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), v, List.of(rec, copy))) {
            new ScfHarness.Scenario(rec.resolve("stop")).answer(h.cardText(user.withRecord("init")), stopped,
                    null).write(v);
            ScfReport r = h.run(user, RecordedScanSettings.of(ScfSettings.defaults()).withStart(StartPolicy.CARD));

            ScfStep recover = r.trail().stream().filter(s -> s.kind() == ScfStep.Kind.ACTION).findFirst()
                    .orElseThrow();
            assertThat(recover.message()).contains("reconfiguration failed").contains("ewidth 1.2000 ->");
            List<Run> goRuns = goRuns(h);
            assertThat(goRuns.size()).isGreaterThanOrEqualTo(2);
            double moved = card(h.store, goRuns.get(1), v).ewidthRy();
            // In 4d (tables) forbids 1.2 and 1.6 on this grid; the next allowed recorded value is the move
            assertThat(moved).isGreaterThan(1.2);
            // after the move the procedure goes on with real recorded runs: the moved go converges and is judged
            assertThat(r.trail()).anyMatch(s -> s.kind() == ScfStep.Kind.GO && s.message().contains("converged after"));
            assertThat(r.trail()).anyMatch(s -> s.kind() == ScfStep.Kind.JUDGEMENT);
            assertThat(r.status()).isNotEqualTo(ScfStatus.ERROR);
        }
    }

    @Test
    void anInputErrorIsNotTakenForAnEwidthProblem(@TempDir Path tmp) throws Exception {
        AkaiVersion v = AkaiVersion.CPA2002V010;
        Path scan = AKAI.resolve("cpa2002v010-gfortran/ewidth-scan");
        CardDeck user = card(scan.resolve("FeCoNiCu_fcc_ew1.2/inputcard_go"), v);
        Path rec = tmp.resolve("rec");
        try (ScfHarness h = new ScfHarness(tmp.resolve("home"), v, List.of(rec))) {
            // err.out: a run stopped by an illegal reltyp (edge cases); it answers a valid card here
            new ScfHarness.Scenario(rec.resolve("err")).answer(h.cardText(user.withRecord("init")),
                    EDGE.resolve("err.out"), null).write(v);
            ScfReport r = h.run(user, ScfSettings.defaults().withStart(StartPolicy.CARD).withProbe(ProbePolicy.NEVER));
            assertThat(r.status()).isEqualTo(ScfStatus.ERROR);
            assertThat(r.goRuns()).isEqualTo(1);
            assertThat(r.reason()).contains("illegal reltyp").contains("moving ewidth cannot cure it");
        }
    }

    private static List<Run> goRuns(ScfHarness h) {
        return h.store.runs(new org.kkr4j.store.RunQuery(null, null, 1000, true)).stream()
                .filter(run -> run.label() != null && run.label().startsWith("go ")).toList();
    }

    /** The card a run was given, as stored with its calculation node. */
    private static CardDeck card(org.kkr4j.store.Store store, Run run, AkaiVersion v) throws Exception {
        org.kkr4j.store.FileEntry card = store.files(run.nodeId()).stream().filter(f -> f.path().equals("inputcard"))
                .findFirst().orElseThrow();
        byte[] bytes = store.blobs().read(card.blob().sha256());
        return CardReader.read(SourceText.of("card of run " + run.nodeId(), bytes), v).decks().get(0);
    }
}
