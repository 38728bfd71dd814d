package org.kkr4j.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleViewTest {
    /** Groups 8..11, two elements each: quaternaries span 2, 3 or 4 groups. */
    private static final String[] ELEMENTS = {"Fe", "Ru", "Co", "Rh", "Ni", "Pd", "Cu", "Ag"};

    /** Every 4-element subset; value 2 when the elements span >= 3 groups, else 0; plus noise (sd 0.1). */
    private static List<AlloyObservation> planted() {
        Random rnd = new Random(12);
        List<AlloyObservation> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << ELEMENTS.length; mask++) {
            if (Integer.bitCount(mask) != 4) {
                continue;
            }
            List<String> els = new ArrayList<>();
            for (int i = 0; i < ELEMENTS.length; i++) {
                if ((mask & 1 << i) != 0) {
                    els.add(ELEMENTS[i]);
                }
            }
            long groups = els.stream().map(AlloyObservation::groupOf).distinct().count();
            out.add(new AlloyObservation(String.join("", els), els, rnd.nextBoolean() ? "fcc" : "bcc",
                    (groups >= 3 ? 2 : 0) + 0.1 * rnd.nextGaussian()));
        }
        return out;
    }

    @Test
    void theStrongestRuleIsThePlantedOneWithItsSupportAndMeansReadFromTheData() {
        List<AlloyObservation> alloys = planted();
        Rule top = new RuleFinder(5).find(alloys).get(0);
        assertThat(top.condition()).isEqualTo("the elements span >= 3 groups");
        List<AlloyObservation> spanning = alloys.stream().filter(a -> RuleFinder.distinctGroups(a) >= 3).toList();
        // C(8,4) = 70 quaternaries; spanning only 2 groups means two complete groups: C(4,2) = 6
        assertThat(top.countWhen()).isEqualTo(spanning.size()).isEqualTo(64);
        assertThat(top.countOtherwise()).isEqualTo(6);
        double mean = spanning.stream().mapToDouble(AlloyObservation::value).average().orElseThrow();
        assertThat(top.meanWhen()).isCloseTo(mean, within(1e-12));
        assertThat(top.difference()).isCloseTo(2, within(0.2));
        String summary = new RuleFinder(5).summary(alloys, "rho", "uOhm cm", 3);
        assertThat(summary).contains("1. mean rho is").contains("when the elements span >= 3 groups (n = 64)")
                .contains("otherwise (n = 6)");
    }

    @Test
    void pairMapsAreMeansAndCountsOfTheAlloysContainingBoth() {
        List<AlloyObservation> alloys = planted();
        PairMap groups = PairMap.groups(alloys, "rho");
        assertThat(groups.labels()).containsExactly("8", "9", "10", "11");
        // group pair (8, 8): both Fe and Ru present
        List<AlloyObservation> feRu = alloys.stream()
                .filter(a -> a.elements().contains("Fe") && a.elements().contains("Ru")).toList();
        assertThat(groups.counts()[0][0]).isEqualTo(feRu.size()).isEqualTo(15);
        assertThat(groups.means()[0][0]).isCloseTo(
                feRu.stream().mapToDouble(AlloyObservation::value).average().orElseThrow(), within(1e-12));
        // group pair (8, 10): some element of group 8 and some of group 10
        long both = alloys.stream().filter(a -> a.elements().stream().anyMatch(e -> e.equals("Fe") || e.equals("Ru"))
                && a.elements().stream().anyMatch(e -> e.equals("Ni") || e.equals("Pd"))).count();
        assertThat(groups.counts()[0][2]).isEqualTo((int) both).isEqualTo(groups.counts()[2][0]);

        PairMap elements = PairMap.elements(alloys, "rho");
        assertThat(elements.labels()).containsExactly("Fe", "Co", "Ni", "Cu", "Ru", "Rh", "Pd", "Ag");
        assertThat(elements.counts()[0][0]).isEqualTo(35); // alloys with Fe: C(7,3)
        assertThat(elements.counts()[0][1]).isEqualTo(15); // with Fe and Co: C(6,2)
        assertThat(elements.cells()).allMatch(c -> c.count() > 0);
    }

    @Test
    void mapsAndRulesSurviveAJsonRoundTrip() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        PairMap groups = PairMap.groups(planted(), "rho");
        PairMap back = json.readValue(json.writeValueAsString(groups), PairMap.class);
        assertThat(back.labels()).isEqualTo(groups.labels());
        assertThat(back.counts()).isDeepEqualTo(groups.counts());
        assertThat(back.means()).isDeepEqualTo(groups.means()); // empty cells are NaN and stay NaN
        Rule top = new RuleFinder(5).find(planted()).get(0);
        assertThat(json.readValue(json.writeValueAsString(top), Rule.class)).isEqualTo(top);
    }

    @Test
    void badAlloysAreRefused() {
        assertThatThrownBy(() -> new AlloyObservation("x", List.of("Fe", "Xx"), "", 1))
                .hasMessageContaining("Xx");
        assertThatThrownBy(() -> new AlloyObservation("x", List.of("Fe", "Fe"), "", 1))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new AlloyObservation("x", List.of("Fe"), "", Double.NaN))
                .hasMessageContaining("NaN");
    }
}
