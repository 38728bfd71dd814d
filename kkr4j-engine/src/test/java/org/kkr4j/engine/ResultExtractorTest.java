package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.store.RunResult;

/** The typed columns equal what the log parser reads, field by field, and stay null where the log says nothing. */
class ResultExtractorTest {
    private static final Path GFORTRAN = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran");

    @Test
    void goRunColumnsAreTheParsedValues() throws Exception {
        Path dir = GFORTRAN.resolve("hea-3d/CrMnFeCo_bcc");
        SpecxLog log = SpecxLogParser.parse(SourceText.read(dir.resolve("out_go.log")));
        PreparedCard card = PreparedCard.read(Files.readAllBytes(dir.resolve("inputcard_go")), "inputcard_go",
                AkaiVersion.CPA2002V010, true);
        RunResult r = ResultExtractor.extract(log, card.lastDeck());
        Deck d = log.lastDeck();
        assertThat(r.system()).isEqualTo("Cr25Mn25Fe25Co25");
        assertThat(r.lattice()).isEqualTo(d.input().brvtyp());
        assertThat(r.mode()).isEqualTo("go");
        assertThat(r.ewidthRy()).isEqualTo(d.input().ewidthRy().value());
        assertThat(r.converged()).isTrue();
        assertThat(r.iterations()).isEqualTo(d.iterations().size());
        assertThat(r.totalEnergyRy()).isEqualTo(d.summary().totalEnergyRy().value());
        assertThat(r.fermiEnergyRy()).isEqualTo(d.summary().fermiLevelUpRy().value());
        assertThat(r.totalMomentMuB()).isEqualTo(d.summary().spinMomentMuB().value());
        assertThat(r.latticeConstantBohr()).isEqualTo(d.lattice().aBohr().value());
        assertThat(r.curieTemperatureK()).isNull();
        assertThat(r.resistivityMicroOhmCm()).isNull();
        assertThat(r.momentsJson()).contains("\"element\":\"Fe\"");
    }

    @Test
    void postProcessingRunsHaveNoConvergence() throws Exception {
        Path edge = GFORTRAN.resolve("edge-cases");
        SpecxLog log = SpecxLogParser.parse(SourceText.read(edge.resolve("fe_dos.out")));
        RunResult r = ResultExtractor.extract(log, null);
        assertThat(r.converged()).isNull();
        assertThat(r.system()).isNull();
    }
}
