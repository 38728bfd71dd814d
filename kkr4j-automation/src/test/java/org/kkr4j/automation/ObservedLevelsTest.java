package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.testing.SharedRoot;

/** The core-level table extended with the levels of the same build's own go runs. */
class ObservedLevelsTest {
    static final Path SCAN = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran/ewidth-scan");

    @Test
    void observedLevelsReplaceTheTableRowsOfTheirElementWithTheRangeSeen() {
        GoEvidence in12 = GoEvidence.read(SCAN.resolve("InMnFeCo_fcc_ew1.2/out_go.log"));
        GoEvidence in16 = GoEvidence.read(SCAN.resolve("InMnFeCo_fcc_ew1.6/out_go.log"));
        CoreLevelTable t = CoreLevelTable.bundled().withObserved(List.of(in12, in16), -3.0);
        List<CoreLevelTable.Level> in = t.levels("In");
        assertThat(in).isNotEmpty().allMatch(l -> l.table() == 'S');
        // the 4d range is exactly the span of the In 4d levels printed by the two logs (both spins)
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GoEvidence g : List.of(in12, in16)) {
            for (ComponentCoreLevels c : g.components()) {
                if (c.element().equals("In")) {
                    for (CoreLevelEvidence l : c.levels()) {
                        if (l.state().equals("4d")) {
                            lo = Math.min(lo, l.relativeToFermiRy());
                            hi = Math.max(hi, l.relativeToFermiRy());
                        }
                    }
                }
            }
        }
        CoreLevelTable.Level d = in.stream().filter(l -> l.orbital().equals("4d")).findFirst().orElseThrow();
        assertThat(d.minRy()).isEqualTo(lo);
        assertThat(d.maxRy()).isEqualTo(hi);
        assertThat(in).allMatch(l -> l.maxRy() > -3.0);
        // elements without observations keep their table rows
        assertThat(t.levels("Bi")).isEqualTo(CoreLevelTable.bundled().levels("Bi"));
        // the first guess uses the observed range (and says so)
        FirstGuess.Proposal p = FirstGuess.propose(Map.of("In", 0.25, "Mn", 0.25, "Fe", 0.25, "Co", 0.25), t,
                GapThresholds.method2());
        assertThat(p.reasons()).anyMatch(r -> r.startsWith("In 4d (table S)"));
        assertThat(p.ewidthRy()).isPresent();
        double bottom = -p.ewidthRy().getAsDouble();
        assertThat(bottom >= hi + FirstGuess.CORE_CLEARANCE_RY || bottom < lo).isTrue();
    }
}
