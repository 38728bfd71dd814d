package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.RunOutcome;
import org.kkr4j.io.testing.SharedRoot;

class EwidthJudgementTest {
    private static final JudgementSettings DEFAULTS = JudgementSettings.defaults();

    // ---------------------------------------------------------------- helpers

    /** A mesh like a dos run's: ewidth_dos · ref below E_F, 201 points, the first half a step inside. */
    private static double[] mesh(double ewidthDos, double ref) {
        double step = ewidthDos / 200;
        double[] e = new double[200];
        for (int i = 0; i < e.length; i++) {
            e[i] = -ref * ewidthDos + step / 2 + i * step;
        }
        return e;
    }

    private static DosEvidence dos(double[] e, double[] v, double edelt, double ewidthDos, double ref) {
        return new DosEvidence("synthetic", AkaiVersion.CPA2002V010, ewidthDos, edelt, ref, ref, 1,
                new DosCurve("total DOS per atom", e, v), List.of());
    }

    /** A go record with the given levels (element, state, E − E_F, starred), both spins alike. */
    private static GoEvidence go(double ewidth, boolean converged, Object... levels) {
        List<ComponentCoreLevels> comps = new ArrayList<>();
        double ef = 0.6;
        for (int i = 0; i < levels.length; i += 4) {
            String el = (String) levels[i];
            String state = (String) levels[i + 1];
            double rel = (Double) levels[i + 2];
            boolean star = (Boolean) levels[i + 3];
            comps.add(new ComponentCoreLevels("T", el, 0, List.of(
                    new CoreLevelEvidence(state, true, rel + ef, rel, star),
                    new CoreLevelEvidence(state, false, rel + ef, rel, star))));
        }
        return new GoEvidence("synthetic go", Optional.empty(),
                converged ? RunOutcome.CONVERGED : RunOutcome.NOT_CONVERGED, "", ewidth, 1e-4, OptionalDouble.of(ef),
                OptionalDouble.of(ef), 10, comps, List.of());
    }

    private static GoEvidence withEwidth(GoEvidence g, double ewidth) {
        return new GoEvidence(g.source(), g.version(), g.outcome(), g.outcomeDetail(), ewidth, g.edeltRy(),
                g.fermiLevelUpRy(), g.fermiLevelDownRy(), g.valenceElectrons(), g.components(), g.history());
    }

    private static double distanceToNearestLevel(GoEvidence g, double ewidth, boolean starredOnly) {
        return g.allLevels().stream().filter(l -> !starredOnly || l.movedToValence())
                .mapToDouble(l -> Math.abs(l.relativeToFermiRy() + ewidth)).min().orElse(Double.POSITIVE_INFINITY);
    }

    // ------------------------------------------------ a. levels at the contour bottom

    /**
     * The DOS the published run judged on AlGeHfBi fcc at ewidth 1.2 (cpa2021v01, window 4.5, ref 0.5, edelt
     * 1e-4), rebuilt from the regions recorded in key_13327283.json: below 2e-2 on [−2.23875, −1.90125],
     * [−1.65375, −1.00125] and [−0.75375, −0.70875]; high elsewhere (Ge 3d / Bi 5d below, the valence band above).
     * Synthetic: only the region ends are documented, the values inside are a flat 1e-4.
     */
    private static DosEvidence hfDos() {
        double[] e = mesh(4.5, 0.5);
        double[] v = new double[e.length];
        double[][] low = {{-2.23875, -1.90125}, {-1.65375, -1.00125}, {-0.75375, -0.70875}};
        for (int i = 0; i < e.length; i++) {
            v[i] = 1.0;
            for (double[] r : low) {
                if (e[i] >= r[0] - 1e-9 && e[i] < r[1] - 1e-9) {
                    v[i] = 1e-4;
                }
            }
        }
        return new DosEvidence("AlGeHfBi regions of key_13327283.json", AkaiVersion.CPA2021V01, 4.5, 1e-4, 0.5, 0.5,
                1, new DosCurve("total DOS per atom", e, v), List.of());
    }

    @Test
    void theRebuiltHfDosReproducesThePublishedMove() {
        // the JSON: at 1.2 the judgement was "new" with candidates 1.21125 and 2.11125
        DosEvidence d = hfDos();
        EwidthDecision m = GapJudge.method2(List.of(d.totalPerAtom()), 1.2, GapThresholds.method2());
        assertThat(m.kind()).isEqualTo(EwidthDecision.Kind.MOVE);
        assertThat(m.proposedEwidthRy().getAsDouble()).isCloseTo(1.21125, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void theHf4fLevelAtTheContourBottomIsNeverKeptThoughTheDosAcceptsIt() {
        // the STEP2 go at 1.21125 prints Hf 4f at -1.2916 (up) and -1.2329* (down) Ry below E_F: 0.02 Ry from
        // the contour bottom; the published method kept 1.21125 ("old") and the SCF never converged
        GoEvidence g = GoLogs.read(GoLogs.hfSlowMixing());
        DosEvidence d = hfDos();
        assertThat(GapJudge.judge(List.of(d.totalPerAtom()), g.ewidthRy(), 1e-4, GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.KEEP);
        EwidthDecision k = EwidthJudgement.decide(g, d, DEFAULTS);
        assertThat(k.kind()).as(String.join("\n", k.reasons())).isEqualTo(EwidthDecision.Kind.MOVE);
        assertThat(String.join("\n", k.reasons())).contains("Hf 4f").contains("not kept").contains("pinned");
        double to = k.proposedEwidthRy().getAsDouble();
        // the new bottom is clear of every level (0.25 from starred ones) and the DOS accepts it
        assertThat(distanceToNearestLevel(g, to, false)).isGreaterThan(0.15);
        assertThat(distanceToNearestLevel(g, to, true)).isGreaterThan(0.25);
        assertThat(GapJudge.judge(List.of(d.totalPerAtom()), to, 1e-4, GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.KEEP);
        // no room above the level (the gap's valence clearance ends at -1.21125), so the move is deeper
        assertThat(to).isGreaterThan(g.ewidthRy());
    }

    @Test
    void thePublishedMoveOntoTheHfLevelIsRedirected() {
        // at 1.2 the go prints Hf 4f* at -1.1906: the published move to 1.21125 lands 0.02 Ry from it
        GoEvidence g = GoLogs.read(GoLogs.hfAt1p2());
        EwidthDecision k = EwidthJudgement.decide(g, hfDos(), DEFAULTS);
        assertThat(k.kind()).isEqualTo(EwidthDecision.Kind.MOVE);
        assertThat(String.join("\n", k.reasons())).contains("the DOS proposes 1.2113").contains("Hf 4f");
        assertThat(distanceToNearestLevel(g, k.proposedEwidthRy().getAsDouble(), true)).isGreaterThan(0.25);
    }

    @Test
    void aLevelInsideAnAcceptedGapMovesTheBottomToTheNearerSideTheGapAllows() {
        // a wide gap [-1.9, -0.8] with an In 4d-like core level (not shown by the DOS) at -1.30: ewidth 1.25 is
        // 0.05 Ry above it; the DOS alone keeps 1.25. Both sides of the level are in the gap: the nearest clear
        // bottom is above it (−1.30 + 0.15), shallower than the deeper choice (−1.30 − 0.15)
        double[] e = mesh(3.0, 0.75);
        double[] v = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            v[i] = e[i] > -0.8 || e[i] < -1.9 ? 1.0 : 1e-4;
        }
        DosEvidence d = dos(e, v, 1e-4, 3.0, 0.75);
        GoEvidence g = go(1.25, true, "In", "4d", -1.30, false);
        assertThat(GapJudge.judge(List.of(d.totalPerAtom()), 1.25, 1e-4, GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.KEEP);
        EwidthDecision k = EwidthJudgement.decide(g, d, DEFAULTS);
        assertThat(k.kind()).isEqualTo(EwidthDecision.Kind.MOVE);
        double to = k.proposedEwidthRy().getAsDouble();
        assertThat(-to).isGreaterThanOrEqualTo(-1.30 + 0.15);
        assertThat(to).isLessThan(1.25);
        // the same level deeper by 0.3 Ry no longer matters
        assertThat(EwidthJudgement.decide(go(1.25, true, "In", "4d", -1.60, false), d, DEFAULTS).kind())
                .isEqualTo(EwidthDecision.Kind.KEEP);
    }

    // ------------------------------------------------ b. numerical poles

    /**
     * Synthetic DOS after the documented RbSeBiFe case (ewidth.md §2.3 item 6): semicore states (Rb 4s −2.07,
     * Bi 5d −1.67) filling the window below −1.55, valence band from −1.00, flat floor 2e-4 between, and one
     * single-point spike of 40 states/Ry at −1.2675 in the gap (the documented poles are 38–19000 high and sit
     * at single energies). The spike splits the 0.55 Ry gap into two pieces narrower than eth 0.30.
     */
    private static DosEvidence poleDos() {
        double[] e = mesh(3.0, 0.75);
        double[] v = new double[e.length];
        int pole = -1;
        for (int i = 0; i < e.length; i++) {
            v[i] = e[i] > -1.0 ? 2.0 : (e[i] < -1.55 ? 100.0 : 2e-4);
            if (Math.abs(e[i] + 1.2675) < 1e-6) {
                pole = i;
            }
        }
        v[pole] = 40.0;
        return dos(e, v, 1e-4, 3.0, 0.75);
    }

    @Test
    void anIsolatedSpikeMatchingNoLevelIsExcludedAsANumericalPole() {
        DosEvidence d = poleDos();
        GoEvidence g = go(1.2, true, "Rb", "4s", -2.07, false, "Bi", "5d", -1.67, false, "Rb", "4p", -0.91, true);
        assertThat(GapJudge.judge(List.of(d.totalPerAtom()), 1.2, 1e-4, GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.NO_VALID_EWIDTH);
        EwidthDecision k = EwidthJudgement.decide(g, d, DEFAULTS);
        assertThat(k.kind()).isIn(EwidthDecision.Kind.KEEP, EwidthDecision.Kind.MOVE);
        assertThat(String.join("\n", k.reasons())).contains("numerical pole").contains("-1.2675");
    }

    @Test
    void theSameSpikeAtASemicoreLevelIsKept() {
        // a real (core-treated) level at -1.27: the spike is its peak, and the gap really is split
        GoEvidence g = go(1.2, true, "Rb", "4s", -2.07, false, "Bi", "5d", -1.67, false, "X", "4d", -1.27, false);
        EwidthDecision k = EwidthJudgement.decide(g, poleDos(), DEFAULTS);
        assertThat(k.kind()).isEqualTo(EwidthDecision.Kind.NO_VALID_EWIDTH);
        assertThat(String.join("\n", k.reasons())).contains("kept: core level 4d").doesNotContain("numerical pole");
    }

    // ------------------------------------------------ c. unconverged noisy DOS

    /**
     * Synthetic DOS after RbSeBiFe at ewidth 1.2, go unconverged (ewidth.md §2.3 item 5): sharp peaks between
     * −2.2 and −0.5 Ry break the region below 2e-2 into 7 pieces 0.06–0.21 Ry wide. Peaks are 3 mesh points
     * (0.045 Ry) wide, wider than a pole.
     */
    private static DosEvidence noisyDos() {
        double[] e = mesh(3.0, 0.75);
        double[] v = new double[e.length];
        double[] peaks = {-2.05, -1.85, -1.60, -1.40, -1.25, -1.10, -0.90, -0.65};
        for (int i = 0; i < e.length; i++) {
            v[i] = e[i] > -0.5 ? 3.0 : 5e-4;
            for (double p : peaks) {
                if (Math.abs(e[i] - p) < 0.0226) {
                    v[i] = 5.0;
                }
            }
        }
        return dos(e, v, 1e-4, 3.0, 0.75);
    }

    @Test
    void aFragmentedGapOfAnUnconvergedPotentialIsInconclusiveNotAFailure() {
        DosEvidence d = noisyDos();
        List<GapRegion> pieces = GapJudge.lowRegions(List.of(d.totalPerAtom()), 2e-2).stream()
                .filter(r -> r.bottomRy() > -2.2 && r.topRy() < -0.5).toList();
        assertThat(pieces).hasSize(7).allMatch(r -> r.widthRy() >= 0.06 - 1e-9 && r.widthRy() <= 0.21 + 1e-9);
        GoEvidence g = go(1.2, false, "Bi", "5d", -1.67, false);
        assertThat(GapJudge.judge(List.of(d.totalPerAtom()), 1.2, 1e-4, GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.NO_VALID_EWIDTH);
        EwidthDecision k = EwidthJudgement.decide(g, d, DEFAULTS);
        assertThat(k.kind()).isEqualTo(EwidthDecision.Kind.INCONCLUSIVE);
        assertThat(String.join("\n", k.reasons())).contains("DOS of an unconverged potential")
                .contains("does not show that no valid ewidth exists");
        // go on converging at the same contour
        assertThat(k.nextEwidthRy()).hasValue(1.2);
        assertThat(k.proposedEwidthRy()).isEmpty();
        assertThat(k.summary()).startsWith("inconclusive");
        // the same DOS from a converged potential is a real failure
        assertThat(EwidthJudgement.decide(go(1.2, true, "Bi", "5d", -1.67, false), d, DEFAULTS).kind())
                .isEqualTo(EwidthDecision.Kind.NO_VALID_EWIDTH);
    }

    // ------------------------------------------------ d. per atom

    @Test
    void aMultiAtomCellIsJudgedPerAtom() {
        // Co2MnSi (2022.0721, natm 4, edelt 1e-4): per atom the gap below the valence band holds a candidate;
        // the same DOS per cell (4 x higher) has no region below the thresholds wide enough
        Path dir = SharedRoot.akaikkr().resolve("transcribed-v2022.0721-standard/Co2MnSi");
        GoEvidence g = GoEvidence.read(dir.resolve("out_go.log"));
        DosEvidence d = DosEvidence.read(dir.resolve("out_dos.log"), Optional.of(AkaiVersion.V2022_0721));
        assertThat(d.atomCount()).isEqualTo(4);
        DosEvidence perCell = new DosEvidence(d.source(), d.version(), d.ewidthDosRy(), d.edeltRy(),
                d.windowReference(), d.measuredWindowReference(), 1,
                d.totalPerAtom().scaled("total DOS per cell", d.atomCount()), d.components(),
                d.componentConcentrations());
        EwidthDecision k = EwidthJudgement.decide(g, d, DEFAULTS);
        assertThat(k.reasons()).anyMatch(r -> r.contains("per atom") && r.contains("natm 4"));
        assertThat(k.kind()).isIn(EwidthDecision.Kind.KEEP, EwidthDecision.Kind.MOVE);
        assertThat(EwidthJudgement.decide(g, perCell, DEFAULTS).kind()).isEqualTo(EwidthDecision.Kind.NO_VALID_EWIDTH);
        // the per-atom curve is the cell DOS / natm, summed over spins, read from the log
        assertThat(d.totalPerAtom().value(100) * 4).isCloseTo(perCell.totalPerAtom().value(100),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    // ------------------------------------------------ e. edelt

    /** Lorentzian-broadened levels: a 10-electron semicore level at −1.9 and a valence band from −0.9 up. */
    private static DosEvidence broadened(double edelt) {
        double[] e = mesh(3.0, 0.75);
        double[] v = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double x = e[i];
            double level = 10 * edelt / Math.PI / ((x + 1.9) * (x + 1.9) + edelt * edelt);
            // a flat band of 1 state/Ry from -0.9 up, convolved with the same Lorentzian
            double band = (Math.atan((x + 0.9) / edelt) / Math.PI + 0.5) * 1.0;
            v[i] = level + band;
        }
        return dos(e, v, edelt, 3.0, 0.75);
    }

    @Test
    void theSamePhysicalDosAtEdelt1e4And1e3GivesTheSameDecision() {
        GoEvidence g = go(1.2, true, "Ge", "3d", -1.9, false);
        DosEvidence fine = broadened(1e-4);
        DosEvidence coarse = broadened(1e-3);
        // the published thresholds at fixed values flip between the two
        EwidthDecision.Kind fixedFine = GapJudge.method2(List.of(fine.totalPerAtom()), 1.2, GapThresholds.method2()).kind();
        EwidthDecision.Kind fixedCoarse = GapJudge.method2(List.of(coarse.totalPerAtom()), 1.2, GapThresholds.method2()).kind();
        assertThat(fixedFine).isEqualTo(EwidthDecision.Kind.KEEP);
        assertThat(fixedCoarse).isNotEqualTo(EwidthDecision.Kind.KEEP);
        assertThat(EwidthJudgement.decide(g, fine, DEFAULTS).kind()).isEqualTo(EwidthDecision.Kind.KEEP);
        assertThat(EwidthJudgement.decide(g, coarse, DEFAULTS).kind()).isEqualTo(EwidthDecision.Kind.KEEP);
    }

    // ------------------------------------------------ f. dilute components

    @Test
    void theRecordedNonEquiatomicAlloysHaveTheirMinorityComponentJudgedOnItsOwnDos() {
        for (String name : List.of("Fe70Co20Ge10_bcc_ew1.2", "Ni90Sn10_fcc_ew1.2")) {
            ScanFixtures.Scan s = ScanFixtures.all().stream().filter(x -> x.dir().getFileName().toString().equals(name))
                    .findFirst().orElseThrow();
            DosEvidence d = s.dos();
            // the dos card's concentrations (percent, normalised) agree with what the log printed
            double[] conc = EvidenceTest.concentrations(s);
            for (int i = 0; i < conc.length; i++) {
                assertThat(d.componentConcentrations().get(i)).isCloseTo(conc[i], org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat(d.smallestConcentration()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
            EwidthDecision k = EwidthJudgement.decide(s.go(), d, DEFAULTS);
            assertThat(k.reasons()).as(name).filteredOn(r -> r.contains("(dilute)")).hasSize(1);
            assertThat(k.kind()).isIn(EwidthDecision.Kind.KEEP, EwidthDecision.Kind.MOVE);
        }
        // the equiatomic quaternaries are judged on the total only (their components AND-ed would reject most
        // of the recorded contours: the component DOS is not weighted by concentration)
        ScanFixtures.Scan equi = ScanFixtures.all().stream().filter(x -> x.key().equals("SnMnFeCo_fcc")).findFirst()
                .orElseThrow();
        assertThat(EwidthJudgement.decide(equi.go(), equi.dos(), DEFAULTS).reasons()).noneMatch(r -> r.contains("own DOS"));
    }

    @Test
    void aDiluteComponentsSemicorePeakInvisibleInTheTotalBlocksTheGap() {
        // semi-synthetic from the recorded Fe70Co20Ge10 bcc DOS: the total is re-weighted to 0.1 % Ge
        // (total' = (total - 0.1 Ge) * 0.999 / 0.9 + 0.001 Ge) while Ge's own DOS stays as recorded (per Ge
        // atom, not weighted: at -1.68 Ry, on the tail of the Ge 3d peak at -1.857, it is about 0.1 states/Ry)
        ScanFixtures.Scan s = ScanFixtures.all().stream()
                .filter(x -> x.dir().getFileName().toString().equals("Fe70Co20Ge10_bcc_ew1.2")).findFirst().orElseThrow();
        DosEvidence d = s.dos();
        DosCurve ge = d.components().get(2);
        assertThat(ge.label()).contains("Ge");
        DosCurve t = d.totalPerAtom();
        double[] e = new double[t.size()];
        double[] v = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            e[i] = t.energyRy(i);
            double g = ge.valueAt(e[i]);
            v[i] = (t.value(i) - 0.1 * g) * 0.999 / 0.9 + 0.001 * g;
        }
        DosEvidence dilute = new DosEvidence("La0.999Ge0.001-like", d.version(), d.ewidthDosRy(), d.edeltRy(),
                d.windowReference(), d.measuredWindowReference(), 1, new DosCurve("total DOS per atom", e, v),
                d.components(), List.of(0.7 * 0.999 / 0.9, 0.2 * 0.999 / 0.9, 0.001));
        GoEvidence at168 = withEwidth(s.go(), 1.68);
        // 1.68 is 0.18 Ry above Ge 3d: outside the 0.15 level clearance, so only the DOS can decide
        assertThat(distanceToNearestLevel(at168, 1.68, false)).isGreaterThan(0.15);
        assertThat(ge.valueAt(-1.68)).isGreaterThan(0.05);
        assertThat(GapJudge.judge(List.of(dilute.totalPerAtom()), 1.68, d.edeltRy(), GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.KEEP);
        EwidthDecision k = EwidthJudgement.decide(at168, dilute, DEFAULTS);
        assertThat(k.kind()).as(String.join("\n", k.reasons())).isNotEqualTo(EwidthDecision.Kind.KEEP);
        assertThat(k.reasons()).anyMatch(r -> r.contains("Ge") && r.contains("(dilute)"));
        // a fully synthetic dilute case: a 0.001 component with a 5-electron peak at -1.3 in a clean gap
        double[] me = mesh(3.0, 0.75);
        double[] host = new double[me.length];
        double[] minority = new double[me.length];
        for (int i = 0; i < me.length; i++) {
            host[i] = me[i] > -0.8 ? 1.0 : 2e-4;
            minority[i] = host[i] + 5 * 1e-3 / Math.PI / ((me[i] + 1.3) * (me[i] + 1.3) + 1e-6);
        }
        double[] total = new double[me.length];
        for (int i = 0; i < me.length; i++) {
            total[i] = 0.999 * host[i] + 0.001 * minority[i];
        }
        DosEvidence syn = new DosEvidence("synthetic", AkaiVersion.CPA2002V010, 3.0, 1e-3, 0.75, 0.75, 1,
                new DosCurve("total DOS per atom", me, total),
                List.of(new DosCurve("component 1 host", me, host), new DosCurve("component 2 X", me, minority)),
                List.of(0.999, 0.001));
        GoEvidence sg = go(1.2, true);
        assertThat(GapJudge.judge(List.of(syn.totalPerAtom()), 1.2, 1e-3, GapThresholds.method2()).kind())
                .isEqualTo(EwidthDecision.Kind.KEEP);
        assertThat(EwidthJudgement.decide(sg, syn, DEFAULTS).kind()).isNotEqualTo(EwidthDecision.Kind.KEEP);
    }

    // ------------------------------------------------ the scan invariants through the full decision

    @Test
    void everyRecordedScanThroughTheFullDecisionKeepsTheGapJudgeInvariants() {
        Map<String, List<ScanFixtures.Scan>> bySystem = ScanFixtures.all().stream()
                .collect(Collectors.groupingBy(ScanFixtures.Scan::key));
        int outliers = 0;
        int kept = 0;
        for (List<ScanFixtures.Scan> system : bySystem.values()) {
            double[] ef = system.stream().mapToDouble(x -> x.go().fermiLevelUpRy().getAsDouble()).sorted().toArray();
            double median = ef[ef.length / 2];
            for (ScanFixtures.Scan s : system) {
                EwidthDecision k = EwidthJudgement.decide(s.go(), s.dos(), DEFAULTS);
                String name = s.dir().getFileName().toString();
                assertThat(k.kind()).as(name).isNotEqualTo(EwidthDecision.Kind.INCONCLUSIVE);
                if (system.size() >= 3 && Math.abs(s.go().fermiLevelUpRy().getAsDouble() - median) > 0.03) {
                    outliers++;
                    assertThat(k.kind()).as(name).isNotEqualTo(EwidthDecision.Kind.KEEP);
                }
                if (k.kind() == EwidthDecision.Kind.KEEP) {
                    kept++;
                    assertThat(distanceToNearestLevel(s.go(), s.ewidthRy(), false)).as(name).isGreaterThan(0.15);
                }
                if (k.kind() == EwidthDecision.Kind.MOVE) {
                    double to = k.proposedEwidthRy().getAsDouble();
                    assertThat(distanceToNearestLevel(s.go(), to, false)).as(name).isGreaterThan(0.15);
                    assertThat(distanceToNearestLevel(s.go(), to, true)).as(name).isGreaterThan(0.25);
                }
            }
        }
        assertThat(outliers).isGreaterThanOrEqualTo(3);
        assertThat(kept).isGreaterThanOrEqualTo(5);
    }
}
