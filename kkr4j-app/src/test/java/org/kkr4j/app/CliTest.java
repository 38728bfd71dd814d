package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.testing.SharedRoot;

/** The commands end to end, on real fixtures and on broken copies of them. */
class CliTest {

    @TempDir
    Path tmp;

    private static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    private static Path fixture(String rel) {
        return SharedRoot.resolve("fixtures/akaikkr/" + rel);
    }

    private static final String HEA = "cpa2002v010-gfortran/hea-3d/MnFeCoCu_bcc/out_go.log";

    @Test
    void parseSummaryShowsTheNumbersAsPrinted() {
        var r = kkr4j("parse", fixture(HEA).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("outcome:  CONVERGED").contains("total energy=-2739.892953332 Ry")
                .contains("E_F up/down=0.7165856/0.7203587");
    }

    @Test
    void parseJsonHoldsTheTypedResult() throws IOException {
        var r = kkr4j("parse", "--json", fixture(HEA).toString());
        assertThat(r.code()).isZero();
        JsonNode root = Json.mapper().readTree(r.out());
        JsonNode deck = root.get("decks").get(0);
        assertThat(deck.get("summary").get("totalEnergyRy").get("value").asDouble()).isEqualTo(-2739.892953332);
        assertThat(deck.get("summary").get("totalEnergyRy").get("raw").asText()).isEqualTo("-2739.892953332");
        assertThat(deck.get("outcome").asText()).isEqualTo("CONVERGED");
    }

    @Test
    void parseCsvHasOneRowPerValue() {
        var r = kkr4j("parse", "--csv", fixture("transcribed-v2022.0721-standard/Fe/out_dos.log").toString());
        assertThat(r.code()).isZero();
        List<String> rows = r.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("quantity,value");
        assertThat(rows).anyMatch(l -> l.startsWith("decks[0].modes.dos.spins[1].totalDosStatesPerRy[199].value,"));
        assertThat(rows).anyMatch(l -> l.equals("decks[0].summary.fermiLevelUpRy.value,0.6827982"));
        assertThat(rows.size()).isGreaterThan(2000);
    }

    @Test
    void truncatedLogPrintsWhatItHasThenFailsSayingWhatIsMissing() throws IOException {
        List<String> lines = Files.readAllLines(fixture(HEA), StandardCharsets.ISO_8859_1);
        int cut = lines.size() / 2;
        Path truncated = tmp.resolve("killed.log");
        Files.write(truncated, lines.subList(0, cut), StandardCharsets.ISO_8859_1);
        var r = kkr4j("parse", truncated.toString());
        assertThat(r.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(r.out()).contains("TRUNCATED");
        assertThat(r.err()).contains(truncated.toString()).contains("no final summary");
    }

    @Test
    void garbageIsATypedErrorNamingTheFile() throws IOException {
        Path junk = tmp.resolve("junk.log");
        Files.write(junk, new byte[] {0, 1, 2, (byte) 0xff, 'x', '\n', 7, 7});
        var r = kkr4j("parse", junk.toString());
        assertThat(r.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(r.err()).contains(junk.toString() + ":1");
    }

    @Test
    void parsesSpectralAndInfoFiles() {
        var spc = kkr4j("parse", fixture("cpa2002v010-gfortran/edge-cases/data").toString() + "/" + firstSpc());
        assertThat(spc.code()).isZero();
        assertThat(spc.out()).contains("format:").contains("k-points x");
        var info = kkr4j("parse", fixture("cpa2002v010-gfortran/hea-3d/MnFeCoCu_bcc/data/pot.info").toString());
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("5.4096");
    }

    private static String firstSpc() {
        try (var s = Files.list(fixture("cpa2002v010-gfortran/edge-cases/data"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_up.spc")).sorted().findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLogNamedSpcIsReadAsALog() {
        var r = kkr4j("parse", fixture("akaitools-samples/out/fe.spc").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("dialect:  CPA2021V01").contains("go=spc");
    }

    @Test
    void cardCheckAcceptsAGoodCardAndExplainsABadOne() {
        var good = kkr4j("card", "check", fixture("cpa2002v010-dist/in/gafeo3").toString(), "--version", "cpa2002v010");
        assertThat(good.code()).isZero();
        assertThat(good.out()).contains("0 errors");
        var longName = kkr4j("card", "check", fixture("cpa2002v010-gfortran/edge-cases/fe_go.in").toString(),
                "--version", "cpa2002v010");
        assertThat(longName.code()).isEqualTo(1);
        assertThat(longName.out()).contains(":12: error: [deck[1].type[1].name]").contains("Fe_long_");
        var fine = kkr4j("card", "check", fixture("cpa2002v010-gfortran/edge-cases/fe_go.in").toString(),
                "--version", "2022.0721");
        assertThat(fine.code()).isZero();
    }

    @Test
    void cardWithADataLineInColumnOneIsATypedError() throws IOException {
        Path card = tmp.resolve("co.in");
        Files.writeString(card, String.join("\n",
                " go data/co",
                " bcc 5.27 , , , , , ,",
                " 0.001 1.2 sra mjw mag init",
                " update 4 20 0.02",
                " 1",
                "Co_1 1 0 0 2",
                " 27 100",
                " 1",
                " 0 0 0 Co_1",
                " end", ""));
        var r = kkr4j("card", "check", card.toString(), "--version", "cpa2002v010");
        assertThat(r.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(r.err()).contains(card.toString() + ":").contains("line 6").contains("column 1");
    }

    @Test
    void cardWithTooFewCommasOrUnknownLatticeIsATypedError() throws IOException {
        Path commas = tmp.resolve("commas.in");
        Files.writeString(commas, " go data/fe\n fcc 6.83 , , , , ,\n 0.001 1.2 sra mjw mag init\n update 4 20 0.02\n"
                + " 1\n Fe 1 0 0 2\n 26 100\n 1\n 0 0 0 Fe\n end\n");
        var r = kkr4j("card", "check", commas.toString(), "--version", "cpa2002v010");
        assertThat(r.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(r.err()).contains(commas.toString() + ":3");
        Path lattice = tmp.resolve("lattice.in");
        Files.writeString(lattice, " go data/fe\n xyz 6.83\n");
        var l = kkr4j("card", "check", lattice.toString(), "--version", "cpa2002v010");
        assertThat(l.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(l.err()).contains(lattice + ":2").contains("brvtyp");
    }

    @Test
    void cardConvertRewritesOrRefuses() throws IOException {
        Path out = tmp.resolve("fe_2022.in");
        var ok = kkr4j("card", "convert", fixture("cpa2002v010-gfortran/edge-cases/fe_go.in").toString(),
                "--from", "cpa2002v010", "--version", "2022.0721", "-o", out.toString());
        assertThat(ok.code()).isZero();
        String text = Files.readString(out);
        assertThat(text).endsWith(" end\n");
        assertThat(text.lines().filter(l -> !l.startsWith("c")).filter(l -> !l.isBlank()))
                .allMatch(l -> l.startsWith(" ")).noneMatch(l -> l.contains(","));
        assertThat(kkr4j("card", "check", out.toString(), "--version", "2022.0721").code()).isZero();
        var refused = kkr4j("card", "convert", fixture("transcribed-v2022.0721-standard/Fe/inputcard_tc").toString(),
                "--from", "2022.0721", "--version", "cpa2002v010");
        assertThat(refused.code()).isEqualTo(ErrorReporter.NOT_SUPPORTED);
        assertThat(refused.err()).contains("go mode 'tc' does not exist in cpa2002v010");
    }

    @Test
    void benchParsePrintsThroughputOfTheWholeCorpus() {
        var r = kkr4j("bench", "parse", "--shared", SharedRoot.path().toString(), "--rounds", "1", "--warmup", "0",
                "--warmup-limit", "0", "--passes", "1", "--threads", "2", "--no-baseline");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("\\d+ specx logs").contains("kkr4j, logs (every quantity, one parse):")
                .contains("2 files at once").contains("MB/s").contains("baseline: skipped");
    }

    @Test
    void benchStoreMeasuresRecordedRunsAgainstTheTargets() {
        var r = kkr4j("bench", "store", "--runs", "40", "--home", tmp.resolve("bench").toString());
        assertThat(r.out()).as(r.err()).contains("40 runs recorded").contains("transitions/s:")
                .contains("metadata bytes/run:").contains("target >= 100");
    }

    @Test
    void demoReplaysRecordedRunsThroughTheWholeChainAndSaysSo() {
        var r = kkr4j("demo", "--home", tmp.resolve("demo").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("REPLAYING recorded real AkaiKKR runs").contains("no specx is started");
        assertThat(r.out().lines().filter(l -> l.contains(" CONVERGED ")).count()).isEqualTo(7);
        assertThat(r.out().lines().filter(l -> l.contains(" COMPLETED ")).count()).isEqualTo(1);
        assertThat(r.out()).contains("Mn25Fe25Co25Cu25").contains("-2739.892953332")
                .containsPattern("answered from the store by run \\d+, no process started");
    }

    @Test
    void ewidthJudgePrintsTheTrailAndAMoveForAContourAboveTheIn4dTail() {
        String dir = "cpa2002v010-gfortran/ewidth-scan/InMnFeCo_fcc_ew1.2/";
        var r = kkr4j("ewidth", "judge", fixture(dir + "out_go.log").toString(), fixture(dir + "out_dos.log").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ewidth 1.2000 Ry").contains("In levels above -3 Ry")
                .contains("4d -1.15").contains("window [-2.2500, 0.7500]").contains("vote fine")
                .containsPattern("decision: move 1\\.2000 -> 1\\.[5-6]");
        var bad = kkr4j("ewidth", "judge", fixture(dir + "out_dos.log").toString(), fixture(dir + "out_dos.log").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("not a go log");
    }
}
