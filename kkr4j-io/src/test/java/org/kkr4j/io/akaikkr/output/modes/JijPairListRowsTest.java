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
 * Pair-list rows that leave the in-place fast path (plain digits and decimals) are read, reported or
 * rejected by the general path exactly as before.
 */
class JijPairListRowsTest {

    private static final String LOG = "fixtures/akaikkr/transcribed-v2022.0721-standard/Fe/out_j3.0.log";

    private static List<String> lines() {
        return new ArrayList<>(SourceText.read(SharedRoot.resolve(LOG)).lines());
    }

    private static int firstPairRow(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("pair#")) {
                return i + 1;
            }
        }
        throw new AssertionError("no pair list");
    }

    private static ModeResults parse(List<String> lines) {
        return ModeBlockParser.parse(new SourceText("pairs", lines), AkaiVersion.V2022_0721, List.of());
    }

    @Test
    void plainRowsAreReadInPlace() {
        List<String> lines = lines();
        int row = firstPairRow(lines);
        JijPairListRow first = parse(lines).jij().orElseThrow().pairList().get(0);
        assertThat(first.line()).isEqualTo(row + 1);
        assertThat(first.cell3()).isEqualTo(1);
        assertThat(first.distanceA()).isEqualTo(1.0);
        assertThat(first.jMeV()).isEqualTo(15.805757);
    }

    @Test
    void overflowedIndexLeavesTheRowOutWithAnIssue() {
        List<String> lines = lines();
        int row = firstPairRow(lines);
        lines.set(row, "   *****       1     1     1     1      (  0  0  1 )    1.000000   15.805757       1");
        ModeResults r = parse(lines);
        assertThat(r.jij().orElseThrow().pairList()).noneMatch(p -> p.line() == row + 1);
        assertThat(r.issues()).anySatisfy(i -> {
            assertThat(i.line()).isEqualTo(row + 1);
            assertThat(i.kind()).isEqualTo(ParseIssue.Kind.OVERFLOW);
        });
    }

    @Test
    void exponentAndSignedFieldsTakeTheGeneralPath() {
        List<String> lines = lines();
        int row = firstPairRow(lines);
        lines.set(row, "      +1       1     1     1     1      (  0  0  1 )    1.0E+00   15.805757       1");
        JijPairListRow first = parse(lines).jij().orElseThrow().pairList().get(0);
        assertThat(first.pair()).isEqualTo(1);
        assertThat(first.distanceA()).isEqualTo(1.0);
    }

    @Test
    void aRowWithAFieldTooManyIsAnError() {
        List<String> lines = lines();
        int row = firstPairRow(lines);
        lines.set(row, "       1       1     1     1     1      (  0  0  1 )    1.000000   15.805757       1   7");
        assertThatThrownBy(() -> parse(lines)).isInstanceOf(KkrFormatException.class)
                .hasMessageContaining("pair row has 12 fields");
    }
}
