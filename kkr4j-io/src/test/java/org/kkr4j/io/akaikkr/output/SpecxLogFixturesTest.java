package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;

/** Every specx log under the shared fixtures parses, with a plausible outcome and the right dialect. */
class SpecxLogFixturesTest {

    /** Logs that really end early (crash after the deck, runtime error, killed job). */
    private static final Set<String> REALLY_TRUNCATED = Set.of(
            "cpa2002v010-gfortran/edge-cases/fe_cnd.out",
            "cpa2002v010-gfortran/edge-cases/fe_spc.out",
            "cpa2002v010-gfortran/edge-cases/opt.out",
            "transcribed-cpa2021v01-gaes/Al0p25Ge0p25Hf0p25Bi0p25_fcc/"
                    + "key_13327283,ew_001-1.2112,ed_004-1e-03,polytyp_fcc,pm_000-1e-02/out_go.log");

    static Stream<Path> logs() {
        return LogFixtures.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void parsesWithPlausibleOutcome(Path file) {
        String rel = LogFixtures.rel(file);
        SpecxLog log = SpecxLogParser.parse(SourceText.read(file));

        assertThat(log.preamble().date()).as("date line").isNotNull();
        if (REALLY_TRUNCATED.contains(rel)) {
            assertThat(log.outcome()).isEqualTo(RunOutcome.TRUNCATED);
            assertThat(log.footer()).isNull();
        } else {
            assertThat(log.outcome()).isNotEqualTo(RunOutcome.TRUNCATED);
        }
        if (log.outcome() == RunOutcome.MODE_NOT_SUPPORTED) {
            assertThat(log.decks()).isEmpty();
            assertThat(log.footer()).isNotNull();
        } else if (!rel.endsWith("fe_cnd.out")) {
            assertThat(log.decks()).isNotEmpty();
        }
        int previousLast = 0;
        for (Deck d : log.decks()) {
            assertThat(d.firstLine()).isGreaterThan(previousLast);
            assertThat(d.lastLine()).isGreaterThanOrEqualTo(d.firstLine());
            previousLast = d.lastLine();
            assertThat(d.input().goText()).isNotBlank();
            assertThat(d.meshHeader()).isNotNull();
            assertThat(d.meshHeader().mse()).isPositive();
            if (d.outcome() == RunOutcome.STOPPED_BY_ERROR) {
                continue;
            }
            assertThat(d.lattice()).isNotNull();
            assertThat(d.lattice().aBohr().value()).isPositive();
            assertThat(d.lattice().primitiveVectorsA()).isNotNull();
            assertThat(d.types()).isNotEmpty();
            assertThat(d.atoms()).isNotEmpty();
            assertThat(d.energyMesh()).hasSize(d.meshHeader().mse());
            for (SiteType t : d.types()) {
                assertThat(t.components()).isNotEmpty();
            }
            if (d.outcome() == RunOutcome.GEOMETRY_ONLY) {
                assertThat(d.iterations()).isEmpty();
                continue;
            }
            assertThat(d.iterations()).isNotEmpty();
            for (ScfIteration it : d.iterations()) {
                assertThat(it.itr().value()).isPositive();
                assertThat(it.totalEnergyRy().value()).isNegative();
                assertThat(it.logRmsError()).isNotNull();
                assertThat(it.momentMuB()).isNotNull();
            }
            if (d.outcome() != RunOutcome.TRUNCATED) {
                FinalSummary s = d.summary();
                assertThat(s.totalEnergyRy().value()).isNegative();
                assertThat(s.fermiLevelUpRy().value()).isNotNull();
                assertThat(s.fermiLevelDownRy().value()).isNotNull();
                assertThat(s.logRmsErrors()).isNotEmpty();
                assertThat(d.components()).hasSize((int) Math.round(d.input().ncmpx().value()));
                for (ComponentResult c : d.components()) {
                    assertThat(c.totalCharge().value()).isNotNull();
                    assertThat(c.spinMomentMuB()).isNotNull();
                    assertThat(c.valenceChargeUp()).isNotEmpty();
                    assertThat(c.chargeDensityAtNucleus()).isNotNull();
                }
                assertThat(d.iterations().get(d.iterations().size() - 1).totalEnergyRy().value())
                        .as("last iteration te= and summary total energy agree to the 8 printed decimals")
                        .isCloseTo(s.totalEnergyRy().value(), Offset.offset(1.01e-8));
            }
        }
        // the only issues in real fixtures: the overflowed automatic lattice constant and the truncation itself
        for (ParseIssue i : log.issues()) {
            boolean expected = (i.kind() == ParseIssue.Kind.OVERFLOW && i.field().equals("input.a"))
                    || i.kind() == ParseIssue.Kind.TRUNCATED;
            assertThat(expected).as(i.toString()).isTrue();
        }
        assertThat(log.dialect().family()).isEqualTo(expectedFamily(rel));
    }

    private static DialectFamily expectedFamily(String rel) {
        if (rel.endsWith("edge-cases/fe_cnd.out")) {
            return DialectFamily.UNKNOWN; // date and time only
        }
        if (rel.startsWith("cpa2002v010")) {
            return DialectFamily.CPA2002V010;
        }
        if (rel.startsWith("transcribed-cpa2021v01") || rel.startsWith("akaitools-samples")) {
            return DialectFamily.CPA2021V01;
        }
        if (rel.startsWith("transcribed-v2022.0721-standard")) {
            return DialectFamily.V2022_0721;
        }
        if (rel.startsWith("transcribed-v2022.0721-cnd")) {
            return DialectFamily.V2022_0721_CND;
        }
        throw new IllegalArgumentException("no dialect known for " + rel);
    }
}
