package org.kkr4j.automation.scf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kkr4j.automation.IterationRecord;
import org.kkr4j.automation.ScfTrend;

/** The order of the SCF rescue, driven by the trend of the history (synthetic histories of known shape). */
class RescueLadderTest {
    static final ScfControls USER = new ScfControls(1e-4, "10", 500, 0.02);

    /** log10 rms flat around -2.5 with small noise: not improving. */
    static ScfTrend stagnating() {
        List<IterationRecord> h = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            h.add(new IterationRecord(i, 0.001, 2.0, -1000.0, -2.5 + 0.05 * Math.sin(i), false));
        }
        return ScfTrend.assess(h, false);
    }

    /** log10 rms falling steadily: still improving. */
    static ScfTrend converging() {
        List<IterationRecord> h = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            h.add(new IterationRecord(i, 0.001, 2.0, -1000.0, -1.0 - 0.02 * i, false));
        }
        return ScfTrend.assess(h, false);
    }

    @Test
    void anImprovingScfIsContinuedWithTheSameControls() {
        RescueLadder ladder = new RescueLadder(ScfSettings.defaults(), USER);
        ScfTrend t = converging();
        assertThat(t.kind()).isEqualTo(ScfTrend.Kind.CONVERGING);
        RescueLadder.Step s = ladder.next(USER, t, false).orElseThrow();
        assertThat(s.rung()).isEqualTo(RescueLadder.Rung.CONTINUE);
        assertThat(s.controls()).isEqualTo(USER);
        assertThat(s.freshPotential()).isFalse();
    }

    @Test
    void aStalledScfWalksTheLadderInOrderAndEnds() {
        RescueLadder ladder = new RescueLadder(ScfSettings.defaults(), USER);
        ScfTrend t = stagnating();
        assertThat(t.kind()).isNotIn(ScfTrend.Kind.CONVERGING, ScfTrend.Kind.CONVERGED);
        List<RescueLadder.Step> steps = new ArrayList<>();
        ScfControls current = USER;
        for (Optional<RescueLadder.Step> s = ladder.next(current, t, false); s.isPresent();
             s = ladder.next(current, t, false)) {
            steps.add(s.get());
            current = s.get().controls();
            assertThat(steps).hasSizeLessThan(20);
        }
        // pmix down the published ladder below the user's 0.02, then larger edelt, more k points, fresh potential
        assertThat(steps).extracting(RescueLadder.Step::rung).containsExactly(RescueLadder.Rung.SMALLER_PMIX,
                RescueLadder.Rung.SMALLER_PMIX, RescueLadder.Rung.SMALLER_PMIX, RescueLadder.Rung.SMALLER_PMIX,
                RescueLadder.Rung.SMALLER_PMIX, RescueLadder.Rung.LARGER_EDELT, RescueLadder.Rung.MORE_K_POINTS,
                RescueLadder.Rung.FRESH_POTENTIAL);
        assertThat(steps).extracting(s -> s.controls().pmix()).startsWith(1e-2, 5e-3, 1e-3, 5e-4, 1e-4);
        assertThat(steps.get(5).controls().edeltRy()).isEqualTo(1e-2);
        // the k-point rung goes back to the user's edelt and adds the step to bzqlty
        assertThat(steps.get(6).controls().edeltRy()).isEqualTo(USER.edeltRy());
        assertThat(steps.get(6).controls().bzqlty()).isEqualTo("14");
        assertThat(steps.get(7).freshPotential()).isTrue();
        assertThat(steps.subList(0, 7)).noneMatch(RescueLadder.Step::freshPotential);
    }

    @Test
    void aLargerEdeltIsADetourBackToTheUsersValue() {
        RescueLadder ladder = new RescueLadder(ScfSettings.defaults(), USER);
        assertThat(ladder.backToUserEdelt(USER)).isEmpty();
        RescueLadder.Step back = ladder.backToUserEdelt(USER.withEdelt(1e-2)).orElseThrow();
        assertThat(back.rung()).isEqualTo(RescueLadder.Rung.EDELT_BACK);
        assertThat(back.controls().edeltRy()).isEqualTo(1e-4);
    }

    @Test
    void aLetterBzqltyHasNoKPointRung() {
        ScfControls letter = new ScfControls(1e-4, "t", 500, 1e-4);
        RescueLadder ladder = new RescueLadder(ScfSettings.defaults(), letter);
        List<RescueLadder.Rung> rungs = new ArrayList<>();
        ScfControls current = letter;
        for (Optional<RescueLadder.Step> s = ladder.next(current, stagnating(), false); s.isPresent();
             s = ladder.next(current, stagnating(), false)) {
            rungs.add(s.get().rung());
            current = s.get().controls();
        }
        assertThat(rungs).containsExactly(RescueLadder.Rung.LARGER_EDELT, RescueLadder.Rung.FRESH_POTENTIAL);
    }
}
