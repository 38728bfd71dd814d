package org.kkr4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.replay.ReplayLauncher;
import org.kkr4j.store.Event;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;

/**
 * {@code computer add/list/test}, {@code code add --computer} and {@code run} on a computer, end to end: the
 * computer is reached by the local transport and runs jobs with the direct scheduler in its own work root; the
 * code there is the replay executable.
 */
class ComputerCliTest {
    private static final Path HEA = RunCliTest.RECORDINGS.resolve("hea-3d");

    @TempDir
    Path tmp;
    Path home;
    Path workRoot;
    Path launcher;

    static HelpAndVersionTest.Result kkr4j(String... args) {
        return HelpAndVersionTest.run(List.of(), args);
    }

    @BeforeEach
    void setUp() throws Exception {
        home = tmp.resolve("home");
        workRoot = tmp.resolve("computer-work");
        launcher = ReplayLauncher.writeLauncher(tmp.resolve("bin"), "replay", Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"), List.of(RunCliTest.RECORDINGS));
    }

    private HelpAndVersionTest.Result addComputer(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("computer", "add", "here", "--transport", "local",
                "--scheduler", "direct", "--workdir", workRoot.toString(), "--poll", "1", "--home", home.toString()));
        args.addAll(List.of(extra));
        return kkr4j(args.toArray(String[]::new));
    }

    private HelpAndVersionTest.Result addCode(String name, Path path) {
        return kkr4j("code", "add", name, "--computer", "here", "--path", path.toString(), "--version", "cpa2002v010",
                "--home", home.toString());
    }

    private static String card(String system) {
        return HEA.resolve(system).resolve("inputcard_go").toString();
    }

    @Test
    void aComputerIsStoredWithItsSettingsListedAndChecked() throws Exception {
        Path prepend = tmp.resolve("prepend.sh");
        Files.writeString(prepend, "export KKR4J_SITE=here\n");
        var add = addComputer("--max-queued", "3", "--prepend", prepend.toString(), "--queue", "short", "--account",
                "grp1", "--walltime", "01:30:00", "--nodes", "2", "--mpi", "4", "--module", "intel", "--module",
                "impi");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("registered computer 'here': this machine (local transport), scheduler direct");
        var twice = addComputer();
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("a computer named 'here' is already registered");

        var list = kkr4j("computer", "list", "--home", home.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("here").contains("direct").contains(workRoot.toString());
        JsonNode json = Json.mapper().readTree(kkr4j("computer", "list", "--json", "--home", home.toString()).out());
        JsonNode settings = json.get(0).get("settings");
        assertThat(settings.get("maxQueued").asInt()).isEqualTo(3);
        assertThat(settings.get("pollSeconds").asInt()).isEqualTo(1);
        assertThat(settings.get("prepend").asText()).isEqualTo("export KKR4J_SITE=here\n");
        JsonNode defaults = settings.get("defaults");
        assertThat(defaults.get("walltimeSeconds").asLong()).isEqualTo(5400);
        assertThat(defaults.get("queue").asText()).isEqualTo("short");
        assertThat(defaults.get("account").asText()).isEqualTo("grp1");
        assertThat(defaults.get("nodes").asInt()).isEqualTo(2);
        assertThat(defaults.get("mpiProcs").asInt()).isEqualTo(4);
        assertThat(defaults.get("modules")).extracting(JsonNode::asText).containsExactly("intel", "impi");

        assertThat(addCode("replay-here", launcher).code()).isZero();
        var test = kkr4j("computer", "test", "here", "--home", home.toString());
        assertThat(test.code()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("ok      login").contains("ok      scheduler direct answers a status query")
                .contains("ok      work root " + workRoot + " writable")
                .contains("ok      code replay-here (" + launcher + ")").contains("all 4 checks ok");
        // the probe directory of the write check is gone
        try (var files = Files.list(workRoot)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void packingIsStoredWithTheComputer() throws Exception {
        var add = addComputer("--pack", "50", "--pack-workers", "8");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("50 runs per job, 8 at a time");
        JsonNode settings = Json.mapper().readTree(kkr4j("computer", "list", "--json", "--home", home.toString())
                .out()).get(0).get("settings");
        assertThat(settings.get("packSize").asInt()).isEqualTo(50);
        assertThat(settings.get("packWorkers").asInt()).isEqualTo(8);
        var bad = kkr4j("computer", "add", "other", "--transport", "local", "--scheduler", "direct", "--workdir",
                workRoot.toString(), "--pack", "-1", "--home", home.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--pack must be 0 (no packing) or more");
    }

    @Test
    void theCleanupPolicyIsStoredWithTheComputer() throws Exception {
        var add = addComputer("--cleanup", "keep-failed");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("run directories kept (keep-failed)");
        JsonNode settings = Json.mapper().readTree(kkr4j("computer", "list", "--json", "--home", home.toString())
                .out()).get(0).get("settings");
        assertThat(settings.get("cleanup").asText()).isEqualTo("KEEP_FAILED");
        var bad = kkr4j("computer", "add", "other", "--transport", "local", "--scheduler", "direct", "--workdir",
                workRoot.toString(), "--cleanup", "sometimes", "--home", home.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("cleanup policy must be always, keep-failed or never, not 'sometimes'");
    }

    @Test
    void sshSettingsStoreTheKeyPathNeverItsContent() throws Exception {
        Path key = tmp.resolve("id_test");
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-material\n");
        var add = kkr4j("computer", "add", "hpc", "--transport", "ssh", "--host", "login.example.org", "--port",
                "2222", "--user", "alice", "--key", key.toString(), "--proxy-jump", "bob@gate.example.org:22",
                "--scheduler", "slurm", "--workdir", "~/kkr4j", "--home", home.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("ssh alice@login.example.org:2222 via bob@gate.example.org:22");
        var json = kkr4j("computer", "list", "--json", "--home", home.toString());
        assertThat(json.out()).contains(key.toString()).doesNotContain("secret-material");
        try (Store store = Stores.open(StoreLocation.sqlite(home))) {
            assertThat(store.computer("hpc").orElseThrow().settingsJson()).contains(key.toString())
                    .doesNotContain("secret-material").doesNotContain("PRIVATE KEY");
        }
        var noHost = kkr4j("computer", "add", "x", "--transport", "ssh", "--scheduler", "slurm", "--workdir", "/w",
                "--home", home.toString());
        assertThat(noHost.code()).isEqualTo(2);
        assertThat(noHost.err()).contains("needs --host");
        var badScheduler = kkr4j("computer", "add", "y", "--transport", "local", "--scheduler", "lsf", "--workdir",
                "/w", "--home", home.toString());
        assertThat(badScheduler.code()).isEqualTo(2);
        assertThat(badScheduler.err()).contains("lsf");
        var badWalltime = kkr4j("computer", "add", "z", "--transport", "local", "--scheduler", "slurm", "--workdir",
                "/w", "--walltime", "1h", "--home", home.toString());
        assertThat(badWalltime.code()).isEqualTo(2);
        assertThat(badWalltime.err()).contains("--walltime must be HH:MM:SS");
    }

    @Test
    void codeAddOnAComputerRefusesAMissingFileAndTestFailsForAMissingOrChangedExecutable() throws Exception {
        assertThat(addComputer().code()).isZero();
        var missing = addCode("ghost", tmp.resolve("no/such/exe"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist on here");
        Path notExecutable = tmp.resolve("plain");
        Files.writeString(notExecutable, "#!/bin/sh\n");
        var plain = addCode("plain", notExecutable);
        assertThat(plain.code()).isEqualTo(2);
        assertThat(plain.err()).contains("is not executable");

        Path changing = tmp.resolve("bin/changing");
        Files.writeString(changing, "#!/bin/sh\nexec " + launcher + " \"$@\"\n");
        Files.setPosixFilePermissions(changing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path vanishing = tmp.resolve("bin/vanishing");
        Files.copy(changing, vanishing);
        var ok = addCode("changing", changing);
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("registered code 'changing': " + changing + " on computer here");
        assertThat(addCode("vanishing", vanishing).code()).isZero();
        assertThat(kkr4j("computer", "test", "here", "--home", home.toString()).code()).isZero();

        Files.writeString(changing, "#!/bin/sh\necho another build\n");
        Files.delete(vanishing);
        var test = kkr4j("computer", "test", "here", "--home", home.toString());
        assertThat(test.code()).as(test.out()).isEqualTo(ComputerCommand.CHECK_FAILED);
        assertThat(test.out()).contains("ok      login").contains("FAILED  code changing (" + changing + "): sha256 ")
                .contains("differs from the registered")
                .contains("FAILED  code vanishing (" + vanishing + "): " + vanishing + " does not exist on here")
                .contains("2 of 5 checks FAILED");
        var list = kkr4j("code", "list", "--home", home.toString());
        assertThat(list.out()).contains("changing").contains("here");
    }

    @Test
    void runWaitOnTheComputerGivesTheRecordedOutcomesAndLogs() throws Exception {
        assertThat(addComputer().code()).isZero();
        assertThat(addCode("replay-here", launcher).code()).isZero();
        var r = kkr4j("run", "--home", home.toString(), "--code", "replay-here", "--wait", card("CrMnFeCo_bcc"),
                card("VCoNiCu_bcc"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("CONVERGED").contains("Cr25Mn25Fe25Co25").contains("V25Co25Ni25Cu25");
        for (int n = 0; n < 2; n++) {
            String id = RunCliTest.id(r, n);
            String system = n == 0 ? "CrMnFeCo_bcc" : "VCoNiCu_bcc";
            PrintStream saved = System.out;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            System.setOut(new PrintStream(bytes, true));
            try {
                assertThat(kkr4j("log", "--home", home.toString(), id).code()).isZero();
            } finally {
                System.setOut(saved);
            }
            assertThat(bytes.toByteArray()).isEqualTo(Files.readAllBytes(HEA.resolve(system).resolve("out_go.log")));
            try (Store store = Stores.open(StoreLocation.sqlite(home))) {
                long runId = Long.parseLong(id);
                assertThat(store.remoteJob(runId)).get().satisfies(job -> assertThat(job.computer()).isEqualTo("here"));
                assertThat(store.events(runId)).extracting(Event::reason)
                        .anyMatch(reason -> reason.startsWith("submitted as job"))
                        .anyMatch(reason -> reason.contains("on here finished with exit status 0"));
            }
        }
        try (var files = Files.list(workRoot)) {
            assertThat(files).as("run directories on the computer are removed").isEmpty();
        }
    }
}
