package org.kkr4j.io.akaikkr.output.modes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;

/** The cnd and tc blocks of the 2022.0721 logs, read in full and cut or damaged in memory. */
class TransportAndTcTest {

    private static SourceText cnd() {
        return SourceText.read(SharedRoot.akaikkr().resolve("transcribed-v2022.0721-cnd/NiFe/out_cnd.log"));
    }

    private static SourceText tc() {
        return SourceText.read(SharedRoot.akaikkr().resolve("transcribed-v2022.0721-standard/FeRh05Pt05/out_tc.log"));
    }

    @Test
    void cndRunIsReadCompletely() {
        SourceText src = cnd();
        ModeResults r = ModeBlockParser.parse(src, AkaiVersion.V2022_0721_CND, List.of());
        assertThat(r.issues()).isEmpty();
        assertThat(r.dos()).as("cnd PDOS tables are not go=dos output").isEmpty();
        TransportResult t = r.transport().orElseThrow();
        assertThat(t.totalConductivityAu()).contains(6.40418);
        assertThat(t.resistivityMicroOhmCm()).contains(6.78926);
        assertThat(t.spins()).extracting(TransportSpin::spin).containsExactly(SpinChannel.UP, SpinChannel.DOWN);
        TransportSpin up = t.spins().get(0);
        assertThat(up.conductivityAu()).contains(5.39374);
        assertThat(t.spins().get(1).conductivityAu()).contains(1.01045);
        assertThat(up.vertexCorrection()).hasSize(3);
        assertThat(up.vertexCorrection().get(0)).isEqualTo(new VertexCorrectionRow(214, 1, 1,
                List.of(825.237, -7204.84, 241.619, -4.85843)));
        assertThat(up.pdos()).hasSize(2);
        TransportPdos ni = up.pdos().get(1);
        assertThat(ni.component()).isEqualTo(2);
        assertThat(ni.columns()).containsExactly("sdosup", "pdosup", "ddosup", "fdosup");
        assertThat(ni.rows().get(0).energyRy()).isEqualTo(-5.0e-3);
        assertThat(ni.rows().get(0).statesPerRy()).containsExactly(804.69, 0.37458, 1.9718, 0.012227);
        ConductivityTable c = up.conductivity().get(0);
        assertThat(c.component()).isEqualTo(3);
        assertThat(c.columnLabel()).isEqualTo("cndup");
        assertThat(c.rowsAu()).extracting(DosPoint::value).containsExactly(17.6811, 5.393737, 5.591151);
        assertThat(t.spins().get(1).pdos().get(0).columns()).containsExactly("sdosdn", "pdosdn", "ddosdn", "fdosdn");
        assertThat(t.spins().get(1).conductivity().get(0).columnLabel()).isEqualTo("cnddown");
    }

    @Test
    void killedCndRunKeepsWhatWasPrinted() {
        SourceText src = cnd();
        int cut = 0;
        while (!src.line(++cut).trim().startsWith("cnd1")) {
            // find the end of the spin-up section
        }
        List<String> lines = new ArrayList<>(src.lines().subList(0, cut - 3));
        ModeResults r = ModeBlockParser.parse(new SourceText("killed", lines), AkaiVersion.V2022_0721_CND, List.of());
        TransportResult t = r.transport().orElseThrow();
        assertThat(t.spins()).singleElement().satisfies(s -> {
            assertThat(s.conductivityAu()).isEmpty();
            assertThat(s.conductivity().get(0).rowsAu()).hasSize(2);
        });
        assertThat(t.resistivityMicroOhmCm()).isEmpty();
        assertThat(r.issues()).extracting(ParseIssue::kind)
                .contains(ParseIssue.Kind.TRUNCATED, ParseIssue.Kind.MISSING);
    }

    @Test
    void damagedCndRowIsAFormatError() {
        List<String> lines = new ArrayList<>(cnd().lines());
        int row = lines.indexOf(" *** vertex correction made") + 2;
        lines.set(row, "  2  1  3.86394E+01 -2.05676E+02  2.868l2E+02  5.76552E+00");
        assertThatThrownBy(() -> ModeBlockParser.parse(new SourceText("bad", lines), null, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .satisfies(e -> assertThat(((KkrFormatException) e).line()).isEqualTo(row + 1));
    }

    @Test
    void molecularFieldTableAndTc() {
        ModeResults r = ModeBlockParser.parse(tc(), AkaiVersion.V2022_0721, List.of());
        CurieTemperatureResult c = r.curie().orElseThrow();
        assertThat(c.curieTemperatureK()).contains(219.115);
        assertThat(c.molecularFields()).extracting(MolecularFieldRow::hmfMeV)
                .containsExactly(3.727407, 111.403905, 56.382257);
        assertThat(c.molecularFields().get(2)).extracting(MolecularFieldRow::sublattice, MolecularFieldRow::component,
                MolecularFieldRow::hmfRy).containsExactly(2, 2, 0.004144);
        assertThat(r.jij()).isEmpty();
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void damagedOrKilledTcTable() {
        List<String> lines = new ArrayList<>(tc().lines());
        int row = 0;
        while (!lines.get(row).contains("Hmf(meV)")) {
            row++;
        }
        int firstRow = row + 2;
        List<String> bad = new ArrayList<>(lines);
        bad.set(firstRow + 1, "      2     1     0.008188");
        assertThatThrownBy(() -> ModeBlockParser.parse(new SourceText("bad", bad), null, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .satisfies(e -> assertThat(((KkrFormatException) e).line()).isEqualTo(firstRow + 2));
        List<String> killed = new ArrayList<>(lines.subList(0, firstRow + 2));
        ModeResults r = ModeBlockParser.parse(new SourceText("killed", killed), null, List.of());
        assertThat(r.curie().orElseThrow().molecularFields()).hasSize(2);
        assertThat(r.curie().orElseThrow().curieTemperatureK()).isEmpty();
        assertThat(r.issues()).extracting(ParseIssue::kind).containsOnly(ParseIssue.Kind.TRUNCATED);
    }
}
