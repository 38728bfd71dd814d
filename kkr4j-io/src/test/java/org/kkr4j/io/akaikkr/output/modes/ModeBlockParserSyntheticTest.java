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

/**
 * Hazards that no fixture shows, built in memory from real blocks: the v010 dos log of the
 * edge-case runs (bcc Fe, lmxtyp 2, magnetic) with single lines replaced.
 */
class ModeBlockParserSyntheticTest {

    private static final String NAME = "synthetic.log";

    private static List<String> feDos() {
        return new ArrayList<>(SourceText.read(SharedRoot.akaikkr()
                .resolve("cpa2002v010-gfortran/edge-cases/fe_dos.out")).lines());
    }

    private static int indexOf(List<String> lines, String trimmed, int occurrence) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(trimmed) && ++seen == occurrence) {
                return i;
            }
        }
        throw new IllegalStateException(trimmed + " #" + occurrence + " not found");
    }

    private static ModeResults parse(List<String> lines, AkaiVersion dialect, List<String> types) {
        return ModeBlockParser.parse(new SourceText(NAME, lines), dialect, types);
    }

    private static List<ParseIssue> issues(ModeResults r, ParseIssue.Kind kind) {
        return r.issues().stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void pdosFieldOfTenThousandOrMoreRunsTogetherAndIsSplitByWidth() {
        List<String> lines = feDos();
        int row = indexOf(lines, "DOS of component 1", 1) + 1;
        // f10.4 of 12188.5942 fills all ten characters: no blank is left after 0.0899
        lines.set(row, " -0.7500" + "   " + "    0.0899" + "12188.5942" + "    0.0106");
        assertThat(lines.get(row)).contains("0.089912188.5942");
        ModeResults r = parse(lines, AkaiVersion.CPA2002V010, List.of());
        PdosRow first = r.dos().orElseThrow().spins().get(0).components().get(0).rows().get(0);
        assertThat(first.energyRy()).isEqualTo(-0.75);
        assertThat(first.statesPerRy()).containsExactly(0.0899, 12188.5942, 0.0106);
        assertThat(issues(r, ParseIssue.Kind.RUN_TOGETHER)).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(row + 1);
            assertThat(i.field()).isEqualTo("dos.up.component[1].p");
            assertThat(i.source()).isEqualTo(NAME);
        });
        // the same with the dialect unknown: the layout comes from the lmxtyp echo
        assertThat(parse(lines, null, List.of()).dos()).isEqualTo(r.dos());
    }

    @Test
    void overflowedPdosFieldIsNaNWithAnIssueNeverAFakeNumber() {
        List<String> lines = feDos();
        int row = indexOf(lines, "DOS of component 1", 2) + 5;
        String original = lines.get(row);
        lines.set(row, original.substring(0, 21) + "**********" + original.substring(31));
        ModeResults r = parse(lines, AkaiVersion.CPA2002V010, List.of());
        SpinDos down = r.dos().orElseThrow().spins().get(1);
        assertThat(down.spin()).isEqualTo(SpinChannel.DOWN);
        PdosRow bad = down.components().get(0).rows().get(4);
        assertThat(bad.line()).isEqualTo(row + 1);
        assertThat(bad.statesPerRy().get(1)).isNaN();
        assertThat(bad.statesPerRy().get(0)).isEqualTo(Double.parseDouble(original.substring(11, 21).trim()));
        assertThat(bad.statesPerRy()).doesNotContain(1000.0);
        assertThat(issues(r, ParseIssue.Kind.OVERFLOW)).singleElement()
                .satisfies(i -> assertThat(i.field()).isEqualTo("dos.down.component[1].p"));
        assertThat(r.issues()).hasSize(1);
    }

    @Test
    void componentIndexOverflowingI2IsCountedInOrder() {
        List<String> lines = feDos();
        int header = indexOf(lines, "DOS of component 1", 1);
        lines.set(header, " DOS of component**");
        ModeResults r = parse(lines, AkaiVersion.CPA2002V010, List.of());
        ComponentPdos c = r.dos().orElseThrow().spins().get(0).components().get(0);
        assertThat(c.component()).isEqualTo(1);
        assertThat(c.printedIndex()).isEmpty();
        assertThat(c.rows()).hasSize(201);
        assertThat(issues(r, ParseIssue.Kind.OVERFLOW)).singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(header + 1));
    }

    /** A v010 deck with lmxtyp 4: five values per energy; Fortran writes the fifth on its own line in f7.4. */
    private static List<String> wrappedDeck(boolean withTypeBlock) {
        List<String> l = new ArrayList<>();
        l.add("   magtyp=nmag");
        if (withTypeBlock) {
            l.add("   type=Ce        rmt= 0.00000 field=  0.000   lmxtyp=  4");
            l.add("                  component= 1  anclr=  58.  conc= 1.0000");
        }
        l.add("");
        l.add("");
        l.add(" DOS of component 1");
        l.add(" -0.7500       0.0015    0.0003    0.0106    2.0020");
        l.add("  0.0001");
        l.add(" -0.7450       0.0016    0.0004    0.0107    2.1020");
        l.add("  0.0002");
        l.add(" -0.7400       0.0017    0.0005    0.0108    2.2020");
        l.add(" 12.0003");
        l.add("");
        l.add("");
        l.add(" total DOS");
        l.add("   -0.7475000      0.00120");
        l.add("   -0.7425000      0.00130");
        l.add("");
        l.add("");
        l.add(" integrated DOS");
        l.add("   -0.7500000      0.00000");
        l.add("   -0.7450000      0.00001");
        l.add("   -0.7400000      0.00002");
        l.add("   itr=  1 neu=    3.0606  moment=  0.0000  te=  -2536.17879463  err=  0.679");
        return l;
    }

    @Test
    void lmxtypFourRowsWrapOverTwoLines() {
        for (boolean typeBlock : new boolean[] {true, false}) {
            for (AkaiVersion dialect : new AkaiVersion[] {AkaiVersion.CPA2002V010, null}) {
                ModeResults r = parse(wrappedDeck(typeBlock), dialect, List.of());
                assertThat(r.issues()).as("typeBlock=%s dialect=%s", typeBlock, dialect).isEmpty();
                SpinDos only = r.dos().orElseThrow().spins().get(0);
                assertThat(only.spin()).isEqualTo(SpinChannel.NON_MAGNETIC);
                ComponentPdos c = only.components().get(0);
                assertThat(c.columns()).containsExactly("s", "p", "d", "f", "g");
                assertThat(c.rows()).extracting(PdosRow::energyRy).containsExactly(-0.75, -0.745, -0.74);
                assertThat(c.rows().get(0).statesPerRy()).containsExactly(0.0015, 0.0003, 0.0106, 2.002, 0.0001);
                assertThat(c.rows().get(2).statesPerRy()).containsExactly(0.0017, 0.0005, 0.0108, 2.202, 12.0003);
                assertThat(c.rows().get(1).line()).isEqualTo(typeBlock ? 9 : 7);
                assertThat(only.totalDosStatesPerRy()).hasSize(2);
                assertThat(only.integratedDosStates()).extracting(DosPoint::value).containsExactly(0.0, 0.00001, 0.00002);
            }
        }
    }

    @Test
    void rowsDisagreeingWithLmxtypAreAFormatError() {
        List<String> l = wrappedDeck(true);
        l.set(1, l.get(1).replace("lmxtyp=  4", "lmxtyp=  2"));
        assertThatThrownBy(() -> parse(l, AkaiVersion.CPA2002V010, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .satisfies(e -> {
                    KkrFormatException k = (KkrFormatException) e;
                    assertThat(k.source()).isEqualTo(NAME);
                    assertThat(k.line()).isEqualTo(7);
                    assertThat(k.field()).isEqualTo("dos.nmag.component[1]");
                    assertThat(k.problem()).contains("lmxtyp=2");
                });
    }

    @Test
    void totalColumnIsRecognisedFromTheDataWhenNothingElseIsKnown() {
        List<String> l = new ArrayList<>();
        l.add(" DOS of component 1");
        l.add("  -0.5000       0.5572    0.1356    0.0796    0.7723");
        l.add("  -0.4950       0.5126    0.1288    0.0811    0.7225");
        l.add("");
        l.add(" total DOS");
        l.add("   -0.4975000      0.90871");
        l.add("");
        l.add(" integrated DOS");
        l.add("   -0.5000000      0.00000");
        l.add("   -0.4950000      0.00454");
        l.add("   itr=  1");
        ModeResults r = parse(l, null, List.of());
        ComponentPdos c = r.dos().orElseThrow().spins().get(0).components().get(0);
        assertThat(c.columns()).containsExactly("s", "p", "d", "total");
        assertThat(c.hasTotalColumn()).isTrue();
        assertThat(issues(r, ParseIssue.Kind.MISSING)).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("magtyp"));
        // the same rows written by a dialect without a total: s p d f
        l.set(1, "  -0.5000       0.5572    0.1356    0.0796    0.0100");
        ComponentPdos f = parse(l, null, List.of()).dos().orElseThrow().spins().get(0).components().get(0);
        assertThat(f.columns()).containsExactly("s", "p", "d", "f");
    }

    @Test
    void dosRowThatIsNotNumbersIsAFormatErrorNamingLineAndField() {
        List<String> lines = feDos();
        int row = indexOf(lines, "DOS of component 1", 1) + 10;
        lines.set(row, lines.get(row).substring(0, 21) + "    0.0x03" + lines.get(row).substring(31));
        assertThatThrownBy(() -> parse(lines, AkaiVersion.CPA2002V010, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .hasMessageContaining(NAME + ":" + (row + 1))
                .hasMessageContaining("dos.up.component[1]");
        List<String> shifted = feDos();
        shifted.set(row, shifted.get(row) + "  ");
        shifted.set(row, " " + shifted.get(row));
        assertThatThrownBy(() -> parse(shifted, AkaiVersion.CPA2002V010, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .satisfies(e -> assertThat(((KkrFormatException) e).line()).isEqualTo(row + 1));
    }

    @Test
    void tableCutShortInsideACompleteLogIsAFormatError() {
        List<String> lines = feDos();
        int header = indexOf(lines, "DOS of component 1", 1);
        lines.subList(header + 150, header + 202).clear();
        assertThatThrownBy(() -> parse(lines, AkaiVersion.CPA2002V010, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .hasMessageContaining("total DOS has 200 rows, expected 148");
    }

    @Test
    void truncatedLogGivesWhatWasPrintedAndATruncatedIssue() {
        List<String> lines = feDos();
        int down = indexOf(lines, "DOS of component 1", 2);
        List<String> cut = new ArrayList<>(lines.subList(0, down + 51));
        cut.add(" -0.4950       0.00"); // the process was killed while writing this row
        ModeResults r = parse(cut, AkaiVersion.CPA2002V010, List.of());
        DosResult dos = r.dos().orElseThrow();
        assertThat(dos.spins()).hasSize(2);
        assertThat(dos.spins().get(0).integratedDosStates()).hasSize(201);
        ComponentPdos partial = dos.spins().get(1).components().get(0);
        assertThat(partial.rows()).hasSize(50);
        assertThat(dos.spins().get(1).totalDosStatesPerRy()).isEmpty();
        assertThat(issues(r, ParseIssue.Kind.TRUNCATED)).isNotEmpty()
                .anySatisfy(i -> assertThat(i.line()).isEqualTo(cut.size()))
                .allSatisfy(i -> assertThat(i.field()).startsWith("dos.down"));

        // killed between blocks: the spin-down set is missing altogether
        List<String> upOnly = new ArrayList<>(lines.subList(0, down - 2));
        ModeResults u = parse(upOnly, AkaiVersion.CPA2002V010, List.of());
        assertThat(u.dos().orElseThrow().spins()).singleElement()
                .satisfies(s -> assertThat(s.spin()).isEqualTo(SpinChannel.UP));
        assertThat(issues(u, ParseIssue.Kind.TRUNCATED)).isNotEmpty();
    }

    @Test
    void totalDosValueFillingItsFieldIsSplitByWidth() {
        List<String> lines = feDos();
        int row = indexOf(lines, "total DOS", 1) + 1;
        lines.set(row, " " + "  -0.7475000" + "1234567.12345");
        ModeResults r = parse(lines, AkaiVersion.CPA2002V010, List.of());
        DosPoint p = r.dos().orElseThrow().spins().get(0).totalDosStatesPerRy().get(0);
        assertThat(p.energyRy()).isEqualTo(-0.7475);
        assertThat(p.value()).isEqualTo(1234567.12345);
        assertThat(issues(r, ParseIssue.Kind.RUN_TOGETHER)).singleElement()
                .satisfies(i -> assertThat(i.field()).isEqualTo("dos.up.total"));
    }

    @Test
    void deckRangeIsRespected() {
        List<String> one = feDos();
        List<String> two = new ArrayList<>(one);
        two.addAll(one);
        SourceText src = new SourceText(NAME, two);
        ModeResults first = ModeBlockParser.parse(src, 1, one.size(), AkaiVersion.CPA2002V010, List.of());
        ModeResults second = ModeBlockParser.parse(src, one.size() + 1, two.size(), AkaiVersion.CPA2002V010, List.of());
        assertThat(first.dos().orElseThrow().spins()).hasSize(2);
        assertThat(second.dos().orElseThrow().spins()).hasSize(2);
        assertThat(second.dos().orElseThrow().spins().get(0).components().get(0).line())
                .isEqualTo(first.dos().orElseThrow().spins().get(0).components().get(0).line() + one.size());
        assertThatThrownBy(() -> ModeBlockParser.parse(src, 1, two.size(), AkaiVersion.CPA2002V010, List.of()))
                .isInstanceOf(KkrFormatException.class).hasMessageContaining("4 sets of DOS blocks");
    }

    private static List<String> jijDeck(String label) {
        return new ArrayList<>(List.of(
                "   J_ij calculation starts",
                "   dlimit= 3.00000",
                "",
                "   J_ij",
                "                                       " + label,
                "   index   site    comp           cell           distance     J_ij      J_ij(meV)  mult",
                "      1    1  2    1  1  0.5000  0.5000  0.5000  0.866025    0.001162   15.805757    8",
                "      2    1  2    1  1  1.0000  0.0000  0.0000  1.000000   -0.000822  -11.180797    6",
                "",
                "   Tc (in mean field approximation) =  1411.050K",
                ""));
    }

    @Test
    void jijLabelWithDashInTypeNamesIsSplitByTheDeckTypes() {
        List<String> deck = jijDeck("Fe-a_0-Co-b_1");
        ModeResults r = parse(deck, AkaiVersion.V2022_0721, List.of("Fe-a_0", "Co-b_1"));
        JijPairBlock b = r.jij().orElseThrow().blocks().get(0);
        assertThat(b.label()).isEqualTo("Fe-a_0-Co-b_1");
        assertThat(b.type1()).contains("Fe-a_0");
        assertThat(b.type2()).contains("Co-b_1");
        assertThat(r.issues()).isEmpty();
        assertThat(b.rows()).extracting(JijRow::jijMeV).containsExactly(15.805757, -11.180797);
        assertThat(b.rows().get(0)).isEqualTo(new JijRow(7, 1, 1, 2, 1, 1, 0.5, 0.5, 0.5, 0.866025,
                0.001162, 15.805757, 8));
        assertThat(r.curie().orElseThrow().curieTemperatureK()).contains(1411.05);
        assertThat(r.jij().orElseThrow().dlimitA()).contains(3.0);

        ModeResults unknown = parse(deck, AkaiVersion.V2022_0721, List.of());
        JijPairBlock kept = unknown.jij().orElseThrow().blocks().get(0);
        assertThat(kept.label()).isEqualTo("Fe-a_0-Co-b_1");
        assertThat(kept.type1()).isEmpty();
        assertThat(kept.type2()).isEmpty();
        assertThat(issues(unknown, ParseIssue.Kind.UNEXPECTED)).singleElement()
                .satisfies(i -> assertThat(i.detail()).contains("Fe-a_0-Co-b_1"));

        ModeResults simple = parse(jijDeck("Fe_0-Co_1"), AkaiVersion.V2022_0721, List.of());
        assertThat(simple.jij().orElseThrow().blocks().get(0).type2()).contains("Co_1");
    }

    @Test
    void jijTableCutShortIsAFormatErrorAndAKilledRunIsTruncated() {
        List<String> deck = jijDeck("Fe_0-Fe_0");
        deck.set(7, "      2    1  2    1  1  1.0000  0.0000  0.0000  1.000000");
        assertThatThrownBy(() -> parse(deck, AkaiVersion.V2022_0721, List.of()))
                .isInstanceOf(KkrFormatException.class)
                .satisfies(e -> {
                    KkrFormatException k = (KkrFormatException) e;
                    assertThat(k.line()).isEqualTo(8);
                    assertThat(k.field()).isEqualTo("jij[Fe_0-Fe_0]");
                });
        List<String> killed = new ArrayList<>(deck.subList(0, 8));
        ModeResults r = parse(killed, AkaiVersion.V2022_0721, List.of());
        assertThat(r.jij().orElseThrow().rows()).hasSize(1);
        assertThat(issues(r, ParseIssue.Kind.TRUNCATED)).isNotEmpty();
        assertThat(r.curie()).isEmpty();
    }

    @Test
    void overflowedJijValueAndTcAreReportedNotInvented() {
        List<String> deck = jijDeck("Fe_0-Fe_0");
        deck.set(6, "      1    1  2    1  1  0.5000  0.5000  0.5000  0.866025    0.001162************    8");
        deck.set(9, "   Tc (in mean field approximation) = ********K");
        ModeResults r = parse(deck, AkaiVersion.V2022_0721, List.of());
        JijRow row = r.jij().orElseThrow().rows().get(0);
        assertThat(row.jijRy()).isEqualTo(0.001162);
        assertThat(row.jijMeV()).isNaN();
        assertThat(row.multiplicity()).isEqualTo(8);
        CurieTemperatureResult c = r.curie().orElseThrow();
        assertThat(c.curieTemperatureK()).isEmpty();
        assertThat(c.line()).isEqualTo(10);
        assertThat(issues(r, ParseIssue.Kind.OVERFLOW)).extracting(ParseIssue::field)
                .containsExactly("jij[Fe_0-Fe_0].J_ij(meV)", "tc");
    }

    @Test
    void fixedSpinResultIsTheLastLineWithTheField() {
        List<String> l = List.of(
                "   fixed spin moment=     1.000000",
                "   itr=  1 neu=    0.0000  moment=  1.0000  te=  -2541.02074101  err= -6.341",
                "   fixed spin moment=   1.0000000  field used to fix the spin=  -0.0183748",
                "   fixed spin moment=   1.0000000  field used to fix the spin=************");
        ModeResults r = parse(l, null, List.of());
        FixedSpinResult f = r.fixedSpin().orElseThrow();
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.targetMomentMuB()).contains(1.0);
        assertThat(f.fieldRy()).isEmpty();
        assertThat(issues(r, ParseIssue.Kind.OVERFLOW)).singleElement()
                .satisfies(i -> assertThat(i.field()).isEqualTo("fsm.field"));
        FixedSpinResult ok = parse(l.subList(0, 3), null, List.of()).fixedSpin().orElseThrow();
        assertThat(ok.fieldRy()).contains(-0.0183748);
        assertThat(parse(l.subList(0, 2), null, List.of()).fixedSpin()).isEmpty();
    }

    @Test
    void emptyDeckHasNoBlocks() {
        ModeResults r = parse(List.of("   data read in", "   go=go"), null, List.of());
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.issues()).isEmpty();
    }
}
