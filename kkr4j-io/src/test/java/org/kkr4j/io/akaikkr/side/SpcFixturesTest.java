package org.kkr4j.io.akaikkr.side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.testing.SharedRoot;

/**
 * Every spectral-function data file of the shared fixtures ({@code *_up.spc}, {@code *_dn.spc}; the
 * akaitools {@code in/*.spc} and {@code out/*.spc} are an input card and a log, not data) parses, and
 * every data row agrees with the text read independently here.
 */
class SpcFixturesTest {

    static List<Path> dataFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SharedRoot.akaikkr())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith("_up.spc") || p.getFileName().toString().endsWith("_dn.spc"))
                    .sorted().toList();
        }
    }

    @Test
    void everyDataFileParsesAndAgreesWithItsText() throws IOException {
        List<Path> files = dataFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path p : files) {
            SourceText text = SourceText.read(p);
            SpcFile f = SpcFileParser.parse(text);
            assertThat(f.spin()).as(p.toString()).hasValue(p.toString().endsWith("_up.spc") ? 1 : 2);
            if (!f.hasData()) {
                continue;
            }
            // independent reading: blank-separated blocks of "dist E A" rows
            int k = -1;
            int e = 0;
            int rows = 0;
            boolean previousBlank = true;
            for (String line : text.lines()) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    previousBlank = true;
                    continue;
                }
                if (previousBlank) {
                    k++;
                    e = 0;
                    previousBlank = false;
                }
                String[] t = line.trim().split("\\s+");
                assertThat(t).hasSize(3);
                if (t[2].equals("NaN")) {
                    assertThat(f.weight(k, e)).as("%s k=%d e=%d", p, k, e).isNaN();
                } else {
                    assertThat(f.weight(k, e)).as("%s k=%d e=%d", p, k, e).isEqualTo(Double.parseDouble(t[2]));
                }
                assertThat(f.energiesRy().orElseThrow()[e]).isEqualTo(Double.parseDouble(t[1]));
                if (t[0].equals("NaN")) {
                    assertThat(f.kDistances().orElseThrow()[k]).isNaN();
                } else {
                    assertThat(f.kDistances().orElseThrow()[k]).isEqualTo(Double.parseDouble(t[0]));
                }
                e++;
                rows++;
            }
            assertThat(rows).isEqualTo(f.kCount() * f.energyCount());
            assertThat(f.kCount()).isEqualTo(k + 1);
        }
    }

    @Test
    void v010DistributionFileIsHeaderlessFormatA() {
        SpcFile f = SpcFileParser.parse(SharedRoot.resolve("fixtures/akaikkr/cpa2002v010-dist/data/fe_up.spc"));
        assertThat(f.format()).hasValue(SpcFormat.A);
        assertThat(f.formatInferred()).isTrue();
        assertThat(f.formatEvidence()).contains("no header");
        assertThat(f.header()).isEmpty();
        assertThat(f.spin()).hasValue(1);
        assertThat(f.kCount()).isEqualTo(300);
        assertThat(f.energyCount()).isEqualTo(200);
        double[] en = f.energiesRy().orElseThrow();
        assertThat(en[0]).isEqualTo(-0.7445);
        assertThat(en[199]).isEqualTo(0.2505);
        assertThat(f.weight(0, 0)).isEqualTo(0.0070547);
        assertThat(f.kDistances().orElseThrow()[1]).isEqualTo(0.0069765);
        assertThat(f.kDistances().orElseThrow()[299]).isEqualTo(2.0769441);
        assertThat(f.weight(299, 199)).isEqualTo(0.0145089);
        // the distribution file really holds one k-point whose A(E,k) was printed as NaN
        assertThat(f.issues()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(14877);
            assertThat(i.field()).isEqualTo("spectralWeight");
            assertThat(i.detail()).contains("k-point 75").contains("200 of 200 values printed as NaN");
        });
        assertThat(f.weight(74, 0)).isNaN();
        assertThat(f.symmetryPoints()).isEmpty();
        assertThat(f.markerKColumns()).isEmpty();
    }

    @Test
    void spinLineOnlyMeansNoData() {
        SpcFile f = SpcFileParser.parse(SharedRoot.resolve("fixtures/akaikkr/cpa2002v010-dist/data/fe_lmd_dn.spc"));
        assertThat(f.hasData()).isFalse();
        assertThat(f.kCount()).isZero();
        assertThat(f.format()).hasValue(SpcFormat.A);
        assertThat(f.energiesRy()).isEmpty();
        assertThat(f.formatEvidence()).contains("no data rows");
    }

    @Test
    void auxRunHasNaNDistancesReportedNeverNumbers() {
        SpcFile f = SpcFileParser.parse(SharedRoot.resolve(
                "fixtures/akaikkr/cpa2002v010-gfortran/edge-cases/data/feaux_up.spc"));
        assertThat(f.kCount()).isEqualTo(30);
        double[] d = f.kDistances().orElseThrow();
        assertThat(d[0]).isEqualTo(0.0);
        for (int k = 1; k < d.length; k++) {
            assertThat(d[k]).isNaN();
        }
        assertThat(f.issues()).hasSize(29).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(ParseIssue.Kind.UNEXPECTED);
            assertThat(i.field()).isEqualTo("kDistance");
            assertThat(i.detail()).contains("NaN");
        });
        assertThat(f.issues().get(0).line()).isEqualTo(204);
        // spectral weight itself is finite everywhere
        for (double[] row : f.spectralWeight()) {
            for (double a : row) {
                assertThat(a).isFinite();
            }
        }
    }

    @Test
    void gfortranSpc31RunAndPair() {
        Path dir = SharedRoot.resolve("fixtures/akaikkr/cpa2002v010-gfortran/edge-cases/data");
        SpcPair pair = SpcFileParser.parsePair(dir.resolve("fe_up.spc"), dir.resolve("fe_dn.spc"));
        assertThat(pair.bothSpins()).isTrue();
        assertThat(pair.up().kCount()).isEqualTo(11);
        assertThat(pair.down().spin()).hasValue(2);
        assertThat(pair.up().kDistances().orElseThrow()[10]).isCloseTo(0.8430518, within(0.0));
        assertThat(pair.up().weight(0, 17)).isEqualTo(150.0869248);

        Path dist = SharedRoot.resolve("fixtures/akaikkr/cpa2002v010-dist/data");
        SpcPair lmd = SpcFileParser.parsePair(dist.resolve("fe_lmd_up.spc"), dist.resolve("fe_lmd_dn.spc"));
        assertThat(lmd.bothSpins()).isFalse();
        assertThat(lmd.up().hasData()).isFalse();
    }
}
