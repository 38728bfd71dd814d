package org.kkr4j.io.akaikkr.side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;

/**
 * Layouts without a fixture, built here from the documented Fortran formats: format (a) with the
 * 2022.0721 header, (b), (c) with the 2021 header and with cpa2002v010 markers, wrapped rows, and
 * damaged files.
 */
class SpcSyntheticTest {

    /** {@code (1x,3f15.7)}. */
    static String rowA(double dist, double e, double a) {
        return String.format(Locale.ROOT, " %15.7f%15.7f%15.7f", dist, e, a);
    }

    /** {@code (1x,500f14.7)} for one logical row, wrapping after 500 values. */
    static List<String> rowMatrix(double[] values) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder(" ");
        for (int i = 0; i < values.length; i++) {
            if (i > 0 && i % 500 == 0) {
                out.add(b.toString());
                b = new StringBuilder(" ");
            }
            b.append(String.format(Locale.ROOT, "%14.7f", values[i]));
        }
        out.add(b.toString());
        return out;
    }

    static SourceText text(String name, List<String> lines) {
        return new SourceText(name, lines);
    }

    /** Format (a) with the 2022.0721 header of the I/O note (6 symmetry points), 3 k-points x 2 energies. */
    static List<String> formatAWithHeader() {
        List<String> l = new ArrayList<>();
        l.add("### header for format (a)");
        l.add("# -0.7475000E+00  0.2475000E+00   2   6");
        l.add("#   1  0 0 0            37  1/2 -1/2 1/2     62  0 0 1/2          88  0 0 0           119  x h z"
                + "           150  1/2 -1/2 1/2    "); // the writer pads the last label to 16 characters
        l.add("### end of header");
        l.add("#  A(E,k) for spin = 1");
        double[] d = {0.0, 0.0123456, 0.0246912};
        for (int k = 0; k < 3; k++) {
            l.add("");
            l.add(rowA(d[k], -0.7475, 0.01 * (k + 1)));
            l.add(rowA(d[k], 0.2475, 0.02 * (k + 1)));
        }
        return l;
    }

    @Test
    void formatAWithHeaderOf2022() {
        SpcFile f = SpcFileParser.parse(text("pot.dat_up.spc", formatAWithHeader()));
        assertThat(f.format()).hasValue(SpcFormat.A);
        assertThat(f.formatInferred()).isFalse();
        SpcHeader h = f.header().orElseThrow();
        assertThat(h.format()).isEqualTo(SpcFormat.A);
        assertThat(h.energyMinRy()).hasValue(-0.7475);
        assertThat(h.energyMaxRy()).hasValue(0.2475);
        assertThat(h.energyCount()).hasValue(2);
        assertThat(h.symmetryPointCount()).hasValue(6);
        assertThat(f.symmetryPoints()).extracting(SymmetryPoint::label)
                .containsExactly("0 0 0", "1/2 -1/2 1/2", "0 0 1/2", "0 0 0", "x h z", "1/2 -1/2 1/2");
        assertThat(f.symmetryPoints()).extracting(p -> p.kIndex().getAsInt()).containsExactly(1, 37, 62, 88, 119, 150);
        assertThat(f.kCount()).isEqualTo(3);
        assertThat(f.energyCount()).isEqualTo(2);
        assertThat(f.weight(2, 1)).isEqualTo(0.06);
        assertThat(f.kDistances().orElseThrow()).containsExactly(0.0, 0.0123456, 0.0246912);
        assertThat(f.issues()).isEmpty();
        assertThat(f.spin()).hasValue(1);
    }

    @Test
    void formatCWith2021HeaderAndQuotedLabels() {
        List<String> l = new ArrayList<>();
        l.add("### header for format (c)");
        l.add("# -0.5000000E+00  0.5000000E+00   3   3");
        l.add(String.format(Locale.ROOT, "#%4d %-16s%4d %-16s%4d %-16s", 1, "'(0 0 0)'", 2, "'(0 1 0)'", 4,
                "'(-1/2 -1/2 -1/2)'".substring(0, 16)));
        l.add("### end of header");
        // 3 energies x 4 k-points: value = 10*e + k
        for (int e = 0; e < 3; e++) {
            l.addAll(rowMatrix(new double[] {10 * e, 10 * e + 1, 10 * e + 2, 10 * e + 3}));
        }
        SpcFile f = SpcFileParser.parse(text("fe_dn.spc", l));
        assertThat(f.format()).hasValue(SpcFormat.C);
        assertThat(f.formatInferred()).isFalse();
        assertThat(f.spin()).hasValue(2);
        assertThat(f.kCount()).isEqualTo(4);
        assertThat(f.energyCount()).isEqualTo(3);
        assertThat(f.weight(3, 2)).isEqualTo(23.0);
        assertThat(f.weight(1, 0)).isEqualTo(1.0);
        assertThat(f.energiesRy().orElseThrow()).containsExactly(-0.5, 0.0, 0.5);
        assertThat(f.kDistances()).isEmpty();
        assertThat(f.symmetryPoints()).extracting(SymmetryPoint::label).containsExactly("0 0 0", "0 1 0", "-1/2 -1/2 -1/2");
        assertThat(f.symmetryPoints().get(2).truncated()).isTrue();
        assertThat(f.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(ParseIssue.Kind.TRUNCATED);
            assertThat(i.line()).isEqualTo(3);
        });
        assertThat(f.markerKColumns()).isEmpty();
    }

    /** cpa2002v010 format (c): 7 k-points, symmetry points at 1, 4, 7 (interior: 4), E_F at energy row 3. */
    static List<String> v010FormatC() {
        int nk = 7;
        int ne = 5;
        List<String> l = new ArrayList<>();
        for (int e = 0; e < ne; e++) {
            double[] r = new double[nk];
            for (int k = 0; k < nk; k++) {
                r[k] = 0.5 + e + 0.01 * k;
            }
            r[3] = 250.0;
            if (e == 2) {
                for (int k = 0; k < nk; k += 3) { // nkd = max(3, 7/60) = 3
                    r[k] = 250.0;
                }
            }
            l.addAll(rowMatrix(r));
        }
        return l;
    }

    @Test
    void v010FormatCMarkersAreFoundAndNeverReturnedAsWeight() {
        SpcFile f = SpcFileParser.parse(text("x_up.spc", v010FormatC()));
        assertThat(f.format()).hasValue(SpcFormat.C);
        assertThat(f.formatInferred()).isTrue();
        assertThat(f.formatEvidence()).contains("250.0 markers").contains("1 symmetry-point columns").contains("E_F row 3");
        assertThat(f.kCount()).isEqualTo(7);
        assertThat(f.energyCount()).isEqualTo(5);
        assertThat(f.markerKColumns()).containsExactly(3);
        assertThat(f.fermiMarkerEnergy()).hasValue(2);
        assertThat(f.fermiMarkerKColumns()).containsExactly(0, 3, 6);
        for (int k = 0; k < 7; k++) {
            for (int e = 0; e < 5; e++) {
                boolean marker = k == 3 || (e == 2 && (k == 0 || k == 6));
                assertThat(f.isMarker(k, e)).as("k=%d e=%d", k, e).isEqualTo(marker);
                if (marker) {
                    assertThat(f.weight(k, e)).isNaN();
                } else {
                    assertThat(f.weight(k, e)).isCloseTo(0.5 + e + 0.01 * k, within(1e-12));
                }
            }
        }
        assertThat(f.energiesRy()).isEmpty();
        // the same file declared as (c) by the caller (go=spc33) gives the same markers
        SpcFile declared = SpcFileParser.parse(text("x_up.spc", v010FormatC()), SpcFormat.C);
        assertThat(declared.markerKColumns()).containsExactly(3);
        assertThat(declared.formatEvidence()).contains("given by the caller");
    }

    @Test
    void headerlessMatrixWithoutMarkersIsFormatB() {
        List<String> l = new ArrayList<>();
        l.addAll(rowMatrix(new double[] {1, 2, 3, 4}));
        l.addAll(rowMatrix(new double[] {5, 6, 7, 8}));
        l.addAll(rowMatrix(new double[] {9, 10, 11, 12}));
        SpcFile f = SpcFileParser.parse(text("y_up.spc", l));
        assertThat(f.format()).hasValue(SpcFormat.B);
        assertThat(f.formatInferred()).isTrue();
        assertThat(f.formatEvidence()).contains("format (b) assumed");
        assertThat(f.kCount()).isEqualTo(3);
        assertThat(f.energyCount()).isEqualTo(4);
        assertThat(f.weight(1, 2)).isEqualTo(7.0);
        assertThat(f.energiesRy()).isEmpty();
        SpcFile declared = SpcFileParser.parse(text("y_up.spc", l), SpcFormat.B);
        assertThat(declared.weight(2, 3)).isEqualTo(12.0);
        // declared as (c): same numbers, transposed
        SpcFile asC = SpcFileParser.parse(text("y_up.spc", l), SpcFormat.C);
        assertThat(asC.kCount()).isEqualTo(4);
        assertThat(asC.weight(3, 1)).isEqualTo(8.0);
    }

    @Test
    void rowsLongerThan500ValuesWrap() {
        int nk = 503;
        List<String> l = new ArrayList<>();
        l.add("### header for format (c)");
        l.add("# -0.1000000E+00  0.1000000E+00   3   2");
        l.add(String.format(Locale.ROOT, "#%4d %-16s%4d %-16s", 1, "'(0 0 0)'", 503, "'(1 0 0)'"));
        l.add("### end of header");
        for (int e = 0; e < 3; e++) {
            double[] r = new double[nk];
            for (int k = 0; k < nk; k++) {
                r[k] = e * 1000 + k * 0.001;
            }
            l.addAll(rowMatrix(r));
        }
        assertThat(l).hasSize(4 + 6);
        SpcFile f = SpcFileParser.parse(text("w_up.spc", l));
        assertThat(f.kCount()).isEqualTo(503);
        assertThat(f.energyCount()).isEqualTo(3);
        assertThat(f.weight(502, 2)).isCloseTo(2000.502, within(1e-9));
        assertThat(f.weight(500, 1)).isCloseTo(1000.5, within(1e-9));
        assertThat(f.issues()).isEmpty();

        // format (b) without header: 2 k-points x 600 energies
        List<String> b = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            double[] r = new double[600];
            for (int e = 0; e < 600; e++) {
                r[e] = k + e * 0.01;
            }
            b.addAll(rowMatrix(r));
        }
        SpcFile fb = SpcFileParser.parse(text("b_up.spc", b), SpcFormat.B);
        assertThat(fb.kCount()).isEqualTo(2);
        assertThat(fb.energyCount()).isEqualTo(600);
        assertThat(fb.weight(1, 599)).isCloseTo(6.99, within(1e-9));
    }

    @Test
    void exactly500ValuesPerLineIsReportedAsAmbiguous() {
        List<String> l = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            l.addAll(rowMatrix(new double[500]));
        }
        SpcFile f = SpcFileParser.parse(text("z_up.spc", l), SpcFormat.B);
        assertThat(f.kCount()).isEqualTo(2);
        assertThat(f.issues()).singleElement().satisfies(i -> assertThat(i.detail()).contains("cannot be told apart"));
    }

    @Test
    void runTogetherAndOverflowedFieldsAreReportedNotGuessed() {
        List<String> l = new ArrayList<>();
        l.add("#  A(E,k) for spin = 1");
        l.add("");
        l.add(rowA(0.0, -0.5, 1.0));
        l.add(" " + String.format(Locale.ROOT, "%15.7f%15.7f", 0.0, -0.4) + "9999999.9999999");
        l.add(" " + String.format(Locale.ROOT, "%15.7f%15.7f", 0.0, -0.3) + "***************");
        SpcFile f = SpcFileParser.parse(text("r_up.spc", l));
        assertThat(f.weight(0, 1)).isEqualTo(9999999.9999999);
        assertThat(f.weight(0, 2)).isNaN();
        assertThat(f.issues()).extracting(ParseIssue::kind)
                .containsExactly(ParseIssue.Kind.RUN_TOGETHER, ParseIssue.Kind.OVERFLOW);
        assertThat(f.issues()).extracting(ParseIssue::line).containsExactly(4, 5);
        assertThat(f.issues()).extracting(ParseIssue::field).containsExactly("spectralWeight", "spectralWeight");

        List<String> m = new ArrayList<>();
        m.add(" " + String.format(Locale.ROOT, "%14.7f", 1.0) + "999999.9999999" + "**************");
        m.add(" " + String.format(Locale.ROOT, "%14.7f%14.7f%14.7f", 1.0, 2.0, 3.0));
        SpcFile fm = SpcFileParser.parse(text("m_up.spc", m), SpcFormat.B);
        assertThat(fm.weight(0, 1)).isEqualTo(999999.9999999);
        assertThat(fm.weight(0, 2)).isNaN();
        assertThat(fm.issues()).extracting(ParseIssue::kind)
                .containsExactly(ParseIssue.Kind.RUN_TOGETHER, ParseIssue.Kind.OVERFLOW);
    }

    @Test
    void emptyFileMeansNoData() {
        SpcFile f = SpcFileParser.parse(text("li_dn.spc", List.of()));
        assertThat(f.hasData()).isFalse();
        assertThat(f.format()).isEmpty();
        assertThat(f.formatEvidence()).isEqualTo("empty file");
        assertThat(f.spin()).hasValue(2);
    }

    @Test
    void spinLineThatContradictsTheFileNameIsReported() {
        List<String> l = List.of("#  A(E,k) for spin = 1", "", rowA(0, -0.1, 0.2));
        SpcFile f = SpcFileParser.parse(text("fe_dn.spc", l));
        assertThat(f.spin()).hasValue(1);
        assertThat(f.issues()).singleElement().satisfies(i -> assertThat(i.field()).isEqualTo("spin"));
    }

    @Test
    void pairsMustMatch(@TempDir Path dir) throws IOException {
        Path up = dir.resolve("p_up.spc");
        Path dn = dir.resolve("p_dn.spc");
        Files.write(up, List.of("#  A(E,k) for spin = 1", "", rowA(0, -0.1, 0.2), rowA(0, 0.1, 0.3)));
        Files.write(dn, List.of("#  A(E,k) for spin = 2", "", rowA(0, -0.1, 0.2)));
        assertThatThrownBy(() -> SpcFileParser.parsePair(up, dn)).isInstanceOf(KkrFormatException.class)
                .hasMessageContaining("p_dn.spc").hasMessageContaining("does not match");
        Files.write(dn, List.of());
        assertThat(SpcFileParser.parsePair(up, dn).bothSpins()).isFalse();
        SpcPair noDown = SpcFileParser.parsePair(up, dir.resolve("absent_dn.spc"));
        assertThat(noDown.up().hasData()).isTrue();
        assertThat(noDown.down().hasData()).isFalse();
        assertThat(noDown.down().formatEvidence()).isEqualTo("file does not exist");
        assertThat(noDown.down().issues()).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(ParseIssue.Kind.MISSING));
        assertThatThrownBy(() -> SpcFileParser.parsePair(dir.resolve("absent_up.spc"), dn))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    // ---- bad input --------------------------------------------------------------------------------

    private static KkrFormatException fails(List<String> lines, SpcFormat expected) {
        try {
            SpcFileParser.parse(text("bad_up.spc", lines), expected);
        } catch (KkrFormatException e) {
            assertThat(e.source()).isEqualTo("bad_up.spc");
            return e;
        }
        throw new AssertionError("no KkrFormatException for " + lines);
    }

    @Test
    void truncatedFormatAIsAnError() {
        List<String> l = new ArrayList<>(formatAWithHeader());
        l.remove(l.size() - 1); // last k-point has 1 of 2 energies
        KkrFormatException e = fails(l, null);
        assertThat(e.line()).isEqualTo(l.size());
        assertThat(e.field()).isEqualTo("spectralWeight");
        assertThat(e.problem()).contains("k-point 3").contains("1 energies, expected 2");

        // cut in the middle of a row: wrong column count
        List<String> cut = new ArrayList<>(formatAWithHeader());
        cut.set(cut.size() - 1, cut.get(cut.size() - 1).substring(0, 25));
        KkrFormatException e2 = fails(cut, null);
        assertThat(e2.line()).isEqualTo(cut.size());
        assertThat(e2.problem()).contains("expected 3 numbers, found 2");
    }

    @Test
    void garbageIsAnErrorNamingLineAndField() {
        List<String> l = new ArrayList<>(formatAWithHeader());
        l.set(7, "       0.0000000     -0.74x5000      0.0100000");
        KkrFormatException e = fails(l, null);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.field()).isEqualTo("energyRy");
        assertThat(e.problem()).contains("-0.74x5000");
        assertThat(e.getMessage()).startsWith("bad_up.spc:8: [energyRy]");

        List<String> m = new ArrayList<>(rowMatrix(new double[] {1, 2, 3}));
        m.add("  1.0 two 3.0");
        KkrFormatException em = fails(m, SpcFormat.B);
        assertThat(em.line()).isEqualTo(2);
        assertThat(em.field()).isEqualTo("spectralWeight");

        KkrFormatException spin = fails(List.of("#  A(E,k) for spin = 3"), null);
        assertThat(spin.field()).isEqualTo("spin");

        List<String> comment = new ArrayList<>(formatAWithHeader());
        comment.add(7, "# stray");
        assertThat(fails(comment, null).line()).isEqualTo(8);
    }

    @Test
    void wrongColumnCountInAMatrixIsAnError() {
        List<String> l = new ArrayList<>();
        l.addAll(rowMatrix(new double[] {1, 2, 3}));
        l.addAll(rowMatrix(new double[] {1, 2}));
        KkrFormatException e = fails(l, SpcFormat.B);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("2 values, expected 3");

        List<String> a = List.of("#  A(E,k) for spin = 1", "", "  0.0 0.1 0.2 0.3");
        assertThat(fails(a, null).problem()).contains("expected 3 numbers, found 4");
    }

    @Test
    void brokenHeadersAreErrors() {
        List<String> noEnd = new ArrayList<>(formatAWithHeader());
        noEnd.remove(3);
        KkrFormatException e = fails(noEnd, null);
        assertThat(e.field()).isEqualTo("header");
        assertThat(e.problem()).contains("end of header");

        List<String> badMesh = new ArrayList<>(formatAWithHeader());
        badMesh.set(1, "# -0.7475000E+00  abc   200   6");
        KkrFormatException m = fails(badMesh, null);
        assertThat(m.line()).isEqualTo(2);
        assertThat(m.field()).startsWith("header.");

        List<String> badIndex = new ArrayList<>(formatAWithHeader());
        badIndex.set(2, "#   x  0 0 0");
        assertThat(fails(badIndex, null).field()).isEqualTo("header.symmetryPoints[0].kIndex");

        KkrFormatException mismatch = fails(formatAWithHeader(), SpcFormat.C);
        assertThat(mismatch.field()).isEqualTo("format");
        assertThat(mismatch.line()).isEqualTo(1);

        // header (c) announces 3 energies, only 2 rows present
        List<String> c = new ArrayList<>();
        c.add("### header for format (c)");
        c.add("# -0.5000000E+00  0.5000000E+00   3   0");
        c.add("### end of header");
        c.addAll(rowMatrix(new double[] {1, 2}));
        c.addAll(rowMatrix(new double[] {3, 4}));
        KkrFormatException t = fails(c, null);
        assertThat(t.problem()).contains("announces 3 energies").contains("2 rows");
        assertThat(t.line()).isEqualTo(5);
    }

    @Test
    void overflowedHeaderCountsAreReported() {
        List<String> l = new ArrayList<>(formatAWithHeader());
        l.set(1, "# -0.7475000E+00  0.2475000E+00****   6");
        SpcFile f = SpcFileParser.parse(text("o_up.spc", l));
        assertThat(f.header().orElseThrow().energyCount()).isEmpty();
        assertThat(f.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(ParseIssue.Kind.OVERFLOW);
            assertThat(i.field()).isEqualTo("header.energyCount");
        });
        assertThat(f.energyCount()).isEqualTo(2);
    }
}
