package org.kkr4j.replay;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReplayMain#replay} in-process: every recorded run, and every failure of the replay itself. */
class ReplayMainTest {

    @TempDir
    static Path sharedTemp;

    @TempDir
    Path temp;

    /** What one call produced. */
    record Call(int exit, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.ISO_8859_1);
        }
    }

    static Call call(byte[] card, Path cwd, Map<String, String> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ReplayMain.replay(new ByteArrayInputStream(card), out,
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd, ReplayEnv.ofVariables(variables));
        return new Call(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> rootsOnly() {
        return Map.of(ReplayEnv.ROOTS_VARIABLE, Fixtures.recordingsRoot().toString());
    }

    @TestFactory
    Stream<DynamicTest> everyRecordingReplaysRunByRunInOneDirectory() throws IOException {
        // one cache for all calls: the in-process path then exercises the cache as the launcher does
        Map<String, String> env = Map.of(ReplayEnv.ROOTS_VARIABLE, Fixtures.recordingsRoot().toString(),
                ReplayEnv.INDEX_CACHE_VARIABLE, sharedTemp.resolve("index.bin").toString());
        RecordingIndex index = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()));
        assertThat(index.recordings()).extracting(Recording::directory)
                .containsExactlyElementsOf(Fixtures.recordingDirectories());
        return index.recordings().stream().map(recording -> DynamicTest.dynamicTest(
                Fixtures.recordingsRoot().relativize(recording.directory()).toString(),
                () -> replayAllRuns(recording, env)));
    }

    private void replayAllRuns(Recording recording, Map<String, String> env) throws IOException {
        Path work = Files.createTempDirectory(temp, "run");
        TreeSet<String> expectedFiles = new TreeSet<>();
        for (Recording.Run run : recording.runs()) {
            Call c = call(Fixtures.read(run.card()), work, env);

            assertThat(c.stderr()).as("stderr of %s", run.card()).isEmpty();
            assertThat(c.exit()).as("exit of %s", run.card()).isEqualTo(run.exitCode());
            assertThat(c.stdout()).as("log of %s", run.card()).isEqualTo(Fixtures.read(run.log()));
            for (Map.Entry<String, Path> out : run.filesOut().entrySet()) {
                assertThat(Fixtures.read(work.resolve(out.getKey()))).as("%s after %s", out.getKey(), run.card())
                        .isEqualTo(Fixtures.read(out.getValue()));
            }
            expectedFiles.addAll(run.filesOut().keySet());
            assertThat(Fixtures.filesBelow(work)).as("files after %s", run.card()).containsExactlyElementsOf(expectedFiles);
        }
    }

    @Test
    void aRunReadingAnEarlierRunsOutputNeedsItAndSaysSo() throws IOException {
        Path dir = Fixtures.twoRunRecording();
        Call c = call(Fixtures.read(dir.resolve("inputcard_dos")), temp, rootsOnly());

        assertThat(c.exit()).isEqualTo(ReplayMain.EXIT_INPUTS_DIFFER);
        assertThat(c.stderr()).contains("data/pot is missing")
                .contains("recorded sha256 c4e74432f515dfcf3f5376160d54188fff69753cc8706f8213c618b78364dc6d for "
                        + dir.resolve("inputcard_dos"));
        assertThat(c.stdout()).isEmpty();
        assertThat(Fixtures.filesBelow(temp)).isEmpty();
    }

    @Test
    void aDifferentInputFileIsReportedWithBothHashesAndLeftAlone() throws IOException {
        Path dir = Fixtures.twoRunRecording();
        Path pot = Files.createDirectories(temp.resolve("data")).resolve("pot");
        Files.writeString(pot, "not the potential\n");
        String found = RecordingIndex.sha256(pot);

        Call c = call(Fixtures.read(dir.resolve("inputcard_dos")), temp, rootsOnly());

        assertThat(c.exit()).isEqualTo(ReplayMain.EXIT_INPUTS_DIFFER);
        assertThat(c.stderr()).contains("data/pot has a different content (sha256 " + found + ")")
                .contains("recorded sha256 c4e74432f515dfcf3f5376160d54188fff69753cc8706f8213c618b78364dc6d");
        assertThat(c.stdout()).isEmpty();
        assertThat(Fixtures.filesBelow(temp)).containsExactly("data/pot");
        assertThat(Files.readString(pot)).isEqualTo("not the potential\n");
    }

    @Test
    void theSameCardInSeveralRecordingsIsToldApartByTheInputFile() throws IOException {
        // the dos cards of one system are identical for every ewidth of its go run; data/pot decides
        RecordingIndex index = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()));
        Map<String, List<Recording>> byCard = new HashMap<>();
        for (Recording r : index.recordings()) {
            for (Recording.Run run : r.runs()) {
                if (!run.filesInSha256().isEmpty()) {
                    byCard.computeIfAbsent(new String(Fixtures.read(run.card()), StandardCharsets.ISO_8859_1),
                            k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<Recording> shared = byCard.values().stream().filter(l -> l.size() > 1).findFirst().orElseThrow();
        for (Recording r : shared) {
            Recording.Run dos = r.runs().get(1);
            Path work = Files.createTempDirectory(temp, "dos");
            for (Map.Entry<String, String> in : dos.filesInSha256().entrySet()) {
                Path stored = r.runs().get(0).filesOut().get(in.getKey());
                Files.createDirectories(work.resolve(in.getKey()).getParent());
                Files.copy(stored, work.resolve(in.getKey()));
            }
            Call c = call(Fixtures.read(dos.card()), work, rootsOnly());
            assertThat(c.exit()).isZero();
            assertThat(c.stdout()).as("log for %s", r.directory()).isEqualTo(Fixtures.read(dos.log()));
        }
    }

    @Test
    void anUnknownCardListsTheNearestRecordingsFirstTheOneItWasMadeFrom() throws IOException {
        Path dir = Fixtures.twoRunRecording();
        String card = Files.readString(dir.resolve("inputcard_go"), StandardCharsets.ISO_8859_1);
        String changed = card.replace(" 0.001 1.2 sra", " 0.001 1.25 sra");
        assertThat(changed).isNotEqualTo(card);

        Call c = call(changed.getBytes(StandardCharsets.ISO_8859_1), temp, rootsOnly());

        assertThat(c.exit()).isEqualTo(ReplayMain.EXIT_UNKNOWN_CARD);
        assertThat(c.stdout()).isEmpty();
        assertThat(Fixtures.filesBelow(temp)).isEmpty();
        List<String> lines = c.stderr().lines().toList();
        assertThat(lines.get(0)).startsWith("kkr4j-replay: no recorded run has this card");
        List<String> listed = lines.stream().filter(l -> l.startsWith("  /")).toList();
        assertThat(listed).hasSize(ReplayMain.NEAREST_LISTED);
        assertThat(listed.get(0)).isEqualTo("  " + dir.resolve("inputcard_go")
                + ": 1 line differs; line 4 recorded \" 0.001 1.2 sra pbe mag init\", given \" 0.001 1.25 sra pbe mag init\"");
    }

    @Test
    void nearestAreSortedByDistanceThenPath() throws IOException {
        RecordingIndex index = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()));
        List<CardNeighbour> nearest = index.nearest("c nothing like a card\n".getBytes(StandardCharsets.US_ASCII), 20);
        assertThat(nearest).hasSize(20);
        for (int i = 1; i < nearest.size(); i++) {
            CardNeighbour a = nearest.get(i - 1);
            CardNeighbour b = nearest.get(i);
            assertThat(a.differingLines() < b.differingLines()
                    || a.differingLines() == b.differingLines() && a.run().card().compareTo(b.run().card()) < 0)
                    .as("%s before %s", a.run().card(), b.run().card()).isTrue();
        }
    }

    @Test
    void configurationErrorsExitWithTwoAndWriteNothing() throws IOException {
        byte[] card = Fixtures.read(Fixtures.twoRunRecording().resolve("inputcard_go"));

        Call none = call(card, temp, Map.of());
        assertThat(none.exit()).isEqualTo(ReplayMain.EXIT_CONFIGURATION);
        assertThat(none.stderr()).contains("no recording root configured").contains(ReplayEnv.ROOTS_VARIABLE);

        Path missing = temp.resolve("no-such-root");
        Call gone = call(card, temp, Map.of(ReplayEnv.ROOTS_VARIABLE, missing.toString()));
        assertThat(gone.exit()).isEqualTo(ReplayMain.EXIT_CONFIGURATION);
        assertThat(gone.stderr()).contains("recording root " + missing + " does not exist");

        Call badScale = call(card, temp, Map.of(ReplayEnv.ROOTS_VARIABLE, Fixtures.recordingsRoot().toString(),
                ReplayEnv.TIME_SCALE_VARIABLE, "fast"));
        assertThat(badScale.exit()).isEqualTo(ReplayMain.EXIT_CONFIGURATION);
        assertThat(badScale.stderr()).contains(ReplayEnv.TIME_SCALE_VARIABLE + " must be a number >= 0, not \"fast\"");

        for (Call c : List.of(none, gone, badScale)) {
            assertThat(c.stdout()).isEmpty();
        }
        assertThat(Fixtures.filesBelow(temp)).isEmpty();
    }

    @Test
    void theRootsPropertyIsUsedWhenTheVariableIsUnset() throws IOException {
        Path dir = Fixtures.twoRunRecording();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ReplayMain.replay(new ByteArrayInputStream(Fixtures.read(dir.resolve("inputcard_go"))), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), temp,
                new ReplayEnv(Map.of("OMP_NUM_THREADS", "4"), Map.of(ReplayEnv.ROOTS_PROPERTY, dir.toString())));
        assertThat(exit).isZero();
        assertThat(out.toByteArray()).isEqualTo(Fixtures.read(dir.resolve("out_go.log")));
    }

    @Test
    void aRecordingMissingItsOutputFileFailsBeforeWritingAnything() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root/rec"));
        Files.writeString(root.resolve("card"), "c card\n");
        Files.writeString(root.resolve("log"), "the log\n");
        Files.writeString(root.resolve("recording.json"), RecordingIndexTest.manifest(
                RecordingIndexTest.run("card", "log", 0, "{}", "{\"data/pot\": \"data/pot\"}")));
        Path work = Files.createDirectories(temp.resolve("work"));

        Call c = call("c card\n".getBytes(StandardCharsets.US_ASCII), work,
                Map.of(ReplayEnv.ROOTS_VARIABLE, temp.resolve("root").toString()));

        assertThat(c.exit()).isEqualTo(ReplayMain.EXIT_CONFIGURATION);
        assertThat(c.stderr()).contains(root.resolve("recording.json").toString())
                .contains("files_out data/pot file " + root.resolve("data/pot") + " of runs[0] does not exist");
        assertThat(c.stdout()).isEmpty();
        assertThat(Fixtures.filesBelow(work)).isEmpty();
    }

    @Test
    void aRecordedNonZeroExitIsReturnedAfterTheLog() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root/rec"));
        Files.writeString(root.resolve("card"), "c card\n");
        Files.writeString(root.resolve("log"), "partial log\n");
        Files.writeString(root.resolve("recording.json"), RecordingIndexTest.manifest(
                RecordingIndexTest.run("card", "log", 137, "{}", "{}")));

        Call c = call("c card\n".getBytes(StandardCharsets.US_ASCII), temp,
                Map.of(ReplayEnv.ROOTS_VARIABLE, temp.resolve("root").toString()));

        assertThat(c.exit()).isEqualTo(137);
        assertThat(c.stdoutText()).isEqualTo("partial log\n");
    }

    @Test
    void aTimedLogComesInPiecesAtLineEndsSpreadOverTheWallTime() throws Exception {
        byte[] log = Fixtures.read(Fixtures.twoRunRecording().resolve("out_go.log"));
        List<Long> writeNanos = new ArrayList<>();
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                collected.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writeNanos.add(System.nanoTime());
                collected.write(b, off, len);
                assertThat(b[off + len - 1]).as("piece ends at a line end").isEqualTo((byte) '\n');
            }
        };
        long wall = 400_000_000L;
        long start = System.nanoTime();
        ReplayMain.writeLog(log, recording, wall);
        long elapsed = System.nanoTime() - start;

        assertThat(collected.toByteArray()).isEqualTo(log);
        assertThat(writeNanos).hasSizeBetween(ReplayMain.LOG_PIECES - 1, ReplayMain.LOG_PIECES);
        assertThat(elapsed).isGreaterThanOrEqualTo(wall);
        // the last piece is not written before 80 % of the time
        assertThat(writeNanos.get(writeNanos.size() - 1) - start).isGreaterThanOrEqualTo(wall * 8 / 10);
    }

    @Test
    void piecesCoverTheBytesExactlyOnce() {
        byte[] text = "a\nbb\nccc\n\nno newline at the end".getBytes(StandardCharsets.US_ASCII);
        for (int count : new int[] {1, 3, 10, 100}) {
            List<int[]> pieces = ReplayMain.pieces(text, count);
            assertThat(pieces.get(0)[0]).isZero();
            assertThat(pieces.get(pieces.size() - 1)[1]).isEqualTo(text.length);
            for (int i = 1; i < pieces.size(); i++) {
                assertThat(pieces.get(i)[0]).isEqualTo(pieces.get(i - 1)[1]);
            }
            assertThat(pieces).allSatisfy(p -> assertThat(p[1]).isGreaterThan(p[0]));
        }
        assertThat(ReplayMain.pieces(new byte[0], 10)).isEmpty();
    }

    @Test
    void timingFollowsTheVariables() throws ReplayConfigurationException {
        Recording.Run run = new Recording.Run(0, Path.of("/c"), Path.of("/l"), 0, 200.0, Map.of(), Map.of());
        assertThat(ReplayEnv.ofVariables(Map.of()).timing().wallNanos(run)).isZero();
        assertThat(ReplayEnv.ofVariables(Map.of(ReplayEnv.TIME_SCALE_VARIABLE, "0.01")).timing().wallNanos(run))
                .isCloseTo(2_000_000_000L, Offset.offset(1L));
        assertThat(ReplayEnv.ofVariables(Map.of(ReplayEnv.SECONDS_VARIABLE, "2")).timing().wallNanos(run))
                .isEqualTo(2_000_000_000L);
        assertThat(ReplayEnv.ofVariables(Map.of(ReplayEnv.SECONDS_VARIABLE, "2", ReplayEnv.TIME_SCALE_VARIABLE, "0"))
                .timing().wallNanos(run)).isZero();
    }
}
