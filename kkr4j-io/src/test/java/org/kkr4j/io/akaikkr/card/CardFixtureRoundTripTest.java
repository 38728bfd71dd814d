package org.kkr4j.io.akaikkr.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;

/**
 * Every input card of the shared fixtures: read with its version, write for the same version, read
 * again: the decks must be equal. Cards that are broken on purpose (or by their authors) are listed
 * with the exact typed error, warning or refusal they must produce; any other file must round-trip
 * without warnings, so a new fixture that the reader cannot handle fails this test.
 */
class CardFixtureRoundTripTest {

    enum Kind { READ_ERROR, WARNING, REFUSED }

    /** An expected outcome: kind, field, line (0: not checked), a fragment of the message. */
    record Expect(Kind kind, String field, int line, String fragment) {
    }

    private static Expect readError(String field, int line, String fragment) {
        return new Expect(Kind.READ_ERROR, field, line, fragment);
    }

    private static Expect warning(String field, int line, String fragment) {
        return new Expect(Kind.WARNING, field, line, fragment);
    }

    private static Expect refused(String field, String fragment) {
        return new Expect(Kind.REFUSED, field, 0, fragment);
    }

    private static final String LONG_NAME = "type name 'Fe_long_name_x' is longer than the 8 characters";
    private static final String GO_WITH_KLIST = "specx reads them as a new deck and stops with 'Bad integer' at maxitr";
    private static final String IGNORED_KLIST = "is ignored by specx: '300'";

    private static final Map<String, List<Expect>> EXPECTED = Map.ofEntries(
            // official samples whose k-list follows a commented-out "#end": specx reaches EOF and ignores it
            Map.entry("akaitools-samples/in/ni", List.of(warning("deck[2].go", 27, IGNORED_KLIST))),
            Map.entry("akaitools-samples/in/ni.dos", List.of(warning("deck[2].go", 27, IGNORED_KLIST))),
            Map.entry("akaitools-samples/in/nife", List.of(warning("deck[2].go", 29, IGNORED_KLIST))),
            Map.entry("akaitools-samples/in/nife.dos", List.of(warning("deck[2].go", 29, IGNORED_KLIST))),
            Map.entry("cpa2002v010-dist/in/fe_lmd", List.of(warning("deck[1].kpath", 0, "spc deck without k-points"),
                    refused("deck[1].kpath", "an spc deck needs a k-path"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/aux_spc.in",
                    List.of(refused("deck[1].brvtyp", "k distances become NaN"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/err.in", List.of(warning("deck[1].reltyp", 3,
                    "illegal reltyp 'xyz'"), refused("deck[1].reltyp", "illegal reltyp 'xyz'"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_cnd.in", List.of(readError("deck[1].go", 4,
                    "line 2 'cnd data/fe' starts with 'c' in column 1 and was skipped as a comment"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_dos.in", List.of(warning("deck[1].type[1].name", 12,
                    LONG_NAME), refused("deck[1].type[1].name", LONG_NAME))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_go.in", List.of(warning("deck[1].type[1].name", 12,
                    LONG_NAME), refused("deck[1].type[1].name", LONG_NAME))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_go2.in", List.of(warning("deck[1].type[1].name", 12,
                    LONG_NAME), refused("deck[1].type[1].name", LONG_NAME))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_spc.in", List.of(warning("deck[1].type[1].name", 12,
                    LONG_NAME), refused("deck[1].type[1].name", LONG_NAME))),
            Map.entry("cpa2002v010-gfortran/edge-cases/frac_spc.in", List.of(
                    warning("deck[1].type[1].name", 6, LONG_NAME),
                    warning("deck[1].kpath.point[2].x", 11, "reads the k-value '1/2' as 1"),
                    warning("deck[1].kpath.point[2].y", 11, "reads the k-value '1/2' as 1"),
                    refused("deck[1].type[1].name", LONG_NAME))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_geom.in", List.of(readError("deck[1].go", 2,
                    "go mode 'geom' is not supported by cpa2002v010 (supported by 2022.0721, 2022.0721-cnd)"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_j3.0.in", List.of(readError("deck[1].go", 2,
                    "go mode 'j3.0' is not supported by cpa2002v010"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/fe_tc.in", List.of(readError("deck[1].go", 2,
                    "go mode 'tc' is not supported by cpa2002v010 (supported by cpa2021v01"))),
            Map.entry("cpa2002v010-gfortran/edge-cases/opt.in", List.of(readError("deck[2].go", 10,
                    "option block (begin_option) on cpa2002v010"))),
            // transcribed spc31 cards whose mode reads "go": the k-list becomes a second deck that crashes
            Map.entry("transcribed-cpa2021v01/Co2MnSi/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 49, GO_WITH_KLIST))),
            Map.entry("transcribed-cpa2021v01/Fe/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 34, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-cnd/Fe/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 34, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-cnd/NiFe/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 35, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-standard/Co2MnSi/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 53, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-standard/FeB195/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 47, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-standard/FeRh05Pt05/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 46, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-standard/GaAs/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 59, GO_WITH_KLIST))),
            Map.entry("transcribed-v2022.0721-standard/SmCo5_oc/inputcard_spc31",
                    List.of(readError("deck[2].maxitr", 55, GO_WITH_KLIST))));

    static Stream<CardFixtures.Fixture> fixtures() {
        return CardFixtures.all().stream();
    }

    @Test
    void everyCardDirectoryIsDiscovered() {
        List<CardFixtures.Fixture> all = CardFixtures.all();
        assertThat(all).extracting(f -> f.relative().substring(0, f.relative().indexOf('/'))).contains(
                "akaitools-samples", "cpa2002v010-dist", "cpa2002v010-gfortran", "transcribed-cpa2021v01",
                "transcribed-cpa2021v01-gaes", "transcribed-v2022.0721-standard", "transcribed-v2022.0721-cnd");
        assertThat(all.size()).isGreaterThan(300);
        assertThat(all).extracting(CardFixtures.Fixture::relative).containsAll(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readWriteReadGivesTheSameDecks(CardFixtures.Fixture f) {
        List<Expect> expected = EXPECTED.getOrDefault(f.relative(), List.of());
        SourceText text = SourceText.read(f.path());
        Expect readError = expected.stream().filter(e -> e.kind() == Kind.READ_ERROR).findFirst().orElse(null);
        if (readError != null) {
            assertThatThrownBy(() -> CardReader.readWithWarnings(text, f.version()))
                    .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                        assertThat(e.source()).isEqualTo(f.path().toString());
                        assertThat(e.field()).isEqualTo(readError.field());
                        assertThat(e.line()).isEqualTo(readError.line());
                        assertThat(e.problem()).contains(readError.fragment());
                    });
            return;
        }
        CardReading reading = CardReader.readWithWarnings(text, f.version());
        List<CardProblem> warnings = reading.warnings().stream()
                .filter(p -> p.severity() != CardProblem.Severity.INFO).toList();
        List<Expect> expectedWarnings = expected.stream().filter(e -> e.kind() == Kind.WARNING).toList();
        assertThat(warnings).as("warnings of %s", f).hasSameSizeAs(expectedWarnings);
        for (Expect e : expectedWarnings) {
            assertThat(warnings).as("warning %s", e).anySatisfy(w -> {
                assertThat(w.field()).isEqualTo(e.field());
                if (e.line() > 0) {
                    assertThat(w.line()).isEqualTo(e.line());
                }
                assertThat(w.message()).contains(e.fragment());
            });
        }
        CardFile card = reading.card();
        Expect refusal = expected.stream().filter(e -> e.kind() == Kind.REFUSED).findFirst().orElse(null);
        if (refusal != null) {
            assertThatThrownBy(() -> CardWriter.write(card, f.version()))
                    .isInstanceOfSatisfying(CardNotSupportedException.class, e -> assertThat(e.problems())
                            .anySatisfy(p -> {
                                assertThat(p.field()).isEqualTo(refusal.field());
                                assertThat(p.message()).contains(refusal.fragment());
                            }));
            if (refusal.fragment().equals(LONG_NAME)) {
                // the converter shortens the names; the result must round-trip
                CardFile converted = CardConverter.convert(card, f.version(), f.version()).card();
                assertRoundTrip(converted, f.version());
            }
            return;
        }
        assertRoundTrip(card, f.version());
    }

    /**
     * Every readable fixture converted to every version: either the converter refuses with ERROR
     * problems, or the converted card is accepted by the checker and round-trips through the writer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void conversionToEveryVersionRoundTripsOrIsRefused(CardFixtures.Fixture f) {
        if (EXPECTED.getOrDefault(f.relative(), List.of()).stream().anyMatch(e -> e.kind() == Kind.READ_ERROR)) {
            return;
        }
        CardFile card = CardReader.read(SourceText.read(f.path()), f.version());
        boolean writable = CardChecker.errors(card, f.version()).isEmpty();
        for (AkaiVersion to : AkaiVersion.values()) {
            CardConversion c;
            try {
                c = CardConverter.convert(card, f.version(), to);
            } catch (CardNotSupportedException e) {
                assertThat(e.problems()).isNotEmpty().allMatch(CardProblem::isError);
                continue;
            }
            assertThat(CardChecker.errors(c.card(), to)).isEmpty();
            assertRoundTrip(c.card(), to);
            if (to == f.version() && writable) {
                assertThat(c.card().decks()).as("converting to the same version changes nothing")
                        .isEqualTo(card.decks());
            }
        }
    }

    private static void assertRoundTrip(CardFile card, AkaiVersion version) {
        String written = CardWriter.write(card, version);
        CardReading again = CardReader.readWithWarnings(SourceText.of("written", written), version);
        assertThat(again.warnings()).isEmpty();
        assertThat(again.card().decks()).isEqualTo(card.decks());
        assertThat(again.card().end()).isEqualTo(CardEnd.END);
        assertThat(written).doesNotContain(",");
        for (String line : written.split("\n")) {
            if (!line.startsWith("c --- ")) {
                assertThat(line).startsWith(" ");
            }
        }
        if (!written.endsWith(" end\n")) {
            fail("written card does not end with ' end': " + written);
        }
    }
}
