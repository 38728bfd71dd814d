package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kkr4j.elements.Elements;

class FirstGuessTest {
    /** Element → concentration from the go card's component lines (Z and percent after the type line). */
    static Map<String, Double> composition(ScanFixtures.Scan s) {
        try {
            Map<String, Double> out = new LinkedHashMap<>();
            boolean inType = false;
            for (String line : Files.readAllLines(s.dir().resolve("inputcard_go"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("HEA")) {
                    inType = true;
                } else if (inType && f.length == 2) {
                    out.merge(Elements.byZ(Integer.parseInt(f[0])).symbol(), Double.parseDouble(f[1]), Double::sum);
                } else if (inType) {
                    break;
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A guess is right for a system when the gap judgement keeps it on the majority of that system's recorded
     * DOS (only runs whose E_F agrees with the system's median, i.e. whose contour did not cut the valence band).
     */
    @Test
    void theGuessIsKeptByTheGapJudgementOnMostRecordedSystems() {
        Map<String, List<ScanFixtures.Scan>> systems = ScanFixtures.all().stream()
                .collect(Collectors.groupingBy(ScanFixtures.Scan::key));
        int right = 0;
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, List<ScanFixtures.Scan>> e : systems.entrySet()) {
            List<ScanFixtures.Scan> scans = e.getValue();
            double[] ef = scans.stream().mapToDouble(x -> x.go().fermiLevelUpRy().getAsDouble()).sorted().toArray();
            double median = ef[ef.length / 2];
            List<ScanFixtures.Scan> good = scans.stream()
                    .filter(x -> Math.abs(x.go().fermiLevelUpRy().getAsDouble() - median) <= 0.03).toList();
            FirstGuess.Proposal p = FirstGuess.propose(composition(scans.get(0)));
            assertThat(p.ewidthRy()).as(e.getKey()).isPresent();
            double g = p.ewidthRy().getAsDouble();
            long keeps = good.stream().filter(x -> GapJudge.judge(List.of(x.dos().totalPerAtom()), g,
                    x.dos().edeltRy(), GapThresholds.method2()).kind() == EwidthDecision.Kind.KEEP).count();
            boolean ok = 2 * keeps > good.size();
            right += ok ? 1 : 0;
            report.add(e.getKey() + " " + g + " kept on " + keeps + "/" + good.size());
        }
        System.out.println("first guess: " + right + "/" + systems.size() + " " + report);
        assertThat(right).as(report.toString()).isGreaterThanOrEqualTo(systems.size() * 8 / 10);
    }

    @Test
    void noLevelsGivesTheValenceClearanceValueAndAShallowLevelPushesTheContourBelowIt() {
        FirstGuess.Proposal plain = FirstGuess.propose(Map.of("Fe", 0.5, "Co", 0.5));
        assertThat(plain.ewidthRy().getAsDouble()).isEqualTo(-(FirstGuess.VALENCE_BOTTOM_RY - 0.2 - 0.01));
        // Pb 5d (table A, -1.354..-1.227) cannot stay core under that contour: it must be wholly inside
        FirstGuess.Proposal pb = FirstGuess.propose(Map.of("Pb", 0.25, "Fe", 0.75));
        assertThat(pb.ewidthRy().getAsDouble()).isGreaterThanOrEqualTo(1.354 + 0.25 + 0.2 + 0.01 - 1e-9)
                .isLessThan(1.354 + 0.25 + 0.2 + 0.01 + 0.006);
        assertThat(pb.reasons()).anyMatch(r -> r.startsWith("Pb 5d (table A"));
        // a zero concentration does not count
        assertThat(FirstGuess.propose(Map.of("Pb", 0.0, "Fe", 1.0)).ewidthRy())
                .isEqualTo(plain.ewidthRy());
    }
}
