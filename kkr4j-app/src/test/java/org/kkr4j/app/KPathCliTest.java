package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.KPath;
import org.kkr4j.io.akaikkr.card.KPoint;
import org.kkr4j.io.testing.SharedRoot;

/** {@code kkr4j convert --go spcXY} and {@code kkr4j structure kpath} end to end. */
class KPathCliTest {

    @TempDir
    Path tmp;

    private static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    private static String input(String rel) {
        return SharedRoot.resolve("fixtures/structures/inputs/" + rel).toString();
    }

    private static CardDeck deck(String text, AkaiVersion v) {
        return CardReader.read(new SourceText("out", text.lines().toList()), v).decks().get(0);
    }

    @Test
    void spc21WritesTheWholePathWithDivisionsSummingToTheRequestedCount() {
        var r = kkr4j("convert", input("tests/Cu-Fm3m.cif"), "--to", "akaikkr", "--version", "cpa2002v010",
                "--go", "spc21", "--kpoints", "150");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("k-path FCC: Γ-X-W-K-Γ-L-U-W-L-K|U-X (12 symmetry points, 150 k-points)");
        CardDeck d = deck(r.out(), AkaiVersion.CPA2002V010);
        assertThat(d.go()).isEqualTo("spc21");
        KPath k = d.kPath().orElseThrow();
        assertThat(k.format()).isEqualTo(KPath.Format.DIVISIONS);
        assertThat(k.points()).hasSize(12);
        assertThat(k.points().stream().filter(p -> p.divisions().getAsInt() <= 1)).hasSize(2);
        int total = k.points().stream().mapToInt(p -> Math.max(1, p.divisions().getAsInt())).sum();
        assertThat(total).isBetween(140, 160);
        // X of fcc in 2π/a
        KPoint x = k.points().get(1);
        double[] abs = {Math.abs(x.k().x()), Math.abs(x.k().y()), Math.abs(x.k().z())};
        java.util.Arrays.sort(abs);
        assertThat(abs).containsExactly(new double[] {0, 0, 1}, within(1e-9));
    }

    @Test
    void spc31WritesTheTotalCountAndTheFirstSegmentOnly() {
        var r = kkr4j("convert", input("tests/Co_P63mmc.cif"), "--to", "akaikkr", "--go", "spc31", "--kpoints", "120");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("only the first continuous segment").contains("Γ-M-K-Γ-A-L-H-A");
        KPath k = deck(r.out(), AkaiVersion.V2022_0721).kPath().orElseThrow();
        assertThat(k.format()).isEqualTo(KPath.Format.TOTAL_COUNT);
        assertThat(k.totalPoints()).hasValue(120);
        assertThat(k.points()).hasSize(8);
    }

    @Test
    void spc11WritesEveryPointAndLowSymmetryLatticesWork() {
        var r = kkr4j("convert", input("synthetic/C2_bsm.cif"), "--to", "akaikkr", "--go", "spc11", "--kpoints", "80");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("k-path MCLC");
        CardDeck d = deck(r.out(), AkaiVersion.V2022_0721);
        assertThat(d.lattice().keyword()).isEqualTo("bsm");
        KPath k = d.kPath().orElseThrow();
        assertThat(k.format()).isEqualTo(KPath.Format.EXPLICIT);
        assertThat(k.points().size()).isBetween(70, 110);
    }

    @Test
    void auxWithSpcIsFractionalOn2022AndRefusedOnV010() {
        var ok = kkr4j("convert", input("synthetic/Cmcm_bso.cif"), "--to", "akaikkr", "--aux", "--go", "spc21");
        assertThat(ok.code()).as(ok.err()).isZero();
        CardDeck d = deck(ok.out(), AkaiVersion.V2022_0721);
        assertThat(d.lattice().keyword()).isEqualTo("aux");
        assertThat(d.kPath().orElseThrow().points()).hasSize(14);
        assertThat(ok.err()).contains("k-path ORCC");
        var refused = kkr4j("convert", input("synthetic/Cmcm_bso.cif"), "--to", "akaikkr", "--aux", "--version",
                "cpa2002v010", "--go", "spc21", "-o", tmp.resolve("x.in").toString());
        assertThat(refused.code()).isEqualTo(ErrorReporter.NOT_SUPPORTED);
        assertThat(refused.err()).contains("not supported").contains("aux on cpa2002v010");
        assertThat(tmp.resolve("x.in")).doesNotExist();
        var kp = kkr4j("structure", "kpath", input("synthetic/Cmcm_bso.cif"), "--aux", "--version", "cpa2002v010");
        assertThat(kp.code()).isEqualTo(ErrorReporter.NOT_SUPPORTED);
        assertThat(kp.err()).contains("aux on cpa2002v010");
    }

    @Test
    void structureKpathPrintsTheLabelledPathOfACardAndOfACif() throws IOException {
        var text = kkr4j("structure", "kpath", input("synthetic/P-1_tri.cif"), "--version", "cpa2002v010");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("brvtyp trc, TRI1a path X-Γ-Y|L-Γ-Z|N-Γ-M|R-Γ (11 symmetry points)")
                .contains("cartesian 2pi/a");
        Path card = SharedRoot.resolve("fixtures/akaikkr/cpa2002v010-dist/in/fe");
        var j = kkr4j("structure", "kpath", card.toString(), "--from-version", "cpa2002v010", "--json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode root = Json.mapper().readTree(j.out());
        assertThat(root.get("brvtyp").asText()).isEqualTo("bcc");
        assertThat(root.get("variant").asText()).isEqualTo("BCC");
        assertThat(root.get("points")).hasSize(8);
        JsonNode h = root.get("points").get(1);
        assertThat(h.get("label").asText()).isEqualTo("H");
        double[] hk = {h.get("card").get(0).asDouble(), h.get("card").get(1).asDouble(), h.get("card").get(2).asDouble()};
        assertThat(Math.abs(hk[0]) + Math.abs(hk[1]) + Math.abs(hk[2])).isCloseTo(1, within(1e-9));
    }

    @Test
    void badGoAndKpointsAreRejected() {
        var bad = kkr4j("convert", input("tests/Cu-Fm3m.cif"), "--to", "akaikkr", "--go", "spc21", "--kpoints", "1");
        assertThat(bad.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(bad.err()).contains("--kpoints");
        var cif = kkr4j("convert", input("tests/Cu-Fm3m.cif"), "--to", "cif", "--go", "spc21");
        assertThat(cif.code()).isEqualTo(ErrorReporter.BAD_INPUT);
        assertThat(cif.err()).contains("--to akaikkr only");
    }
}
