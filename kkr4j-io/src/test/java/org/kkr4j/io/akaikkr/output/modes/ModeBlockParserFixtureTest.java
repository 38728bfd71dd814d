package org.kkr4j.io.akaikkr.output.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.modes.ModeFixtures.Log;
import org.kkr4j.io.akaikkr.output.modes.ModeFixtures.Mode;

/** Every dos/j/tc/cnd/fsm log of the shared fixtures parses, as one deck, with and without dialect. */
class ModeBlockParserFixtureTest {

    static Stream<Log> logs() {
        return ModeFixtures.all().stream();
    }

    @Test
    void discoversEveryKindOfLog() {
        List<Log> all = ModeFixtures.all();
        for (Mode m : Mode.values()) {
            assertThat(all).as("logs of mode " + m).anyMatch(l -> l.mode() == m);
        }
        assertThat(ModeFixtures.of(Mode.DOS)).hasSizeGreaterThanOrEqualTo(45);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void parsesWithKnownAndUnknownDialect(Log log) {
        SourceText src = SourceText.read(log.path());
        ModeResults withDialect = ModeBlockParser.parse(src, log.dialect(), List.of());
        ModeResults inferred = ModeBlockParser.parse(src, null, List.of());
        assertThat(withDialect.issues()).as("issues").isEmpty();
        assertThat(inferred.dos()).isEqualTo(withDialect.dos());
        assertThat(inferred.jij()).isEqualTo(withDialect.jij());
        boolean modeRan = !src.lines().stream().noneMatch(l -> l.contains("data read in"));
        switch (log.mode()) {
            case DOS -> checkDos(src, withDialect);
            case J -> {
                if (modeRan) {
                    assertThat(withDialect.jij()).isPresent();
                    assertThat(withDialect.jij().get().rows()).isNotEmpty();
                    assertThat(withDialect.curie().flatMap(CurieTemperatureResult::curieTemperatureK)).isPresent();
                } else {
                    assertThat(withDialect.isEmpty()).as("v010 has no j mode: nothing to read").isTrue();
                }
            }
            case TC -> {
                if (modeRan) {
                    CurieTemperatureResult c = withDialect.curie().orElseThrow();
                    assertThat(c.molecularFields()).isNotEmpty();
                    assertThat(c.curieTemperatureK()).isPresent();
                } else {
                    assertThat(withDialect.isEmpty()).isTrue();
                }
            }
            case CND -> {
                if (log.dialect() == org.kkr4j.io.akaikkr.AkaiVersion.V2022_0721_CND) {
                    TransportResult t = withDialect.transport().orElseThrow();
                    assertThat(t.spins()).hasSize(2);
                    assertThat(t.resistivityMicroOhmCm()).isPresent();
                } else {
                    assertThat(withDialect.transport()).isEmpty();
                }
            }
            case FSM -> {
                FixedSpinResult f = withDialect.fixedSpin().orElseThrow();
                assertThat(f.fieldRy()).isPresent();
                assertThat(src.line(f.line())).contains("field used to fix the spin=");
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void checkDos(SourceText src, ModeResults r) {
        DosResult dos = r.dos().orElseThrow();
        boolean nmag = src.lines().stream().anyMatch(l -> l.contains("magtyp=nmag"));
        assertThat(dos.spins()).hasSize(nmag ? 1 : 2);
        assertThat(dos.spinPolarised()).isEqualTo(!nmag);
        for (SpinDos s : dos.spins()) {
            assertThat(s.components()).isNotEmpty();
            int n = s.components().get(0).rows().size();
            assertThat(n).isGreaterThan(10);
            for (ComponentPdos c : s.components()) {
                assertThat(c.rows()).hasSize(n);
                assertThat(c.rows()).allSatisfy(row -> assertThat(row.statesPerRy()).hasSize(c.columns().size()));
                assertThat(c.energiesRy()).isSorted();
            }
            assertThat(s.totalDosStatesPerRy()).hasSize(n - 1);
            assertThat(s.integratedDosStates()).hasSize(n);
        }
        assertThat(r.issues()).noneMatch(i -> i.kind() == ParseIssue.Kind.TRUNCATED);
    }
}
