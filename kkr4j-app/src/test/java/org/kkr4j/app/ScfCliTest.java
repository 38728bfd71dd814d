package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.automation.bench.RecordedScan;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.replay.ReplayLauncher;
import org.kkr4j.store.Event;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code kkr4j scf} and {@code kkr4j bench ewidth} end to end, with the replay executable as specx. */
class ScfCliTest {
    static final Path SCAN = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran/ewidth-scan");

    @TempDir
    Path tmp;

    static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    /** A home whose code 'replay' answers the recorded scan of one system (cards rewritten canonically). */
    private Path home(String system) throws Exception {
        RecordedScan scan = RecordedScan.discover(SCAN).stream().filter(s -> s.system().equals(system)).findFirst()
                .orElseThrow();
        Path recordings = scan.canonicalCopy(tmp.resolve("recordings"), AkaiVersion.CPA2002V010);
        Path launcher = ReplayLauncher.writeLauncher(tmp.resolve("bin"), "replay",
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"), List.of(recordings));
        Path home = tmp.resolve("home");
        var r = kkr4j("code", "add", "replay", "--path", launcher.toString(), "--version", "cpa2002v010",
                "--home", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return home;
    }

    @Test
    void scfPrintsTheTrailStoresItAndReturnsTheConvergedPotential() throws Exception {
        Path home = home("FeCoNiCu_fcc");
        // the user's card says ewidth 2.0; the first guess replaces it
        Path card = tmp.resolve("card");
        Files.writeString(card, Files.readString(SCAN.resolve("FeCoNiCu_fcc_ew1.2/inputcard_go"))
                .replace(" 0.001 1.2 ", " 0.001 2.0 "));
        // the settings of the recordings: 0.4 Ry grid, no probe, dos with edelt 1e-3 and window 3.0
        var r = kkr4j("scf", card.toString(), "--code", "replay", "--home", home.toString(), "--probe", "never",
                "--grid", "0.4", "--dos-edelt", "1e-3", "--dos-window", "3.0,3.0", "--json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("first guess ewidth 1.2000").contains("go ewidth=1.2000 fresh: converged")
                .contains("JUDGEMENT keep 1.2000").contains("finished: converged with ewidth 1.2000");
        JsonNode report = Json.mapper().readTree(r.out().substring(r.out().indexOf("\n{") + 1));
        assertThat(report.get("status").asText()).isEqualTo("FINISHED");
        assertThat(report.get("goRuns").asInt()).isEqualTo(1);
        // the go and the dos are stored runs; the decisions are events of the workflow node, which returns the
        // converged potential
        var ps = kkr4j("ps", "--home", home.toString());
        assertThat(ps.out()).contains("2 run(s) shown");
        try (Store store = Stores.open(StoreLocation.sqlite(home))) {
            long workflow = Long.parseLong(r.out().replaceAll("(?s).*workflow (\\d+) in .*", "$1"));
            assertThat(store.events(workflow)).extracting(Event::toState).contains("scf.plan", "scf.go", "scf.dos",
                    "scf.judgement", "scf.status");
            assertThat(store.outgoing(workflow)).anyMatch(l -> l.type() == LinkType.RETURN);
        }
        // the same card again: every step is answered from the store, no process runs
        var again = kkr4j("scf", card.toString(), "--code", "replay", "--home", home.toString(), "--probe", "never",
                "--grid", "0.4", "--dos-edelt", "1e-3", "--dos-window", "3.0,3.0");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        // the first run's converged go now feeds the core-level evidence of the first guess
        assertThat(again.out()).contains("1 converged go runs of code 'replay'");
        try (Store store = Stores.open(StoreLocation.sqlite(home))) {
            assertThat(store.runs(new RunQuery(null, null, 100, true))).filteredOn(run -> run.cachedFrom() != null)
                    .hasSize(2);
        }
    }

    @Test
    void aCifIsConvertedAndItsCompositionFeedsTheFirstGuess() throws Exception {
        Path home = home("FeCoNiCu_fcc");
        Path cif = SharedRoot.path().resolve("fixtures/structures/inputs/demo/AgPd-Fm-3m.cif");
        var r = kkr4j("scf", cif.toString(), "--code", "replay", "--home", home.toString(), "--probe", "never");
        // the converted card was never run by anyone: the replay refuses it and the procedure reports a failed
        // specx run; what is checked is the card the procedure built from the CIF
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(RunCommand.RUN_FAILED);
        assertThat(r.out()).contains("kkr4j scf Pd90Ag10 fcc").contains("first guess ewidth 1.2100")
                .contains("go ewidth=1.2100 fresh");
        try (Store store = Stores.open(StoreLocation.sqlite(home))) {
            var run = store.runs(new RunQuery(null, null, 10, true)).get(0);
            var card = store.files(run.nodeId()).stream().filter(f -> f.path().equals("inputcard")).findFirst()
                    .orElseThrow();
            String text = new String(store.blobs().read(card.blob().sha256()), java.nio.charset.StandardCharsets.UTF_8);
            // the documented method's SCF controls, not AkaiKKR's defaults
            assertThat(text).contains("sra").contains("pbe").contains("500");
        }
    }

    @Test
    void scfOnAComputerRunsEveryStepThereWithTheCodeRegisteredThere() throws Exception {
        Path home = home("FeCoNiCu_fcc");
        Path workRoot = tmp.resolve("computer-work");
        var unknown = kkr4j("scf", SCAN.resolve("FeCoNiCu_fcc_ew1.2/inputcard_go").toString(), "--code", "replay",
                "--home", home.toString(), "--computer", "fugaku");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no computer named 'fugaku'");
        var add = kkr4j("computer", "add", "here", "--transport", "local", "--scheduler", "direct", "--workdir",
                workRoot.toString(), "--poll", "1", "--home", home.toString());
        assertThat(add.code()).as(add.err()).isZero();
        // the code registered on this machine is not on computer 'here'
        var elsewhere = kkr4j("scf", SCAN.resolve("FeCoNiCu_fcc_ew1.2/inputcard_go").toString(), "--code", "replay",
                "--home", home.toString(), "--computer", "here");
        assertThat(elsewhere.code()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("code 'replay' is registered on this machine, not on here")
                .contains("kkr4j code add NAME --computer here");
        String launcher = tmp.resolve("bin/replay").toString();
        var code = kkr4j("code", "add", "replay-here", "--computer", "here", "--path", launcher, "--version",
                "cpa2002v010", "--home", home.toString());
        assertThat(code.code()).as(code.err()).isZero();
        var r = kkr4j("scf", SCAN.resolve("FeCoNiCu_fcc_ew1.2/inputcard_go").toString(), "--code", "replay-here",
                "--computer", "here", "--home", home.toString(), "--probe", "never", "--grid", "0.4", "--dos-edelt",
                "1e-3", "--dos-window", "3.0,3.0");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("go ewidth=1.2000").contains("finished: converged with ewidth 1.2000");
        try (Store store = Stores.open(StoreLocation.sqlite(home))) {
            var runs = store.runs(new RunQuery(null, null, 100, true));
            assertThat(runs).hasSize(2);
            // both the go and the dos went through a job on the computer, whose directories are gone again
            for (var run : runs) {
                assertThat(store.remoteJob(run.nodeId())).as(run.toString()).get()
                        .satisfies(job -> assertThat(job.computer()).isEqualTo("here"));
                assertThat(store.events(run.nodeId())).extracting(Event::reason)
                        .anyMatch(reason -> reason.startsWith("submitted as job"));
                assertThat(workRoot.resolve(run.uuid())).doesNotExist();
            }
        }
    }
}
