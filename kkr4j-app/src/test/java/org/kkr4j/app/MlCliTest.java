package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.testing.SharedRoot;

/** {@code kkr4j ml ...} end to end on the real hea-3d dataset and on broken tables. */
class MlCliTest {
    static final Path HEA = SharedRoot.resolve("datasets/hea-3d/hea3d_equiatomic.csv");

    @TempDir
    Path tmp;

    static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    @Test
    void describeWritesOneRowPerUsedRowAndSaysWhichWereLeftOut() throws Exception {
        long dataRows = Files.readAllLines(HEA).stream().skip(1).filter(l -> !l.isBlank()).count();
        long notConverged = Files.readAllLines(HEA).stream().skip(1).filter(l -> l.split(",")[4].equals("0")).count();
        Path out = tmp.resolve("d.csv");
        var r = kkr4j("ml", "describe", HEA.toString(), "--target", "moment_per_atom", "--unit", "muB/atom",
                "--filter", "converged == 1", "--out", out.toString(), "--list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(dataRows + " rows, " + (dataRows - notConverged) + " used, " + notConverged
                + " left out").contains("mean.group").contains("mixing.vec");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize((int) (dataRows - notConverged) + 1);
        assertThat(lines.get(0)).startsWith("id,group,moment_per_atom,").contains("mean.group");
        Path json = tmp.resolve("d.json");
        assertThat(kkr4j("ml", "describe", HEA.toString(), "--target", "moment_per_atom", "--out", json.toString())
                .code()).isZero();
        assertThat(Files.readString(json)).contains("\"mixing.entropy\"");
    }

    @Test
    void aCompositionThatDoesNotParseNamesItsLineAndColumn() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "composition,lattice,m\nFe0.5Co0.5,fcc,1.5\nFe0.5Qq0.5,bcc,2.0\n");
        var r = kkr4j("ml", "describe", bad.toString(), "--target", "m");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv").contains("line 3").contains("composition");
        var lenient = kkr4j("ml", "describe", bad.toString(), "--target", "m", "--leave-out-bad-rows");
        assertThat(lenient.code()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("2 rows, 1 used, 1 left out").contains("line 3");
    }
}
