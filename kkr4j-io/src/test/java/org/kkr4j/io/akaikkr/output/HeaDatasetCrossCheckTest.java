package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.testing.SharedRoot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hea-3d dataset was tabulated from the same go logs by other means; every value in it must be
 * what kkr4j reads from the log. The dataset grows, so rows are discovered, not counted.
 */
class HeaDatasetCrossCheckTest {

    record Row(String system, String lattice, String[] header, String[] cells) {
        String get(String column) {
            int i = Arrays.asList(header).indexOf(column);
            return i < cells.length ? cells[i] : "";
        }

        Path log() {
            return SharedRoot.path().resolve("fixtures/akaikkr/cpa2002v010-gfortran/hea-3d/" + system + "_" + lattice
                    + "/out_go.log");
        }

        @Override
        public String toString() {
            return system + "_" + lattice;
        }
    }

    static Stream<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(SharedRoot.resolve("datasets/hea-3d/hea3d_equiatomic.csv"));
        String[] header = lines.get(0).split(",", -1);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            rows.add(new Row(cells[0], cells[1], header, cells));
        }
        assertThat(rows).isNotEmpty();
        return rows.stream();
    }

    @Test
    void mostDatasetRowsHaveARecordedLog() throws IOException {
        List<Row> all = rows().toList();
        long withLog = all.stream().filter(r -> Files.exists(r.log())).count();
        assertThat(withLog).as("rows with a recorded log").isGreaterThanOrEqualTo(all.size() * 9 / 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void datasetRowEqualsWhatTheLogSays(Row row) {
        // the dataset may list alloys whose logs are not among the recorded fixtures (yet)
        Assumptions.assumeTrue(Files.exists(row.log()), "no recorded log for " + row);
        SpecxLog log = SpecxLogParser.parse(SourceText.read(row.log()));
        assertThat(log.decks()).hasSize(1);
        Deck deck = log.decks().get(0);
        assertThat(deck.converged()).isEqualTo(row.get("converged").equals("1"));
        assertThat(deck.lattice().aBohr().value()).isEqualTo(Double.parseDouble(row.get("a_bohr")));
        assertThat(deck.summary().totalEnergyRy().value()).isEqualTo(Double.parseDouble(row.get("total_energy_Ry")));
        assertThat(deck.summary().fermiLevelUpRy().value()).isEqualTo(Double.parseDouble(row.get("ef_up_Ry")));
        assertThat(deck.summary().fermiLevelDownRy().value()).isEqualTo(Double.parseDouble(row.get("ef_dn_Ry")));
        assertThat(deck.lastIteration().momentMuB().value())
                .isEqualTo(Double.parseDouble(row.get("moment_per_atom")));
        int checked = 0;
        for (ComponentResult c : deck.components()) {
            String expected = row.get("m_" + c.element());
            assertThat(expected).as("dataset has a moment for %s", c.element()).isNotEmpty();
            assertThat(c.spinMomentMuB().value()).as(c.element()).isEqualTo(Double.parseDouble(expected));
            checked++;
        }
        assertThat(checked).isEqualTo(row.get("elements").split(" ").length);
    }
}
