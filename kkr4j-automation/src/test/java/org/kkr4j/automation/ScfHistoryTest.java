package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** ScfTrend and PinnedLevelSignature on recorded and transcribed go logs. */
class ScfHistoryTest {
    @Test
    void recordedRunsAreConvergedAndEveryEarlierPartOfThemWasConverging() {
        // these runs did converge later, so any prefix long enough to show a trend must read as converging
        int checked = 0;
        for (Path p : GoLogs.recordedGoLogs()) {
            GoEvidence g = GoLogs.read(p);
            if (!g.converged()) {
                continue;
            }
            assertThat(ScfTrend.assess(g.history(), true).kind()).isEqualTo(ScfTrend.Kind.CONVERGED);
            int n = g.history().size();
            for (int cut : new int[] {n / 2, n - 10}) {
                ScfTrend t = ScfTrend.assess(g.history().subList(0, cut), false);
                assertThat(t.kind()).as("%s first %d: %s", p.getParent().getFileName(), cut, t.detail())
                        .isEqualTo(ScfTrend.Kind.CONVERGING);
                assertThat(t.worthContinuing()).isTrue();
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(140);
    }

    @Test
    void theSixtyIterationFeRunIsNotConvergedButStillImproving() {
        // edge-cases README: 60 iterations from init, not converged; the log rms falls from about -2 to -4.9
        GoEvidence g = GoLogs.read(GoLogs.feSlow());
        assertThat(g.converged()).isFalse();
        ScfTrend t = ScfTrend.assess(g.history(), g.converged());
        assertThat(t.kind()).as(t.detail()).isEqualTo(ScfTrend.Kind.CONVERGING);
        assertThat(t.publishedStillImproving()).isTrue();
        assertThat(t.slopeDecadesPerIteration()).isNegative();
    }

    @Test
    void theHfRunsAtTheDocumentedContourDoNotConvergeAndSayHow() {
        // ewidth 1.2, pmix 5e-3: the log rms runs a sawtooth between about 0.25 and 2.12 for 500 iterations
        ScfTrend at12 = trend(GoLogs.hfAt1p2());
        assertThat(at12.kind()).as(at12.detail()).isEqualTo(ScfTrend.Kind.OSCILLATING);
        assertThat(at12.swingDecades()).isGreaterThan(0.3);
        // pmix 1e-2: the same sawtooth, faster
        ScfTrend fast = trend(GoLogs.hfFastMixing());
        assertThat(fast.kind()).as(fast.detail()).isEqualTo(ScfTrend.Kind.OSCILLATING);
        // pmix 1e-4: log rms sits at 0.83-0.88 for the last 100 iterations, interrupted by single-iteration
        // excursions to 1.75 every ~10 iterations; nothing improves, nothing swings: stuck
        ScfTrend slow = trend(GoLogs.hfSlowMixing());
        assertThat(slow.kind()).as(slow.detail()).isEqualTo(ScfTrend.Kind.STAGNATING);
        assertThat(slow.detail()).contains("isolated excursions");
        // the published test calls none of them improving either; it just cannot say which way they fail
        assertThat(at12.publishedStillImproving()).isFalse();
        assertThat(slow.publishedStillImproving()).isFalse();
        assertThat(List.of(at12, fast, slow)).noneMatch(ScfTrend::worthContinuing);
    }

    @Test
    void aRunWhoseErrorClimbsBackToOrderOneIsDiverging() {
        // synthetic, from the documented AlSiSnHf lmxtyp 3 ewidth 1.5 run (ewidth.md §4.6: "diverged (rms 1.0)"):
        // the log rms first falls to -2, then climbs back to 0 and stays there
        List<IterationRecord> h = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            double lr = i <= 50 ? 1.0 - 3.0 * i / 50 : Math.min(0.0, -2.0 + 2.0 * (i - 50) / 40);
            h.add(new IterationRecord(i, 0.01, 0.0, -1000.0, lr, false));
        }
        ScfTrend t = ScfTrend.assess(h, false);
        assertThat(t.kind()).as(t.detail()).isEqualTo(ScfTrend.Kind.DIVERGING);
        // the published test sees a clean line through the climb and calls it improving
        assertThat(ScfTrend.assess(h.subList(50, 90), false).publishedStillImproving()).isTrue();
        assertThat(ScfTrend.assess(h.subList(50, 90), false).kind()).isEqualTo(ScfTrend.Kind.DIVERGING);
    }

    @Test
    void fewerThanThreeIterationsCannotTell() {
        GoEvidence g = GoLogs.read(GoLogs.feSlow());
        assertThat(ScfTrend.assess(g.history().subList(0, 2), false).kind()).isEqualTo(ScfTrend.Kind.TOO_SHORT);
        assertThat(ScfTrend.assess(List.of(), false).kind()).isEqualTo(ScfTrend.Kind.TOO_SHORT);
    }

    private static ScfTrend trend(Path p) {
        GoEvidence g = GoLogs.read(p);
        assertThat(g.converged()).isFalse();
        return ScfTrend.assess(g.history(), g.converged());
    }

    @Test
    void thePinnedLevelSignatureOfTheHfRunAt1p2MatchesTheDocumentedSpikes() {
        // ewidth.md §2.3 item 3: "neu ≈ −2.5 … −3.6 with total-energy jumps of about 60 Ry at iterations
        // 7, 17, 30, 43, 58, 74, 90"; the log text: itr 7 neu -2.4550 te -19413.94 between -19472.10 and
        // -19472.20, itr 17 neu -3.5965 te -19412.29, ... (the pattern continues to itr 500)
        PinnedLevelSignature s = PinnedLevelSignature.detect(GoLogs.read(GoLogs.hfAt1p2()).history()).orElseThrow();
        assertThat(s.spikeIterations().subList(0, 7)).containsExactly(7, 17, 30, 43, 58, 74, 90);
        assertThat(s.neuMin()).isBetween(-3.7, -3.5);
        assertThat(s.neuMax()).isBetween(-2.5, -2.4);
        assertThat(s.largestEnergyJumpRy()).isBetween(55.0, 65.0);
        // documented "every 10-16 iterations"; later spikes come every 16-18 (107, 123, 140, ...)
        assertThat(s.typicalPeriodIterations()).isBetween(10.0, 18.0);
        assertThat(s.describe()).contains("pinned");
    }

    @Test
    void theOtherHfRunsShowTheSignatureToo() {
        // pmix 1e-2: spikes of -1.8 .. -3.8 with jumps of 13-62 Ry every ~12 iterations (itr 2, 9, 17, 29, 41 ...)
        PinnedLevelSignature fast = PinnedLevelSignature.detect(GoLogs.read(GoLogs.hfFastMixing()).history())
                .orElseThrow();
        assertThat(fast.spikeIterations().subList(0, 5)).containsExactly(2, 9, 17, 29, 41);
        assertThat(fast.largestEnergyJumpRy()).isGreaterThan(55.0);
        // pmix 1e-4: the smaller kind of §2.3 item 3 (neu -1.4 .. -1.9, te up by 13 Ry), first at itr 74
        // (-1.7524, te -19460.02 between -19472.72 and -19472.84), later every ~10 iterations (198, 208, 219 ...)
        PinnedLevelSignature slow = PinnedLevelSignature.detect(GoLogs.read(GoLogs.hfSlowMixing()).history())
                .orElseThrow();
        assertThat(slow.spikeIterations().get(0)).isEqualTo(74);
        assertThat(slow.spikeIterations()).contains(198, 208, 219);
        assertThat(slow.neuMin()).isBetween(-1.9, -1.8);
        assertThat(slow.neuMax()).isBetween(-1.5, -1.4);
        assertThat(slow.largestEnergyJumpRy()).isBetween(12.0, 14.0);
        // 74 and 75 are one event: two consecutive spike iterations
        assertThat(slow.spikeIterations()).doesNotContain(75);
    }

    @Test
    void noRecordedGoRunAndNoPlainSlowScfShowsTheSignature() {
        // the largest total-energy change of any recorded run against its neighbours is 3.8 Ry (HfMnFeCo itr 1);
        // fe_go.out has neu -2.45 and -1.43 in its first iterations but total energies within 0.2 Ry
        List<Path> logs = new ArrayList<>(GoLogs.recordedGoLogs());
        logs.add(GoLogs.feSlow());
        for (Path p : logs) {
            Optional<PinnedLevelSignature> s = PinnedLevelSignature.detect(GoLogs.read(p).history());
            assertThat(s).as(p.toString()).isEmpty();
        }
        assertThat(logs).hasSizeGreaterThan(150);
    }
}
