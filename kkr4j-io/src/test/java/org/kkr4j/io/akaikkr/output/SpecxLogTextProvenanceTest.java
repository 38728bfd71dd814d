package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.fortran.FixedField;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Every number the parser returns comes from the text: for every {@link FixedField} anywhere in the
 * result of every fixture log, its raw text occurs as a whole number on a line of the record it belongs
 * to (a record's {@code line} component, widened only for blocks that span lines), and its value is
 * that text read as a number (or absent for an overflow).
 */
class SpecxLogTextProvenanceTest {

    static Stream<Path> logs() {
        return LogFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void everyNumberIsOnItsLine(Path file) throws ReflectiveOperationException {
        SourceText text = SourceText.read(file);
        SpecxLog log = SpecxLogParser.parse(text);
        int[] checked = {0};
        for (Deck d : log.decks()) {
            walk(d, new int[] {d.firstLine(), d.lastLine()}, d, text, checked);
        }
        int iterations = log.decks().stream().mapToInt(d -> d.iterations().size()).sum();
        assertThat(checked[0]).isGreaterThanOrEqualTo(5 * iterations);
    }

    private void walk(Object o, int[] inherited, Deck deck, SourceText text, int[] checked)
            throws ReflectiveOperationException {
        if (o == null) {
            return;
        }
        if (o instanceof FixedField f) {
            check(f, inherited, text);
            checked[0]++;
            return;
        }
        if (o instanceof List<?> list) {
            for (Object e : list) {
                walk(e, inherited, deck, text, checked);
            }
            return;
        }
        if (!o.getClass().isRecord()) {
            return;
        }
        int[] span = span(o, inherited, deck);
        for (RecordComponent rc : o.getClass().getRecordComponents()) {
            walk(rc.getAccessor().invoke(o), span, deck, text, checked);
        }
    }

    /** The lines a record's numbers may come from. */
    private static int[] span(Object r, int[] inherited, Deck deck) {
        return switch (r) {
            case ScfIteration s -> new int[] {s.line(), s.line()};
            case EnergyWindow s -> new int[] {s.line(), s.line()};
            case EwaldParameters s -> new int[] {s.line(), s.line()};
            case BrillouinZoneMesh s -> new int[] {s.line(), s.line()};
            case FoldNumbers s -> new int[] {s.line(), s.line()};
            case SiteType s -> new int[] {s.line(), s.line()};
            case TypeComponent s -> new int[] {s.line(), s.line()};
            case CoreLevel s -> new int[] {s.line(), s.line()};
            case MeshHeader s -> new int[] {s.line() + 1, s.line() + 1};
            case LatticeBlock s -> new int[] {s.line(), s.line() + 3};
            case HyperfineField s -> new int[] {s.line(), s.line() + 4};
            case ChargeDensityAtNucleus s -> new int[] {s.line(), s.line() + 4};
            case FinalSummary s -> new int[] {s.line(), s.totalEnergyLine() + 1};
            case ComponentResult s -> new int[] {s.line(), s.lastLine()};
            case ScfTiming s -> new int[] {s.intervalLine() == 0 ? s.settingsLine() : s.intervalLine(),
                    Math.max(s.intervalLine(), s.settingsLine())};
            case InputEcho s -> new int[] {s.line(), Math.max(s.fixedSpinMomentLine(),
                    deck.lattice() == null ? deck.lastLine() : deck.lattice().line())};
            default -> inherited;
        };
    }

    private static void check(FixedField f, int[] span, SourceText text) {
        String raw = f.raw();
        assertThat(raw).isNotBlank();
        if (f.value() == null) {
            assertThat(FortranNumbers.isOverflow(raw)).as(raw).isTrue();
        } else {
            assertThat(f.value()).as(raw).isEqualTo(Double.parseDouble(raw.replace('D', 'E').replace('d', 'E')));
        }
        for (int l = span[0]; l <= span[1] && l <= text.lineCount(); l++) {
            if (containsAsNumber(text.line(l), raw)) {
                return;
            }
        }
        throw new AssertionError("'" + raw + "' is not on lines " + span[0] + ".." + span[1] + " of " + text.name());
    }

    private static boolean containsAsNumber(String line, String raw) {
        for (int i = line.indexOf(raw); i >= 0; i = line.indexOf(raw, i + 1)) {
            boolean leftOk = i == 0 || !numberChar(line.charAt(i - 1)) || raw.charAt(0) == '-';
            int end = i + raw.length();
            boolean rightOk = end == line.length() || !numberChar(line.charAt(end));
            if (leftOk && rightOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean numberChar(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '*';
    }
}
