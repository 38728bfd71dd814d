package org.kkr4j.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay executable as callers use it: a separate process started through the launcher script. */
class ReplayLauncherTest {

    private static final Pattern FORBIDDEN = Pattern.compile("cpa20\\d\\d|specx|fmg|\\.f\\b");

    @TempDir
    static Path launcherDirectory;

    static Path launcher;
    /** The directory above the recordings: it holds them all, and its path names no code. */
    static Path root;

    @TempDir
    Path temp;

    @BeforeAll
    static void writeLauncher() throws IOException {
        root = Fixtures.recordingsRoot().getParent();
        launcher = ReplayLauncher.writeLauncher(launcherDirectory, "replay-exe", Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"), List.of(root));
    }

    /** What one process produced. */
    record Result(int exit, byte[] stdout, String stderr) {
    }

    private ProcessBuilder builder(Path card, Path cwd, Path stdout, Path stderr, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString()).directory(cwd.toFile())
                .redirectInput(card.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        for (String name : List.of(ReplayEnv.ROOTS_VARIABLE, ReplayEnv.INDEX_CACHE_VARIABLE,
                ReplayEnv.TIME_SCALE_VARIABLE, ReplayEnv.SECONDS_VARIABLE, "OMP_NUM_THREADS")) {
            pb.environment().remove(name);
        }
        pb.environment().putAll(env);
        return pb;
    }

    private Result run(Path card, Path cwd, Map<String, String> env) throws Exception {
        Path outputs = Files.createTempDirectory(temp, "io");
        Path stdout = outputs.resolve("stdout");
        Path stderr = outputs.resolve("stderr");
        Process p = builder(card, cwd, stdout, stderr, env).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("replay of %s finished", card).isTrue();
        return new Result(p.exitValue(), Files.readAllBytes(stdout), Files.readString(stderr));
    }

    @Test
    void theScriptIsAnExecutableShellScriptNamingNoCode() throws IOException {
        assertThat(launcher).isEqualTo(launcherDirectory.resolve("replay-exe"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher))).isEqualTo("rwxr-xr-x");
        String script = Files.readString(launcher);
        assertThat(script).startsWith("#!/bin/sh\n").contains("exec '" + System.getProperty("java.home") + "/bin/java'")
                .contains(ReplayMain.class.getName()).contains("KKR4J_REPLAY_ROOTS='" + root + "'");
        assertThat(FORBIDDEN.matcher(script).find()).as("script text free of code names").isFalse();
    }

    @Test
    void namesOfTheRealCodeAndBadArgumentsAreRefused() {
        Path java = Path.of(System.getProperty("java.home"));
        for (String name : List.of("specx", "my-fmg", "run.f", "cpa2002")) {
            assertThatThrownBy(() -> ReplayLauncher.writeLauncher(temp, name, java, "cp", List.of(root)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
        assertThatThrownBy(() -> ReplayLauncher.writeLauncher(temp, "a/b", java, "cp", List.of(root)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain file name");
        assertThatThrownBy(() -> ReplayLauncher.writeLauncher(temp, "x", temp, "cp", List.of(root)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no executable java in " + temp);
        assertThat(Fixtures.filesBelow(temp)).isEmpty();
    }

    @Test
    void quotingSurvivesAnyCharacter() {
        assertThat(ReplayLauncher.shellQuoted("it's $HOME `x` \"y\"")).isEqualTo("'it'\\''s $HOME `x` \"y\"'");
    }

    /** Five two-run and five one-run recordings, spread over the sorted list. */
    private static List<Recording> sample() throws IOException {
        List<Recording> all = RecordingIndex.scan(List.of(root)).recordings();
        List<Recording> twoRuns = all.stream().filter(r -> r.runs().size() > 1).toList();
        List<Recording> oneRun = all.stream().filter(r -> r.runs().size() == 1).toList();
        List<Recording> sample = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sample.add(twoRuns.get(i * twoRuns.size() / 5));
            sample.add(oneRun.get(i * oneRun.size() / 5));
        }
        return sample;
    }

    @Test
    void sampledRecordingsReplayThroughTheScriptAsSeparateProcesses() throws Exception {
        List<Recording> sample = sample();
        for (int s = 0; s < sample.size(); s++) {
            Recording recording = sample.get(s);
            // callers may or may not set the thread count; the replay ignores it either way
            Map<String, String> env = s % 2 == 0 ? Map.of("OMP_NUM_THREADS", "1") : Map.of();
            Path work = Files.createTempDirectory(temp, "work");
            TreeSet<String> expectedFiles = new TreeSet<>();
            for (Recording.Run run : recording.runs()) {
                Result r = run(run.card(), work, env);
                assertThat(r.stderr()).as("stderr of %s", run.card()).isEmpty();
                assertThat(r.exit()).as("exit of %s", run.card()).isEqualTo(run.exitCode());
                assertThat(r.stdout()).as("log of %s", run.card()).isEqualTo(Files.readAllBytes(run.log()));
                for (Map.Entry<String, Path> out : run.filesOut().entrySet()) {
                    assertThat(work.resolve(out.getKey())).as("%s after %s", out.getKey(), run.card())
                            .hasSameBinaryContentAs(out.getValue());
                }
                expectedFiles.addAll(run.filesOut().keySet());
                assertThat(Fixtures.filesBelow(work)).containsExactlyElementsOf(expectedFiles);
            }
        }
        assertThat(launcherDirectory.resolve(".replay-exe.index")).as("index cache beside the script").isRegularFile();
    }

    @Test
    void theWayTheEngineCallsItThroughShRedirections() throws Exception {
        Path dir = Fixtures.twoRunRecording();
        Path log = temp.resolve("out.log");
        Path work = Files.createDirectories(temp.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", ReplayLauncher.shellQuoted(launcher.toString()) + " < "
                + ReplayLauncher.shellQuoted(dir.resolve("inputcard_go").toString()) + " > "
                + ReplayLauncher.shellQuoted(log.toString())).directory(work.toFile());
        pb.environment().remove(ReplayEnv.ROOTS_VARIABLE);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(log).hasSameBinaryContentAs(dir.resolve("out_go.log"));
        assertThat(work.resolve("data/pot")).hasSameBinaryContentAs(dir.resolve("data/pot"));
    }

    @Test
    void errorsComeFromTheProcessWithTheirCodes() throws Exception {
        Path dir = Fixtures.twoRunRecording();
        Path work = Files.createDirectories(temp.resolve("work"));

        Result missingInput = run(dir.resolve("inputcard_dos"), work, Map.of());
        assertThat(missingInput.exit()).isEqualTo(ReplayMain.EXIT_INPUTS_DIFFER);
        assertThat(missingInput.stderr()).contains("data/pot is missing");

        Path unknown = Files.writeString(temp.resolve("card"), "c not recorded\n");
        Result unknownCard = run(unknown, work, Map.of());
        assertThat(unknownCard.exit()).isEqualTo(ReplayMain.EXIT_UNKNOWN_CARD);
        assertThat(unknownCard.stderr()).contains("Nearest recorded cards");

        // the caller's roots win over the script's
        Path empty = Files.createDirectories(temp.resolve("empty-root"));
        Result otherRoot = run(dir.resolve("inputcard_go"), work, Map.of(ReplayEnv.ROOTS_VARIABLE, empty.toString()));
        assertThat(otherRoot.exit()).isEqualTo(ReplayMain.EXIT_CONFIGURATION);
        assertThat(otherRoot.stderr()).contains("recording root " + empty + " holds no recording.json");

        for (Result r : List.of(missingInput, unknownCard, otherRoot)) {
            assertThat(r.stdout()).isEmpty();
        }
        assertThat(Fixtures.filesBelow(work)).isEmpty();
    }

    @Test
    void withWallTimeTheLogGrowsAndTheOutputFilesComeLast() throws Exception {
        Path dir = Fixtures.twoRunRecording();
        byte[] full = Files.readAllBytes(dir.resolve("out_go.log"));
        Path work = Files.createDirectories(temp.resolve("work"));
        Path stdout = temp.resolve("stdout");
        long start = System.nanoTime();
        Process p = builder(dir.resolve("inputcard_go"), work, stdout, temp.resolve("stderr"),
                Map.of(ReplayEnv.SECONDS_VARIABLE, "2")).start();

        long partial = waitForOutput(p, stdout);
        assertThat(partial).isLessThan(full.length);
        assertThat(work.resolve("data/pot")).doesNotExist();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(2_000_000_000L);
        assertThat(p.exitValue()).isZero();
        assertThat(stdout).hasBinaryContent(full);
        assertThat(work.resolve("data/pot")).hasSameBinaryContentAs(dir.resolve("data/pot"));
    }

    @Test
    void aTerminatedOrKilledReplayLeavesAPartialLogAndNoOutputFile() throws Exception {
        Path dir = Fixtures.twoRunRecording();
        byte[] full = Files.readAllBytes(dir.resolve("out_go.log"));
        Map<String, Integer> expectedExit = Map.of("term", 143, "kill", 137);
        Map<String, Integer> exits = new HashMap<>();
        for (String how : List.of("term", "kill")) {
            Path work = Files.createDirectories(temp.resolve("work-" + how));
            Path stdout = temp.resolve("stdout-" + how);
            Process p = builder(dir.resolve("inputcard_go"), work, stdout, temp.resolve("stderr-" + how),
                    Map.of(ReplayEnv.SECONDS_VARIABLE, "3")).start();
            waitForOutput(p, stdout);
            if (how.equals("term")) {
                p.destroy();
            } else {
                p.destroyForcibly();
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            exits.put(how, p.exitValue());
            byte[] log = Files.readAllBytes(stdout);
            assertThat(log.length).isPositive().isLessThan(full.length);
            assertThat(log).isEqualTo(Arrays.copyOf(full, log.length));
            assertThat(Fixtures.filesBelow(work)).as("nothing written in the run directory").isEmpty();
        }
        assertThat(exits).isEqualTo(expectedExit);
    }

    /** Polls until the process has written something; returns the size seen then. */
    private static long waitForOutput(Process p, Path stdout) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long size = Files.size(stdout);
            if (size > 0) {
                return size;
            }
            assertThat(p.isAlive()).as("replay still running; stderr may tell why it stopped").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("no output within 30 s");
    }

    @Test
    void theScriptReadsNoArgumentsAndSaysSo() throws Exception {
        Process p = new ProcessBuilder(launcher.toString(), "extra").redirectInput(ProcessBuilder.Redirect.from(
                Fixtures.twoRunRecording().resolve("inputcard_go").toFile())).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ReplayMain.EXIT_CONFIGURATION);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("takes no arguments");
        assertThat(p.getInputStream().readAllBytes()).isEmpty();
    }
}
