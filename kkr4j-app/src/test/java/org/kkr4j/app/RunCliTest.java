package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.replay.ReplayLauncher;

/** code / run / ps / show / log / cancel / export / import / gc end to end, with the replay executable as specx. */
class RunCliTest {
    static final Path RECORDINGS = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran");
    private static final Path HEA = RECORDINGS.resolve("hea-3d");

    @TempDir
    Path tmp;
    Path home;

    static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    /** Registers the replay executable as code {@code replay} in a new home. */
    static Path homeWithReplay(Path dir) throws Exception {
        Path home = dir.resolve("home");
        Path launcher = ReplayLauncher.writeLauncher(dir.resolve("bin"), "replay",
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"), List.of(RECORDINGS));
        var r = kkr4j("code", "add", "replay", "--path", launcher.toString(), "--version", "cpa2002v010",
                "--home", home.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("registered code 'replay'").contains("sha256");
        return home;
    }

    @BeforeEach
    void setUp() throws Exception {
        home = homeWithReplay(tmp);
    }

    /** The id of the n-th run a {@code kkr4j run} printed ("run ID (card): ..."). */
    static String id(HelpAndVersionTest.Result r, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^run (\\d+) \\(").matcher(r.out());
        for (int i = 0; i <= n; i++) {
            assertThat(m.find()).as(r.out() + r.err()).isTrue();
        }
        return m.group(1);
    }

    private String h() {
        return home.toString();
    }

    private static String card(String system) {
        return HEA.resolve(system).resolve("inputcard_go").toString();
    }

    @Test
    void runWaitPrintsTheResultsAndAResubmissionIsACacheHit() throws Exception {
        var r = kkr4j("run", "--home", h(), "--code", "replay", "--wait", card("CrMnFeCo_bcc"), card("VCoNiCu_bcc"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("run 1 (").contains(": queued").contains("CONVERGED")
                .contains("Cr25Mn25Fe25Co25").contains("V25Co25Ni25Cu25");
        var again = kkr4j("run", "--home", h(), "--code", "replay", "--wait", card("CrMnFeCo_bcc"));
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("answered from the store by run").contains("no process started")
                .contains("cache hit of run");
        var ps = kkr4j("ps", "--home", h());
        assertThat(ps.out()).contains("3 run(s) shown").contains("done 3");
        var json = kkr4j("ps", "--home", h(), "--json");
        JsonNode runs = Json.mapper().readTree(json.out());
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0).get("cachedFrom").asLong()).isPositive();
    }

    @Test
    void logPrintsTheStoredBytesAndShowTheProvenance() throws Exception {
        kkr4j("run", "--home", h(), "--code", "replay", "--wait", card("MnFeCoCu_bcc"));
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true));
        try {
            assertThat(kkr4j("log", "--home", h(), "1").code()).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(bytes.toByteArray()).isEqualTo(Files.readAllBytes(HEA.resolve("MnFeCoCu_bcc/out_go.log")));
        var show = kkr4j("show", "--home", h(), "1");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("outcome CONVERGED").contains("inputcard").contains("data/pot")
                .contains("stdout.log").contains("QUEUED").contains("RUNNING").contains("DONE")
                .contains("total energy   -2739.892953332");
    }

    @Test
    void aDosRunTakesThePotentialOfAnEarlierRun() throws Exception {
        Path dir = RECORDINGS.resolve("ewidth-scan/FeCoNiCu_fcc_ew1.2");
        var go = kkr4j("run", "--home", h(), "--code", "replay", "--wait", dir.resolve("inputcard_go").toString());
        assertThat(go.code()).as(go.err()).isZero();
        var dos = kkr4j("run", "--home", h(), "--code", "replay", "--wait", "--from", id(go, 0),
                dir.resolve("inputcard_dos").toString());
        assertThat(dos.code()).as(dos.out() + dos.err()).isZero();
        assertThat(dos.out()).contains("COMPLETED");
        var show = kkr4j("show", "--home", h(), id(dos, 0));
        assertThat(show.out()).contains("created by run " + id(go, 0));
    }

    @Test
    void queuedRunsCanBeCancelledAndBadRequestsFailClearly() throws Exception {
        var q = kkr4j("run", "--home", h(), "--code", "replay", "--queue-only", card("TiCrFeCo_bcc"));
        assertThat(q.code()).isZero();
        var c = kkr4j("cancel", "--home", h(), "1");
        assertThat(c.out()).contains("run 1 cancelled");
        assertThat(kkr4j("ps", "--home", h()).out()).contains("CANCELLED");

        var missing = kkr4j("run", "--home", h(), "--code", "nonesuch", card("TiCrFeCo_bcc"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no code named 'nonesuch'");
        var unreadable = kkr4j("run", "--home", h(), "--code", "replay", tmp.resolve("no-such-card").toString());
        assertThat(unreadable.code()).isEqualTo(3);
        assertThat(unreadable.err()).contains("no-such-card");
        Path garbage = tmp.resolve("garbage.card");
        Files.write(garbage, new byte[] {1, 2, 3, 10});
        var bad = kkr4j("run", "--home", h(), "--code", "replay", garbage.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("garbage.card");
        var noExe = kkr4j("code", "add", "x", "--path", tmp.resolve("nothing").toString(), "--version", "cpa2002v010",
                "--home", h());
        assertThat(noExe.code()).isEqualTo(2);
        assertThat(noExe.err()).contains("does not exist");
        assertThat(kkr4j("ps", "--home", h()).out()).contains("1 run(s) shown");
    }

    @Test
    void exportImportAndGc() throws Exception {
        Path dir = RECORDINGS.resolve("ewidth-scan/FeCoNiCu_fcc_ew1.2");
        var go = kkr4j("run", "--home", h(), "--code", "replay", "--wait", dir.resolve("inputcard_go").toString());
        var dos = kkr4j("run", "--home", h(), "--code", "replay", "--wait", "--from", id(go, 0),
                dir.resolve("inputcard_dos").toString());
        Path zip = tmp.resolve("runs.zip");
        var export = kkr4j("export", "--home", h(), id(dos, 0), "--to", zip.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported 2 run(s)");
        Path other = tmp.resolve("other");
        var imported = kkr4j("import", "--home", other.toString(), zip.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        var again = kkr4j("import", "--home", other.toString(), zip.toString());
        assertThat(again.out()).contains("imported 0 run(s)");
        List<String> here = new ArrayList<>(kkr4j("show", "--home", h(), id(dos, 0)).out().lines().toList());
        var there = kkr4j("ps", "--home", other.toString(), "--json");
        JsonNode runs = Json.mapper().readTree(there.out());
        assertThat(runs).hasSize(2);
        String uuid = runs.get(0).get("uuid").asText();
        String shownThere = kkr4j("show", "--home", other.toString(), uuid).out();
        assertThat(shownThere).contains(here.stream().filter(l -> l.startsWith("  total energy")).findFirst()
                .orElseThrow());
        var gc = kkr4j("gc", "--home", h());
        assertThat(gc.code()).isZero();
        assertThat(gc.out()).contains("blob(s) kept");
    }
}
