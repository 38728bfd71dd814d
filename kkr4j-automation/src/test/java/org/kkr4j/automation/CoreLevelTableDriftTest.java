package org.kkr4j.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.testing.SharedRoot;

/** The bundled core-level resource holds exactly the facts of the shared tables it was made from. */
class CoreLevelTableDriftTest {
    private static List<String> dataRows(Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String l = line.replace("\r", "");
            if (!l.isBlank()) {
                rows.add(l);
            }
        }
        return rows.subList(1, rows.size());
    }

    @Test
    void resourceMatchesTheSharedTables() throws IOException {
        Path dir = SharedRoot.resolve("data/core-levels");
        List<String> expected = new ArrayList<>();
        for (String r : dataRows(dir.resolve("converged_core_levels_2019.csv"))) {
            String[] f = r.split(",", -1);
            expected.add(String.join(",", f[0], f[1], "A", f[3], f[4], f[5], f[6]));
        }
        for (String r : dataRows(dir.resolve("atomic_core_levels_dsp.csv"))) {
            String[] f = r.split(",", -1);
            if (f[3].isEmpty() || Double.parseDouble(f[3]) < -4.0) {
                continue;
            }
            expected.add(String.join(",", f[1], f[2], "B", f[3], f[3], f[3], f[6]));
        }
        List<String> actual = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CoreLevelTable.RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("element,")) {
                    actual.add(line);
                }
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void tableAWinsOverTableBAndTableBIsWidenedUpwards() {
        CoreLevelTable t = CoreLevelTable.bundled();
        assertThat(t.levels("Pb")).allMatch(l -> l.table() == 'A');
        assertThat(t.levels("Pb")).extracting(CoreLevelTable.Level::orbital).containsExactly("5d");
        // Rb is not in table A; its 4p atomic level becomes a range from level-0.7 to level-0.5+0.3
        assertThat(t.levels("Rb")).isNotEmpty().allMatch(l -> l.table() == 'B'
                && Math.abs(l.maxRy() - l.minRy() - 0.5) < 1e-9);
        assertThat(t.levels("Fe")).allMatch(l -> l.maxRy() < -2.5);
    }
}
