package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.modes.ModeBlockParser;
import org.kkr4j.io.akaikkr.output.modes.ModeResults;

/**
 * The log parser scans a deck for mode blocks only from its first line that may open one
 * ({@link ModeBlockParser#mayOpenBlock}) and not at all when there is none. These tests check that
 * this gives what a full scan of each deck's line range gives.
 */
class ModeScanSkipTest {

    static Stream<Path> logs() {
        return LogFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everyDeckHasWhatAFullScanOfItsRangeFinds(Path p) {
        SourceText src = SourceText.read(p);
        SpecxLog log;
        try {
            log = SpecxLogParser.parse(src);
        } catch (KkrFormatException e) {
            return; // not a log the parser accepts (covered by the bad-input tests)
        }
        AkaiVersion version = log.dialect().version().orElse(null);
        for (Deck d : log.decks()) {
            if (d.input() == null || d.lastLine() < d.firstLine()) {
                continue;
            }
            List<String> names = d.types().stream().map(SiteType::name).toList();
            ModeResults full = ModeBlockParser.parse(src, d.firstLine(), d.lastLine(), version, names);
            assertThat(d.modes()).as("deck %d", d.index() + 1).isEqualTo(full);
        }
    }

    @Test
    void fixedSpinResultInsideALineIsStillFound() {
        // an SCF deck without any caption, with the fixed-spin labels in the middle of a line
        SourceText go = LogFixtures.read("transcribed-v2022.0721-standard/Fe/out_go.log");
        List<String> lines = new ArrayList<>(go.lines());
        int at = indexOf(lines, "itr=") + 1;
        lines.add(at, "  x fixed spin moment=   1.0000000  field used to fix the spin=  -0.0183748");
        SpecxLog log = SpecxLogParser.parse(new SourceText("go-with-fsm", lines));
        assertThat(log.decks().get(0).modes().fixedSpin()).hasValueSatisfying(f -> {
            assertThat(f.line()).isEqualTo(at + 1);
            assertThat(f.fieldRy()).hasValue(-0.0183748);
        });
        assertThat(SpecxLogParser.parse(go).decks().get(0).modes()).isEqualTo(ModeResults.NONE);
    }

    @Test
    void aCandidateLineThatOpensNothingGivesNone() {
        // 'total DOS is' starts like a caption but is not one: the scan runs and finds nothing
        assertThat(ModeBlockParser.mayOpenBlock("   total DOS is not printed")).isTrue();
        SourceText go = LogFixtures.read("transcribed-v2022.0721-standard/Fe/out_go.log");
        List<String> lines = new ArrayList<>(go.lines());
        lines.add(indexOf(lines, "itr=") + 1, "   total DOS is not printed");
        assertThat(SpecxLogParser.parse(new SourceText("go-with-text", lines)).decks().get(0).modes())
                .isEqualTo(ModeResults.NONE);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
