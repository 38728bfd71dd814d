package org.kkr4j.io.akaikkr.output.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.modes.ModeFixtures.Log;
import org.kkr4j.io.akaikkr.output.modes.ModeFixtures.Mode;

/** The J_ij rows equal the {@code jij.csv} files kept beside the logs (written by the test suite upstream). */
class JijCsvTest {

    static Stream<Log> logsWithCsv() {
        return ModeFixtures.of(Mode.J).stream().filter(l -> Files.exists(csv(l)));
    }

    private static Path csv(Log log) {
        return log.path().resolveSibling("jij.csv");
    }

    @Test
    void bothBuildsAreCovered() {
        List<Log> logs = logsWithCsv().toList();
        assertThat(logs).anyMatch(l -> l.dialect() == AkaiVersion.V2022_0721);
        assertThat(logs).anyMatch(l -> l.dialect() == AkaiVersion.V2022_0721_CND);
        assertThat(logs).anyMatch(l -> !ModeBlockParser.parse(SourceText.read(l.path()), l.dialect(), List.of())
                .jij().orElseThrow().pairList().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logsWithCsv")
    void rowsEqualCsv(Log log) throws IOException {
        List<String> lines = Files.readAllLines(csv(log));
        String[] header = lines.get(0).split(",");
        JijResult jij = ModeBlockParser.parse(SourceText.read(log.path()), log.dialect(), List.of()).jij().orElseThrow();
        String multLabel = log.dialect() == AkaiVersion.V2022_0721_CND ? "dgn" : "mult";
        assertThat(header[10]).isEqualTo(multLabel);
        List<String[]> ours = new ArrayList<>();
        for (JijPairBlock b : jij.blocks()) {
            assertThat(b.multiplicityLabel()).isEqualTo(multLabel);
            for (JijRow r : b.rows()) {
                ours.add(new String[] {b.type1().orElseThrow(), b.type2().orElseThrow()});
            }
        }
        List<JijRow> rows = jij.rows();
        assertThat(rows).hasSize(lines.size() - 1);
        for (int i = 0; i < rows.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            JijRow r = rows.get(i);
            assertThat(r.site1()).isEqualTo(Integer.parseInt(f[0]));
            assertThat(r.site2()).isEqualTo(Integer.parseInt(f[1]));
            assertThat(r.comp1()).isEqualTo(Integer.parseInt(f[2]));
            assertThat(r.comp2()).isEqualTo(Integer.parseInt(f[3]));
            assertThat(r.cellA()).isEqualTo(Double.parseDouble(f[4]));
            assertThat(r.cellB()).isEqualTo(Double.parseDouble(f[5]));
            assertThat(r.cellC()).isEqualTo(Double.parseDouble(f[6]));
            assertThat(r.distanceA()).isEqualTo(Double.parseDouble(f[7]));
            assertThat(r.jijRy()).isEqualTo(Double.parseDouble(f[8]));
            assertThat(r.jijMeV()).isEqualTo(Double.parseDouble(f[9]));
            assertThat(r.multiplicity()).isEqualTo(Integer.parseInt(f[10]));
            assertThat(ours.get(i)).containsExactly(f[11], f[12]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logsWithCsv")
    void pairListOfTheStandardBuild(Log log) {
        SourceText src = SourceText.read(log.path());
        JijResult jij = ModeBlockParser.parse(src, log.dialect(), List.of()).jij().orElseThrow();
        long printedRows = src.lines().stream()
                .filter(l -> l.matches("\\s+\\d+(\\s+\\d+){4}\\s+\\(.*")).count();
        assertThat(jij.pairList()).hasSize((int) printedRows);
        for (JijPairListRow p : jij.pairList()) {
            String[] t = src.line(p.line()).replace('(', ' ').replace(')', ' ').trim().split("\\s+");
            assertThat(new double[] {p.pair(), p.atom1(), p.atom2(), p.comp1(), p.comp2(), p.cell1(), p.cell2(),
                    p.cell3(), p.distanceA(), p.jMeV(), p.index()})
                    .containsExactly(Stream.of(t).mapToDouble(Double::parseDouble).toArray());
        }
        assertThat(jij.dlimitA()).contains(3.0);
    }

}
