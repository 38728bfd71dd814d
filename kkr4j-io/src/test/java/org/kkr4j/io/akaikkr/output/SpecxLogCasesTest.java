package org.kkr4j.io.akaikkr.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.fortran.FixedField;
import org.kkr4j.io.testing.SharedRoot;

/**
 * Specific logs: where PyAkaiKKR is documented wrong, kkr4j's value is checked against the file text;
 * plus error stops, unsupported modes, option errors and the layouts of each dialect.
 */
class SpecxLogCasesTest {

    private static final String GAES_DONE = "transcribed-cpa2021v01-gaes/Al0p25Ge0p25Hf0p25Bi0p25_fcc/"
            + "key_13327283,ew_000-1.2000,ed_000-1e-04,polytyp_fcc,pm_000-5e-03/out_go.log";

    private static JsonNode reference(String rel, String getter) throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedRoot.resolve("reference/pyakaikkr/" + rel + ".json").toFile());
        return root.get("results").get(getter);
    }

    @Test
    void multiDeckLatticeScanKeepsEachDeckApart() throws IOException {
        SpecxLog log = LogFixtures.parse("cpa2002v010-dist/out/fe_latt");
        assertThat(log.decks()).hasSize(5);
        assertThat(log.decks()).extracting(Deck::outcome).containsExactly(RunOutcome.CONVERGED, RunOutcome.CONVERGED,
                RunOutcome.NOT_CONVERGED, RunOutcome.CONVERGED, RunOutcome.NOT_CONVERGED);
        assertThat(log.outcome()).isEqualTo(RunOutcome.NOT_CONVERGED);
        // PyAkaiKKR says "converged" for the whole file
        assertThat(reference("cpa2002v010-dist/out/fe_latt", "get_convergence").get("value").asBoolean()).isTrue();
        assertThat(log.decks()).extracting(d -> d.lattice().aBohr().raw())
                .containsExactly("5.20000", "5.25000", "5.30000", "5.35000", "5.40000");
        assertThat(log.decks()).extracting(d -> d.summary().totalEnergyRy().raw()).containsExactly(
                "-2522.816700602", "-2522.818158509", "-2522.818714528", "-2522.818420238", "-2522.817216170");
        assertThat(log.decks()).extracting(d -> d.meshHeader().line()).containsExactly(3, 226, 401, 577, 748);
        assertThat(log.decks()).extracting(Deck::firstLine).containsExactly(3, 226, 401, 577, 748);
        assertThat(log.decks().get(0).lastLine()).isEqualTo(225);
        assertThat(log.decks().get(4).lastLine()).isEqualTo(log.footer().firstLine() - 1);
        assertThat(log.decks().get(2).noConvergenceLine()).isEqualTo(528);
        assertThat(log.footer().totalCpuSec()).isEqualTo(363.04);
        assertThat(log.footer().threads()).isEqualTo(47);
    }

    @Test
    void fermiLevelsPerSpinAreTheTwoNumbersOfTheEfLine() throws IOException {
        String rel = "transcribed-v2022.0721-standard/Fe/out_go.log";
        SourceText text = LogFixtures.read(rel);
        SpecxLog log = SpecxLogParser.parse(text);
        FinalSummary s = log.decks().get(0).summary();
        String efLine = text.lines().stream().filter(l -> l.trim().startsWith("ef=")).findFirst().orElseThrow();
        String[] tok = efLine.trim().split("\\s+");
        assertThat(tok[0]).isEqualTo("ef=");
        assertThat(s.fermiLevelUpRy().value()).isEqualTo(Double.parseDouble(tok[1]));
        assertThat(s.fermiLevelDownRy().value()).isEqualTo(Double.parseDouble(tok[2]));
        assertThat(s.defUp().value()).isEqualTo(Double.parseDouble(tok[4]));
        assertThat(s.defDown().value()).isEqualTo(Double.parseDouble(tok[5]));
        double pyAverage = reference(rel, "get_fermi_level").get("value").asDouble();
        assertThat(pyAverage).isNotEqualTo(s.fermiLevelUpRy().value()).isNotEqualTo(s.fermiLevelDownRy().value());
        assertThat(s.bandEnergyRy().raw()).isEqualTo("4.215248879");
        assertThat(s.magnetizationT().raw()).isEqualTo("2.2963");
        assertThat(s.valenceCharge().raw()).isEqualTo("8.0000");
        assertThat(s.spinMomentMuB().raw()).isEqualTo("2.3192");
        assertThat(s.logRmsErrors()).extracting(FixedField::raw).containsExactly("-6.341", "-6.416");
        assertThat(log.decks().get(0).scfTiming().interval().raw()).isEqualTo("47");
        assertThat(log.decks().get(0).scfTiming().dmpc().raw()).isEqualTo("0.10000");
    }

    @Test
    void fixedSpinMomentEchoIsTheInputNotTheResultLine() throws IOException {
        String rel = "transcribed-v2022.0721-standard/Fe/out_fsm.log";
        SourceText text = LogFixtures.read(rel);
        Deck d = SpecxLogParser.parse(text).decks().get(0);
        assertThat(d.input().fixedSpinMomentMuB().raw()).isEqualTo("1.000000");
        assertThat(text.line(59)).contains("fixed spin moment=     1.000000");
        assertThat(text.line(213)).contains("field used to fix the spin");
        assertThat(d.input().goKind()).isEqualTo(GoMode.Kind.FSM);
        assertThat(d.outcome()).isEqualTo(RunOutcome.CONVERGED);
        assertThat(reference(rel, "get_fixed_spin_moment").get("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void cOverAIsDimensionless() throws IOException {
        String rel = "transcribed-cpa2021v01/SmCo5_oc/out_go.log";
        Deck d = LogFixtures.parse(rel).decks().get(0);
        assertThat(d.lattice().cOverA().raw()).isEqualTo("0.7979");
        assertThat(d.input().cOverA().raw()).isEqualTo("0.79787");
        double pyAng = reference(rel, "get_struc_param(unit=ang)").get("value").get("c/a").asDouble();
        assertThat(pyAng).isNotEqualTo(d.lattice().cOverA().value());
    }

    @Test
    void postProcessingRunsAreCompletedNotUnconverged() throws IOException {
        for (String rel : List.of("transcribed-v2022.0721-standard/Fe/out_dos.log",
                "transcribed-v2022.0721-standard/Fe/out_tc.log", "transcribed-v2022.0721-standard/Fe/out_j3.0.log",
                "transcribed-cpa2021v01/Fe/out_spc31.log", "transcribed-v2022.0721-cnd/NiFe/out_cnd.log",
                "cpa2002v010-gfortran/edge-cases/fe_dos.out")) {
            SpecxLog log = LogFixtures.parse(rel);
            assertThat(log.outcome()).as(rel).isEqualTo(RunOutcome.COMPLETED);
            assertThat(log.decks().get(0).iterations()).as(rel).hasSize(1);
        }
        assertThat(reference("transcribed-v2022.0721-standard/Fe/out_dos.log", "get_convergence").get("value")
                .asBoolean()).isFalse();
    }

    @Test
    void errorStopKeepsRoutineAndMessage() {
        SpecxLog log = LogFixtures.parse("cpa2002v010-gfortran/edge-cases/err.out");
        assertThat(log.outcome()).isEqualTo(RunOutcome.STOPPED_BY_ERROR);
        Deck d = log.decks().get(0);
        assertThat(d.outcome()).isEqualTo(RunOutcome.STOPPED_BY_ERROR);
        assertThat(d.errorStop().routine()).isEqualTo("spmain");
        assertThat(d.errorStop().text()).isEqualTo("illegal reltyp");
        assertThat(d.errorStop().line()).isEqualTo(35);
        assertThat(d.input().reltyp()).isEqualTo("xyz");
        assertThat(log.outcomeDetail()).contains("spmain", "illegal reltyp");
        assertThat(log.requireComplete()).isSameAs(log);
    }

    @Test
    void unsupportedModesPrintOnlyDateAndFooter() {
        for (String name : List.of("fe_tc.out", "fe_j3.0.out", "fe_geom.out")) {
            SpecxLog log = LogFixtures.parse("cpa2002v010-gfortran/edge-cases/" + name);
            assertThat(log.outcome()).isEqualTo(RunOutcome.MODE_NOT_SUPPORTED);
            assertThat(log.decks()).isEmpty();
            assertThat(log.preamble().date()).isEqualTo("24-Nov-2026");
            assertThat(log.preamble().time()).isEqualTo("13:58:32");
            assertThat(log.footer().threads()).isEqualTo(2);
            assertThat(log.footer().totalCpuSec()).isEqualTo(0.0);
            assertThat(log.dialect().family()).isEqualTo(DialectFamily.CPA2002V010);
        }
    }

    @Test
    void geomRunsAndTruncatedGoEchoes() {
        SpecxLog g21 = LogFixtures.parse("transcribed-cpa2021v01/Fe/caf80bdd15f4dc9f486d4724ecd18076/out_geom.log");
        assertThat(g21.outcome()).isEqualTo(RunOutcome.GEOMETRY_ONLY);
        InputEcho e21 = g21.decks().get(0).input();
        assertThat(e21.goText()).isEqualTo("geo");
        assertThat(e21.goEchoWidth()).isEqualTo(3);
        assertThat(e21.goEchoTruncated()).isTrue();
        assertThat(e21.goKind()).isEqualTo(GoMode.Kind.GEOM);
        assertThat(e21.goMode()).isNull();
        assertThat(g21.requireComplete()).isSameAs(g21);

        InputEcho g22 = LogFixtures.parse("transcribed-v2022.0721-standard/Fe/out_geom.log").decks().get(0).input();
        assertThat(g22.goEchoTruncated()).isFalse();
        assertThat(g22.goMode().kind()).isEqualTo(GoMode.Kind.GEOM);

        InputEcho spc21 = LogFixtures.parse("transcribed-cpa2021v01/Fe/out_spc31.log").decks().get(0).input();
        assertThat(spc21.goText()).isEqualTo("spc");
        assertThat(spc21.goEchoTruncated()).isTrue();
        assertThat(spc21.goKind()).isEqualTo(GoMode.Kind.SPC);
        assertThat(spc21.goMode()).isNull();

        InputEcho spc22 = LogFixtures.parse("transcribed-v2022.0721-standard/Fe/out_spc31.log").decks().get(0).input();
        assertThat(spc22.goEchoWidth()).isEqualTo(6);
        assertThat(spc22.goMode().spcRead()).isEqualTo(3);
        assertThat(spc22.goMode().spcWrite()).isEqualTo(1);

        InputEcho fsm = LogFixtures.parse("transcribed-cpa2021v01/Fe/out_fsm.log").decks().get(0).input();
        assertThat(fsm.goText()).isEqualTo("fsm");
        assertThat(fsm.goEchoTruncated()).as("fsm is a complete 3-letter mode").isFalse();
    }

    @Test
    void hightEntropyAlloyRunWithCpaFlagsWrappedRmsAndValenceCoreStates() {
        SpecxLog log = LogFixtures.parse(GAES_DONE);
        Deck d = log.decks().get(0);
        assertThat(d.outcome()).isEqualTo(RunOutcome.NOT_CONVERGED);
        assertThat(d.input().aBohr().overflowed()).isTrue();
        assertThat(d.input().aBohr().raw()).isEqualTo("*********");
        assertThat(d.lattice().aBohr().raw()).isEqualTo("8.68297");
        ScfIteration third = d.iterations().get(2);
        assertThat(third.cpaFlags()).isEqualTo(" *");
        assertThat(third.cpaNotConvergedSpinUp()).isFalse();
        assertThat(third.cpaNotConvergedSpinDown()).isTrue();
        assertThat(d.iterations().get(0).cpaFlags()).isEqualTo("  ");
        assertThat(d.iterations()).hasSize(500);
        assertThat(d.summary().logRmsErrors()).extracting(FixedField::raw)
                .containsExactly("1.420", "1.428", "2.122", "1.420", "1.420", "1.428", "2.122", "1.420");
        assertThat(d.energyWindows()).hasSizeGreaterThan(1);
        assertThat(d.energyWindows().get(1).afterIteration()).isEqualTo(14);
        ComponentResult hf = d.components().get(2);
        assertThat(hf.element()).isEqualTo("Hf");
        assertThat(hf.typeName()).isEqualTo("HEA");
        CoreLevel f4 = hf.coreLevelsUp().get(hf.coreLevelsUp().size() - 1);
        assertThat(f4.state()).isEqualTo("4f");
        assertThat(f4.treatedAsValence()).isTrue();
        assertThat(f4.levelRy().raw()).isEqualTo("-0.7358676");
        assertThat(hf.hyperfineField().coreContributionsKG()).extracting(ShellValue::shell)
                .containsExactly("1s", "2s", "3s", "4s", "5s");
        assertThat(hf.chargeDensityAtNucleus().coreContributions()).extracting(s -> s.value().raw())
                .containsExactly("1014165.5018", "142631.7893", "31803.9916", "7794.1932", "1325.8128");
        assertThat(hf.chargeDensityAtNucleus().total().raw()).isEqualTo("1197839.0391");
        assertThat(log.footer().os()).isEqualTo("Linux");
        assertThat(log.footer().host()).isEqualTo("mygardenx2");
        assertThat(log.footer().machine()).isEqualTo("x86_64");
        assertThat(log.footer().numberOfCores()).isEqualTo(24);
        assertThat(log.dialect().family()).isEqualTo(DialectFamily.CPA2021V01);
    }

    @Test
    void srals_orbitalOccupationAndPositiveCoreLevel() {
        Deck d = LogFixtures.parse("transcribed-cpa2021v01/SmCo5_oc/out_go.log").decks().get(0);
        ComponentResult sm = d.components().get(0);
        assertThat(sm.element()).isEqualTo("Sm");
        assertThat(sm.orbitalOccupationUp()).extracting(OrbitalOccupation::l).containsExactly("s", "p", "d", "f");
        assertThat(sm.orbitalOccupationUp()).extracting(o -> o.perM().length).containsExactly(1, 3, 5, 7);
        assertThat(sm.orbitalOccupationDown().get(3).perM()[0]).isEqualTo(0.00467);
        CoreLevel f4 = sm.coreLevelsDown().get(sm.coreLevelsDown().size() - 1);
        assertThat(f4.state()).isEqualTo("4f");
        assertThat(f4.levelRy().value()).isEqualTo(0.3428507);
        assertThat(f4.treatedAsValence()).isFalse();
        assertThat(sm.coreLevelsDown().get(sm.coreLevelsDown().size() - 2).treatedAsValence()).isTrue();
        assertThat(sm.hyperfineField().orbitalKG().raw()).isEqualTo("400.422");
        assertThat(sm.valenceChargeUp()).extracting(ShellValue::shell).containsExactly("s", "p", "d", "f");
    }

    @Test
    void v010LayoutHasNoOrbitalHyperfineNoBandEnergyAndF50Anclr() {
        SpecxLog log = LogFixtures.parse("cpa2002v010-gfortran/edge-cases/fe_go.out");
        Deck d = log.decks().get(0);
        assertThat(d.components().get(0).hyperfineField().orbitalKG()).isNull();
        assertThat(d.components().get(0).hyperfineField().coreKG()).isNotNull();
        assertThat(d.summary().bandEnergyRy()).isNull();
        assertThat(d.summary().magnetizationT()).isNull();
        assertThat(d.types().get(0).components().get(0).atomicNumber().raw()).isEqualTo("26.");
        assertThat(d.types().get(0).name()).isEqualTo("Fe_long_");
        assertThat(d.types().get(0).nameFieldWidth()).isEqualTo(8);
        assertThat(d.input().mixtyp()).isNull();
        assertThat(d.input().magtyp()).isEqualTo("mag");
        assertThat(d.input().record()).isEqualTo("init");
        assertThat(d.brillouinZoneMeshes().get(0).ntLabel()).isEqualTo("nt");
        assertThat(log.dialect().evidence()).extracting(DialectEvidence::marker)
                .contains("magtyp alone on its line", "(in unit of a)", "pmix= without mixtyp=");
        assertThat(d.lastIteration().momentMuB().value()).isNegative();
    }

    @Test
    void cndBuildDisplacementsAndTwoStageFooter() {
        SpecxLog log = LogFixtures.parse("transcribed-v2022.0721-cnd/NiFe/out_cnd.log");
        assertThat(log.dialect().family()).isEqualTo(DialectFamily.V2022_0721_CND);
        assertThat(log.preamble().debugLines()).extracting(TextLine::text)
                .containsExactly("debug bnd2_type a", "debug spmain go=cnd");
        Deck d = log.decks().get(0);
        TypeComponent c2 = d.types().get(0).components().get(1);
        assertThat(c2.index()).isEqualTo(2);
        assertThat(c2.displacement()).containsExactly(0.0, 0.0, 0.0);
        assertThat(c2.atomicNumber().raw()).isEqualTo("28.00");
        assertThat(c2.concentration().raw()).isEqualTo("0.9000");
        assertThat(d.input().rmtEcho()).extracting(FixedField::raw).containsExactly("1.00000", "1.00000");
        assertThat(d.energyMesh()).extracting(EnergyMeshPoint::realRy).containsExactly(-0.005, 0.0, 0.005);
        assertThat(d.brillouinZoneMeshes()).hasSize(2);
        assertThat(d.brillouinZoneMeshes().get(1).nd()).isNull();
        assertThat(d.brillouinZoneMeshes().get(1).nk()).isEqualTo(34061);
        assertThat(d.input().ntyp().raw()).isEqualTo("1");
        assertThat(log.footer().totalCpuSec()).isEqualTo(436.62);
        assertThat(log.footer().elapsedSec()).isEqualTo(33.78);
        assertThat(d.lastLine()).isEqualTo(271);
        assertThat(d.components()).extracting(ComponentResult::element).containsExactly("Fe", "Ni");
        assertThat(d.components().get(1).lastLine()).isLessThan(150);
    }

    @Test
    void vacancyComponentPrintsTotalsOnly() {
        Deck d = LogFixtures.parse("akaitools-samples/out/gaas").decks().get(0);
        ComponentResult vc = d.components().stream().filter(c -> c.element().equals("Vc")).findFirst().orElseThrow();
        assertThat(vc.hyperfineField().totalKG().raw()).isEqualTo("-0.000");
        assertThat(vc.hyperfineField().coreKG()).isNull();
        assertThat(vc.chargeDensityAtNucleus().total().raw()).isEqualTo("0.0023");
        assertThat(vc.chargeDensityAtNucleus().core()).isNull();
        assertThat(d.sbtimeReportLine()).as("the official 2021 release prints no sbtime report").isZero();
    }

    @Test
    void optionErrorsStopTheRun() {
        SpecxLog bad = SpecxLogParser.parse(SourceText.of("out_go_badoption.log",
                " 25-Sep-2026\n    12:12:45\n unknown token: mse=5\n100\n"));
        assertThat(bad.outcome()).isEqualTo(RunOutcome.OPTION_ERROR);
        OptionMessage m = bad.preamble().optionMessages().get(0);
        assertThat(m.kind()).isEqualTo(OptionMessage.Kind.UNKNOWN_TOKEN);
        assertThat(m.text()).isEqualTo("unknown token: mse=5");
        assertThat(m.stopCode()).isEqualTo(100);
        assertThat(m.line()).isEqualTo(3);
        assertThat(bad.outcomeDetail()).contains("unknown token: mse=5", "100");

        SpecxLog unclosed = SpecxLogParser.parse(SourceText.of("unclosed.log",
                " 25-Sep-2026\n    12:12:45\n failed to read \"end_option\"\n"));
        assertThat(unclosed.outcome()).isEqualTo(RunOutcome.OPTION_ERROR);
        assertThat(unclosed.preamble().optionMessages().get(0).kind()).isEqualTo(OptionMessage.Kind.MISSING_END_OPTION);
    }

    @Test
    void optionEchoBeforeTheMeshHeaderAndInsideTheLoop() {
        SourceText fe = LogFixtures.read("transcribed-v2022.0721-standard/Fe/out_go.log");
        List<String> lines = new ArrayList<>(fe.lines());
        int firstItr = indexOf(lines, "itr=  1 neu=");
        lines.add(firstItr, " optnwrt:critic  -2.00000000000000     ");
        lines.add(2, " optnwrt:mse           5");
        lines.add(2, " optnwrt:tol  1.000000000000000E-005");
        lines.add(2, "unknown array labelfoo, but ignore it.");
        SpecxLog log = SpecxLogParser.parse(new SourceText("out_go_option.log", lines));
        SpecxLog plain = SpecxLogParser.parse(fe);
        assertThat(log.outcome()).isEqualTo(RunOutcome.CONVERGED);
        assertThat(log.preamble().optionEchoes()).extracting(OptionEcho::name).containsExactly("tol", "mse");
        assertThat(log.preamble().optionEchoes().get(0).value()).isEqualTo("1.000000000000000E-005");
        assertThat(log.preamble().optionMessages()).extracting(OptionMessage::fatal).containsExactly(false);
        assertThat(log.decks().get(0).optionEchoes()).extracting(OptionEcho::name).containsExactly("critic");
        assertThat(log.decks().get(0).meshHeader().mse()).isEqualTo(35);
        assertThat(log.decks().get(0).iterations()).hasSameSizeAs(plain.decks().get(0).iterations());
        assertThat(log.decks().get(0).summary().totalEnergyRy())
                .isEqualTo(plain.decks().get(0).summary().totalEnergyRy());
        assertThat(log.issues()).isEmpty();
    }

    @Test
    void disagreeingDialectMarkersAreReported() {
        List<String> lines = new ArrayList<>(LogFixtures.read("cpa2002v010-gfortran/edge-cases/fe_go.out").lines());
        lines.add(2, " debug bnd2_type a");
        SpecxLog log = SpecxLogParser.parse(new SourceText("mixed.log", lines));
        assertThat(log.dialect().family()).isEqualTo(DialectFamily.V2022_0721);
        assertThat(log.issues()).filteredOn(i -> i.field().equals("dialect")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.detail()).contains("dialect markers disagree"));
        assertThat(LogFixtures.parse("cpa2002v010-gfortran/edge-cases/fe_go.out").issues()).isEmpty();
    }

    @Test
    void recordsSerialiseWithJackson() throws IOException {
        SpecxLog log = LogFixtures.parse(GAES_DONE);
        ObjectMapper mapper = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(log));
        JsonNode deck = tree.get("decks").get(0);
        assertThat(tree.get("outcome").asText()).isEqualTo("NOT_CONVERGED");
        assertThat(tree.get("dialect").get("family").asText()).isEqualTo("CPA2021V01");
        assertThat(deck.get("input").get("aBohr").get("raw").asText()).isEqualTo("*********");
        assertThat(deck.get("input").get("aBohr").get("value").isNull()).isTrue();
        assertThat(deck.get("summary").get("fermiLevelUpRy").get("value").asDouble()).isEqualTo(0.4547282);
        assertThat(deck.get("iterations")).hasSize(500);
        assertThat(deck.get("lattice").get("primitiveVectorsA").get(0).get(1).asDouble()).isEqualTo(0.5);
        assertThat(deck.get("components").get(2).get("coreLevelsUp").get(11).get("treatedAsValence").asBoolean()).isTrue();
    }

    static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
