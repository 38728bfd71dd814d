package org.kkr4j.io.akaikkr.side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.testing.SharedRoot;

class InfoFileParserTest {

    @Test
    void everyInfoFileOfTheFixturesParsesAndAgreesWithItsText() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedRoot.akaikkr())) {
            files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".info")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path p : files) {
            SourceText text = SourceText.read(p);
            InfoFile f = InfoFileParser.parse(text);
            assertThat(f.issues()).as(p.toString()).isEmpty();
            List<String> lines = text.lines().stream().filter(l -> !l.isBlank()).toList();
            assertThat(f.entries()).as(p.toString()).hasSize(lines.size()).isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                String[] t = lines.get(i).trim().split("\\s+");
                InfoFile.Entry e = f.entries().get(i);
                assertThat(e.latticeConstantBohr()).hasValue(Double.parseDouble(t[0]));
                assertThat(e.totalEnergyRy()).hasValue(Double.parseDouble(t[1]));
                if (t.length == 3) {
                    assertThat(e.layout()).isEqualTo(InfoFile.Layout.A_ENERGY_MOMENT);
                    assertThat(e.totalMomentMuB()).hasValue(Double.parseDouble(t[2]));
                } else {
                    assertThat(e.layout()).isEqualTo(InfoFile.Layout.A_ENERGY);
                    assertThat(e.totalMomentMuB()).isEmpty();
                }
            }
        }
    }

    @Test
    void v010AndMixedFiles() {
        InfoFile v010 = InfoFileParser.parse(SharedRoot.resolve("fixtures/akaikkr/cpa2002v010-dist/data/fe.info"));
        assertThat(v010.entries()).hasSize(3);
        InfoFile.Entry last = v010.last().orElseThrow();
        assertThat(last.line()).isEqualTo(3);
        assertThat(last.latticeConstantBohr()).hasValue(5.27);
        assertThat(last.totalEnergyRy()).hasValue(-2539.6619314);
        assertThat(last.totalMomentMuB()).hasValue(-0.12888);

        // 2021 release (akaitools sample): a and total energy only
        InfoFile twoColumns = InfoFileParser.parse(SharedRoot.resolve("fixtures/akaikkr/akaitools-samples/data/fe.info"));
        assertThat(twoColumns.entries()).hasSize(4).allSatisfy(e -> {
            assertThat(e.layout()).isEqualTo(InfoFile.Layout.A_ENERGY);
            assertThat(e.totalMomentMuB()).isEmpty();
        });
        assertThat(twoColumns.entries().get(0).latticeConstantBohr()).hasValue(5.27);
        assertThat(twoColumns.entries().get(0).totalEnergyRy()).hasValue(-2522.8350238);

        InfoFile estimated = InfoFileParser.parse(SharedRoot.resolve(
                "fixtures/akaikkr/cpa2002v010-gfortran/ewidth-scan/BiMnFeCo_fcc_ew0.8/data/pot.info"));
        assertThat(estimated.entries().get(0).latticeConstantBohr()).hasValue(7.8074);
        assertThat(estimated.entries().get(0).totalMomentMuB()).hasValue(2.15469);

        InfoFile auto = InfoFileParser.parse(SharedRoot.resolve(
                "fixtures/akaikkr/cpa2002v010-gfortran/hea-3d/AlCrCoCu_bcc/data/pot.info"));
        assertThat(auto.last().orElseThrow().latticeConstantBohr()).hasValue(5.5815);
    }

    @Test
    void emptyFileHasNoEntries() {
        InfoFile f = InfoFileParser.parse(new SourceText("e.info", List.of()));
        assertThat(f.entries()).isEmpty();
        assertThat(f.last()).isEmpty();
    }

    @Test
    void overflowedAndRunTogetherFieldsAreExplicit() {
        InfoFile f = InfoFileParser.parse(new SourceText("o.info", List.of(
                "       5.2700********************   0.00001",
                "       5.2700       -2540.3810704-999.99999",
                "       5.2700       -2540.3810704**********")));
        assertThat(f.entries().get(0).totalEnergyRy()).isEmpty();
        assertThat(f.entries().get(0).totalMomentMuB()).hasValue(0.00001);
        assertThat(f.entries().get(1).totalEnergyRy()).hasValue(-2540.3810704);
        assertThat(f.entries().get(1).totalMomentMuB()).hasValue(-999.99999);
        assertThat(f.entries().get(2).totalMomentMuB()).isEmpty();
        assertThat(f.entries().get(2).layout()).isEqualTo(InfoFile.Layout.A_ENERGY_MOMENT);
        assertThat(f.issues()).extracting(ParseIssue::kind).containsExactly(
                ParseIssue.Kind.OVERFLOW, ParseIssue.Kind.RUN_TOGETHER, ParseIssue.Kind.OVERFLOW);
        assertThat(f.issues()).extracting(ParseIssue::field).containsExactly(
                "totalEnergyRy", "totalMomentMuB", "totalMomentMuB");
        assertThat(f.issues()).extracting(ParseIssue::line).containsExactly(1, 2, 3);
    }

    @Test
    void badLinesAreErrorsNamingLineAndField() {
        assertThatThrownBy(() -> InfoFileParser.parse(new SourceText("b.info", List.of(
                "       5.2700       -2540.3810704   0.00001",
                "       5.2700       -2540.38x0704   0.00001"))))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("totalEnergyRy");
                    assertThat(e.getMessage()).startsWith("b.info:2: [totalEnergyRy]");
                });
        assertThatThrownBy(() -> InfoFileParser.parse(new SourceText("c.info", List.of("       5.2700"))))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> InfoFileParser.parse(new SourceText("d.info", List.of(
                "       5.2700       -2540.3810704   0.00001   7.0"))))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.problem()).contains("2 or 3 numbers");
                });
        assertThatThrownBy(() -> InfoFileParser.parse(new SourceText("t.info", List.of("garbage here"))))
                .isInstanceOf(KkrFormatException.class).hasMessageContaining("t.info:1");
    }
}
