package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class GapJudgeTest {
    private static EwidthDecision judge(ScanFixtures.Scan s) {
        DosEvidence d = s.dos();
        return GapJudge.judge(List.of(d.totalPerAtom()), s.ewidthRy(), d.edeltRy(), GapThresholds.method2());
    }

    private static Map<String, List<ScanFixtures.Scan>> bySystem() {
        return ScanFixtures.all().stream().collect(Collectors.groupingBy(ScanFixtures.Scan::key));
    }

    /** E_F of a run differing from the median of its system's scans: the contour cut the valence band. */
    private static boolean fermiLevelOutlier(ScanFixtures.Scan s, List<ScanFixtures.Scan> system) {
        double[] ef = system.stream().mapToDouble(x -> x.go().fermiLevelUpRy().getAsDouble()).sorted().toArray();
        double median = ef[ef.length / 2];
        return Math.abs(s.go().fermiLevelUpRy().getAsDouble() - median) > 0.03;
    }

    @Test
    void aRunWhoseFermiLevelShowsLostValenceChargeIsNeverKept() {
        int outliers = 0;
        for (List<ScanFixtures.Scan> system : bySystem().values()) {
            if (system.size() < 3) {
                continue;
            }
            for (ScanFixtures.Scan s : system) {
                if (fermiLevelOutlier(s, system)) {
                    outliers++;
                    assertThat(judge(s).kind()).as(s.dir().getFileName().toString())
                            .isNotEqualTo(EwidthDecision.Kind.KEEP);
                }
            }
        }
        assertThat(outliers).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aKeptContourBottomIsClearOfEveryCoreLevelOfItsOwnGoRun() {
        int kept = 0;
        for (ScanFixtures.Scan s : ScanFixtures.all()) {
            if (judge(s).kind() != EwidthDecision.Kind.KEEP) {
                continue;
            }
            kept++;
            for (CoreLevelEvidence l : s.go().allLevels()) {
                assertThat(Math.abs(l.relativeToFermiRy() + s.ewidthRy())).as("%s %s %.4f",
                        s.dir().getFileName(), l.state(), l.relativeToFermiRy()).isGreaterThan(0.15);
            }
        }
        assertThat(kept).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aMoveLandsWhereTheRecordedRunNearestToItIsKept() {
        int checked = 0;
        List<String> report = new ArrayList<>();
        for (List<ScanFixtures.Scan> system : bySystem().values()) {
            for (ScanFixtures.Scan s : system) {
                EwidthDecision d = judge(s);
                if (d.kind() != EwidthDecision.Kind.MOVE) {
                    continue;
                }
                double to = d.proposedEwidthRy().getAsDouble();
                for (ScanFixtures.Scan other : system) {
                    if (other != s && Math.abs(other.ewidthRy() - to) <= 0.1 + 1e-9 && !fermiLevelOutlier(other, system)) {
                        checked++;
                        EwidthDecision there = judge(other);
                        report.add(s.dir().getFileName() + " -> " + to + ": " + other.ewidthRy() + " " + there.summary());
                        assertThat(there.kind()).as(report.get(report.size() - 1)).isEqualTo(EwidthDecision.Kind.KEEP);
                    }
                }
            }
        }
        assertThat(checked).as(report.toString()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void withoutEdeltScalingTheMethodFailsOnGapsBroadenedByEdelt() {
        // the recorded dos runs used edelt 1e-3, ten times the edelt the Method 2 thresholds were set for
        int scaledValid = 0;
        int unscaledValid = 0;
        for (ScanFixtures.Scan s : ScanFixtures.all()) {
            DosEvidence d = s.dos();
            assertThat(d.edeltRy()).isEqualTo(1e-3);
            List<DosCurve> c = List.of(d.totalPerAtom());
            if (GapJudge.judge(c, s.ewidthRy(), d.edeltRy(), GapThresholds.method2()).kind()
                    != EwidthDecision.Kind.NO_VALID_EWIDTH) {
                scaledValid++;
            }
            if (GapJudge.method2(c, s.ewidthRy(), GapThresholds.method2()).kind()
                    != EwidthDecision.Kind.NO_VALID_EWIDTH) {
                unscaledValid++;
            }
        }
        assertThat(scaledValid).isGreaterThan(unscaledValid);
        assertThat(scaledValid).isGreaterThanOrEqualTo(ScanFixtures.all().size() * 8 / 10);
    }

    @Test
    void votesAreRecordedAndAMoveProposesAMemberValue() {
        for (ScanFixtures.Scan s : ScanFixtures.all()) {
            EwidthDecision d = judge(s);
            assertThat(d.votes()).hasSize(3);
            assertThat(d.reasons()).isNotEmpty();
            if (d.kind() == EwidthDecision.Kind.MOVE) {
                double p = d.proposedEwidthRy().getAsDouble();
                assertThat(d.votes()).anyMatch(v -> v.proposedEwidthRy().isPresent()
                        && v.proposedEwidthRy().getAsDouble() == p);
                assertThat(p).isBetween(1.0, 2.0);
            }
        }
    }

    private static List<DosCurve> synthetic(double valenceBottomRy) {
        int n = 201;
        double[] e = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = -2.25 + 0.015 * i + 0.0075;
            v[i] = e[i] > valenceBottomRy ? 1.0 : (Math.abs(e[i] + 1.9) < 0.05 ? 10.0 : 1e-4);
        }
        return List.of(new DosCurve("synthetic", e, v));
    }

    @Test
    void aCandidateShallowerThanTheMinimumIsClippedWhenTheClippedPointIsStillInTheGap() {
        List<DosCurve> c = synthetic(-0.8);
        GapRegion gap = GapJudge.lowRegions(c, 2e-2).stream().filter(r -> r.contains(-1.2)).findFirst().orElseThrow();
        assertThat(-(gap.topRy() - 0.21)).isLessThan(1.0);
        EwidthDecision d = GapJudge.method2(c, 0.85, GapThresholds.method2());
        assertThat(d.kind()).isEqualTo(EwidthDecision.Kind.MOVE);
        assertThat(d.proposedEwidthRy().getAsDouble()).isEqualTo(1.0);
    }

    /** A hand-built DOS: semicore peak at −1.9, gap up to −0.9, valence band above; numbers follow the rule. */
    @Test
    void method2OnASyntheticGap() {
        int n = 201;
        double[] e = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = -2.25 + 0.015 * i + 0.0075;
            double x = e[i];
            v[i] = x > -0.9 ? 1.0 : (Math.abs(x + 1.9) < 0.05 ? 10.0 : 1e-4);
        }
        List<DosCurve> c = List.of(new DosCurve("synthetic", e, v));
        GapThresholds t = GapThresholds.method2();
        List<GapRegion> coarse = GapJudge.lowRegions(c, t.coarseStatesPerRy());
        GapRegion gap = coarse.stream().filter(r -> r.contains(-1.2)).findFirst().orElseThrow();
        assertThat(gap.topRy()).isGreaterThan(-0.9).isLessThan(-0.9 + 0.015);
        assertThat(GapJudge.method2(c, 1.2, t).kind()).isEqualTo(EwidthDecision.Kind.KEEP);
        EwidthDecision shallow = GapJudge.method2(c, 0.95, t);
        assertThat(shallow.kind()).isEqualTo(EwidthDecision.Kind.MOVE);
        // shallowest allowed point: top − ediff − margin
        assertThat(shallow.proposedEwidthRy().getAsDouble()).isCloseTo(-(gap.topRy() - 0.2 - 0.01),
                org.assertj.core.data.Offset.offset(1e-4));
        // nothing low below the valence band: no valid ewidth
        double[] full = new double[n];
        Arrays.fill(full, 1.0);
        assertThat(GapJudge.method2(List.of(new DosCurve("metal", e, full)), 1.2, t).kind())
                .isEqualTo(EwidthDecision.Kind.NO_VALID_EWIDTH);
        // a second curve with a peak inside the gap splits it for the AND over curves
        double[] other = v.clone();
        for (int i = 0; i < n; i++) {
            if (Math.abs(e[i] + 1.2) < 0.05) {
                other[i] = 5.0;
            }
        }
        assertThat(GapJudge.method2(c, 1.2, t).kind()).isEqualTo(EwidthDecision.Kind.KEEP);
        assertThat(GapJudge.method2(List.of(c.get(0), new DosCurve("component", e, other)), 1.2, t).kind())
                .isNotEqualTo(EwidthDecision.Kind.KEEP);
    }
}
