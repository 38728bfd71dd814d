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

    @Test
    void fitCrossValidatesWithGroupsAndComparesWithTheMeanPredictor() throws Exception {
        Path json = tmp.resolve("fit.json");
        Path parity = tmp.resolve("parity.svg");
        Path predictions = tmp.resolve("oof.csv");
        var r = kkr4j("ml", "fit", HEA.toString(), "--target", "moment_per_atom", "--filter", "converged == 1",
                "--model", "ridge", "--repeats", "2", "--out", json.toString(), "--parity", parity.toString(),
                "--predictions", predictions.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 folds x 2 repeats").contains("MAE - MAE(mean predictor)");
        var tree = Json.mapper().readTree(json.toFile());
        int rows = tree.get("crossValidation").get("rows").asInt();
        // every used row is predicted once per repeat, out of fold
        assertThat(Files.readAllLines(predictions)).hasSize(2 * rows + 1);
        assertThat(tree.get("versusMeanPredictor").get("mae").get("mean").isNumber()).isTrue();
        assertThat(Files.readString(parity)).startsWith("<?xml").contains("<svg");
        var bad = kkr4j("ml", "fit", HEA.toString(), "--target", "moment_per_atom", "--model", "boosted");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--model must be one of knn, gp, rf");
    }

    @Test
    void explainPrintsImportanceShapleyAndRulesAndDrawsTheMaps() throws Exception {
        Path groups = tmp.resolve("groups.png");
        Path table = tmp.resolve("table.svg");
        Path json = tmp.resolve("explain.json");
        var r = kkr4j("ml", "explain", HEA.toString(), "--target", "moment_per_atom", "--filter", "converged == 1",
                "--model", "ridge", "--repeats", "2", "--permutations", "2", "--row", "Al0.25Cr0.25Co0.25Cu0.25_bcc",
                "--group-map", groups.toString(), "--periodic-table", table.toString(), "--out", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("permutation importance of").contains("Shapley values of Al0.25Cr0.25Co0.25Cu0.25_bcc")
                .contains("Strongest rules for moment_per_atom");
        var tree = Json.mapper().readTree(json.toFile());
        var s = tree.get("shapley").get("explanation");
        double sum = s.get("baseValue").asDouble();
        for (var v : s.get("values")) {
            sum += v.asDouble();
        }
        assertThat(sum).as("Shapley values add up to the prediction").isCloseTo(s.get("prediction").asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(javax.imageio.ImageIO.read(groups.toFile()).getWidth()).isEqualTo(800);
        // Cr lowers the moment of these alloys (the strongest rule of the data): its effect is below zero
        assertThat(tree.get("elementEffects").get("Cr").asDouble()).isNegative();
        assertThat(Files.readString(table)).contains("<svg").contains(">Cr<");
    }

    @Test
    void suggestProposesCandidatesNotInTheTableAndLearnRecordsACurve() throws Exception {
        Path out = tmp.resolve("suggestions.csv");
        var r = kkr4j("ml", "suggest", HEA.toString(), "--filter", "converged == 1", "--objective",
                "moment_per_atom:max", "--equiatomic", "Al,Ti,V,Cr,Mn,Fe,Co,Ni,Cu", "--batch", "3", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        java.util.Set<String> inTable = new java.util.HashSet<>();
        for (String l : Files.readAllLines(HEA).subList(1, Files.readAllLines(HEA).size())) {
            String[] f = l.split(",");
            if (f[4].equals("1")) {
                inTable.add(f[3] + "_" + f[1]);
            }
        }
        for (String l : lines.subList(1, lines.size())) {
            assertThat(inTable).as("a suggestion is a candidate not computed yet").doesNotContain(l.split(",")[1]);
        }
        var learn = kkr4j("ml", "learn", HEA.toString(), "--filter", "converged == 1", "--target",
                "moment_per_atom", "--initial", "10", "--budget", "20", "--batch", "5");
        assertThat(learn.code()).as(learn.err()).isZero();
        assertThat(learn.out()).contains("stopped: budget of 20");
        var engine = kkr4j("ml", "learn", HEA.toString(), "--target", "moment_per_atom", "--oracle", "engine");
        assertThat(engine.code()).isEqualTo(1);
        assertThat(engine.err()).contains("not supported");
        var badObjective = kkr4j("ml", "suggest", HEA.toString(), "--objective", "moment_per_atom:up",
                "--equiatomic", "Fe,Co,Ni,Cu");
        assertThat(badObjective.code()).isEqualTo(2);
        assertThat(badObjective.err()).contains("write COLUMN:max or COLUMN:min");
    }

    @Test
    void benchMlPrintsTheTableForOneSeed() {
        var r = kkr4j("bench", "ml", "--shared", SharedRoot.path().toString(), "--seeds", "1", "--large-pool", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("random").contains("GP-EI").contains("PHYSBO");
    }
}
