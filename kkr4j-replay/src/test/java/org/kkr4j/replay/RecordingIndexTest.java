package org.kkr4j.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingIndexTest {

    @TempDir
    Path temp;

    @Test
    void findsEveryRecordingOnDiskWithItsFiles() throws IOException {
        RecordingIndex index = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()));

        List<Path> onDisk = Fixtures.recordingDirectories();
        assertThat(index.recordings()).extracting(Recording::directory).containsExactlyElementsOf(onDisk);
        assertThat(index.runCount()).isGreaterThan(onDisk.size());
        for (Recording r : index.recordings()) {
            assertThat(r.code().version()).isEqualTo("cpa2002v010");
            for (Recording.Run run : r.runs()) {
                assertThat(run.card()).isRegularFile();
                assertThat(run.log()).isRegularFile();
                assertThat(run.filesOut().values()).allSatisfy(p -> assertThat(p).isRegularFile());
            }
        }
    }

    @Test
    void readsTheDocumentedExampleExactly() throws IOException {
        Path dir = Fixtures.twoRunRecording();
        RecordingIndex index = RecordingIndex.scan(List.of(dir));

        assertThat(index.recordings()).hasSize(1);
        Recording r = index.recordings().get(0);
        assertThat(r.directory()).isEqualTo(dir);
        assertThat(r.manifest()).isEqualTo(dir.resolve("recording.json"));
        assertThat(r.code()).isEqualTo(new Recording.Code("cpa2002v010",
                "gfortran 12.2 -O2 -mcmodel=medium -std=legacy -fopenmp", 1));
        assertThat(r.runs()).containsExactly(
                new Recording.Run(0, dir.resolve("inputcard_go"), dir.resolve("out_go.log"), 0, 165.1,
                        Map.of(), Map.of("data/pot", dir.resolve("data/pot"))),
                new Recording.Run(1, dir.resolve("inputcard_dos"), dir.resolve("out_dos.log"), 0, 21.4,
                        Map.of("data/pot", "c4e74432f515dfcf3f5376160d54188fff69753cc8706f8213c618b78364dc6d"),
                        Map.of("data/pot.info", dir.resolve("data/pot.info"))));
        // the recorded hash is that of the file the first run left
        assertThat(RecordingIndex.sha256(dir.resolve("data/pot"))).isEqualTo(r.runs().get(1).filesInSha256().get("data/pot"));
    }

    @Test
    void missingOrEmptyRootsAreNamed() throws IOException {
        Path missing = temp.resolve("nowhere");
        assertThatThrownBy(() -> RecordingIndex.scan(List.of(missing)))
                .isInstanceOf(RecordingRootException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");

        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> RecordingIndex.scan(List.of(Fixtures.recordingsRoot(), empty)))
                .isInstanceOf(RecordingRootException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("holds no recording.json");

        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> RecordingIndex.scan(List.of(file)))
                .isInstanceOf(RecordingRootException.class).hasMessageContaining("is not a directory");
    }

    @Test
    void overlappingRootsListARecordingOnce() throws IOException {
        Path dir = Fixtures.twoRunRecording();
        RecordingIndex index = RecordingIndex.scan(List.of(dir.getParent(), dir));
        assertThat(index.recordings()).extracting(Recording::directory).doesNotHaveDuplicates().contains(dir);
    }

    @Test
    void badManifestsAreRejectedNamingTheFileAndTheField() throws IOException {
        assertBadManifest("{\"format\": 1, \"code\": ", "not valid JSON");
        assertBadManifest("{\"format\": 2, \"code\": {\"version\": \"v\"}, \"runs\": []}", "only format 1 is supported");
        assertBadManifest("{\"format\": 1, \"code\": {\"version\": \"v\"}, \"runs\": []}", "\"runs\" must be a non-empty array");
        assertBadManifest(manifest(run("card", "log", 0, "{}", "{\"../outside\": \"pot\"}")),
                "runs[0].files_out \"../outside\" is not a file inside the working directory");
        assertBadManifest(manifest(run("card", "log", 0, "{}", "{\"/abs/pot\": \"pot\"}")),
                "runs[0].files_out \"/abs/pot\" must be a relative path");
        assertBadManifest(manifest(run("card", "../../log", 0, "{}", "{}")),
                "runs[0].log \"../../log\" leaves the recording directory");
        assertBadManifest(manifest(run("card", "log", 0, "{\"pot\": \"md5:abc\"}", "{}")),
                "runs[0].files_in.pot must be \"sha256:\" and 64 hex digits");
        assertBadManifest(manifest(run("card", "log", 300, "{}", "{}")), "runs[0].exit must be an integer in [0, 255]");
        assertBadManifest(manifest("{\"card\": \"card\", \"log\": \"log\", \"exit\": 0, \"files_in\": {}, \"files_out\": {}}"),
                "runs[0] has no \"seconds\"");
    }

    private void assertBadManifest(String json, String expected) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("bad" + System.nanoTime()));
        Path manifest = Files.writeString(dir.resolve("recording.json"), json);
        assertThatThrownBy(() -> RecordingIndex.scan(List.of(dir)))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageStartingWith(manifest.toString())
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((RecordingFormatException) e).manifest()).isEqualTo(manifest));
    }

    static String manifest(String... runs) {
        return "{\"format\": 1, \"code\": {\"version\": \"cpa2002v010\", \"build\": \"test\", \"threads\": 1},"
                + " \"runs\": [" + String.join(", ", runs) + "]}";
    }

    static String run(String card, String log, int exit, String filesIn, String filesOut) {
        return "{\"card\": \"" + card + "\", \"log\": \"" + log + "\", \"exit\": " + exit + ", \"seconds\": 1.5,"
                + " \"files_in\": " + filesIn + ", \"files_out\": " + filesOut + "}";
    }

    @Test
    void cacheGivesTheSameRecordingsAsParsing() throws IOException {
        Path cache = temp.resolve("index.bin");
        RecordingIndex parsed = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()));
        RecordingIndex first = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()), cache);
        assertThat(cache).isRegularFile();
        RecordingIndex cached = RecordingIndex.scan(List.of(Fixtures.recordingsRoot()), cache);

        assertThat(first.recordings()).isEqualTo(parsed.recordings());
        assertThat(cached.recordings()).isEqualTo(parsed.recordings());
    }

    @Test
    void cacheEntriesAreUsedOnlyWhileTheManifestKeepsSizeAndTime() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("rec"));
        Files.writeString(dir.resolve("card"), "c card\n");
        Files.writeString(dir.resolve("log"), "log\n");
        Path manifest = dir.resolve("recording.json");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.writeString(manifest, manifest(run("card", "log", 0, "{}", "{}")));
        Files.setLastModifiedTime(manifest, old);
        Path cache = temp.resolve("index.bin");
        assertThat(exitOf(RecordingIndex.scan(List.of(dir), cache))).isZero();

        // same size and time: the cached entry is used (this shows the cache is read at all)
        Files.writeString(manifest, manifest(run("card", "log", 7, "{}", "{}")));
        Files.setLastModifiedTime(manifest, old);
        assertThat(exitOf(RecordingIndex.scan(List.of(dir), cache))).isZero();

        // another time: parsed again
        Files.setLastModifiedTime(manifest, FileTime.from(Instant.now().minusSeconds(1800)));
        assertThat(exitOf(RecordingIndex.scan(List.of(dir), cache))).isEqualTo(7);

        // another size with the old time: parsed again
        Files.writeString(manifest, manifest(run("card", "log", 42, "{}", "{}")));
        Files.setLastModifiedTime(manifest, old);
        assertThat(exitOf(RecordingIndex.scan(List.of(dir), cache))).isEqualTo(42);
    }

    @Test
    void aManifestChangedAroundTheCacheWriteIsNeverTakenFromTheCache() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("rec"));
        Files.writeString(dir.resolve("card"), "c card\n");
        Files.writeString(dir.resolve("log"), "log\n");
        Path manifest = dir.resolve("recording.json");
        Files.writeString(manifest, manifest(run("card", "log", 1, "{}", "{}")));
        FileTime now = Files.getLastModifiedTime(manifest);
        Path cache = temp.resolve("index.bin");
        assertThat(exitOf(RecordingIndex.scan(List.of(dir), cache))).isEqualTo(1);

        // rewritten within the timestamp granularity: same size, same time, other content
        Files.writeString(manifest, manifest(run("card", "log", 2, "{}", "{}")));
        Files.setLastModifiedTime(manifest, now);
        assertThat(exitOf(RecordingIndex.scan(List.of(dir), cache))).isEqualTo(2);
    }

    @Test
    void addedAndRemovedRecordingsAreSeenThroughTheCache() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path a = recordingWithExit(root.resolve("a"), 1);
        Path cache = temp.resolve("index.bin");
        assertThat(RecordingIndex.scan(List.of(root), cache).recordings()).extracting(Recording::directory).containsExactly(a);

        Path b = recordingWithExit(root.resolve("b"), 2);
        assertThat(RecordingIndex.scan(List.of(root), cache).recordings()).extracting(Recording::directory).containsExactly(a, b);

        Files.delete(a.resolve("recording.json"));
        assertThat(RecordingIndex.scan(List.of(root), cache).recordings()).extracting(Recording::directory).containsExactly(b);
    }

    @Test
    void aDamagedOrForeignCacheIsIgnoredAndReplaced() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path a = recordingWithExit(root.resolve("a"), 3);
        Path cache = temp.resolve("index.bin");

        Files.write(cache, "not a cache".getBytes(StandardCharsets.US_ASCII));
        assertThat(exitOf(RecordingIndex.scan(List.of(root), cache))).isEqualTo(3);
        assertThat(Fixtures.read(cache)).isNotEqualTo("not a cache".getBytes(StandardCharsets.US_ASCII));

        byte[] valid = Fixtures.read(cache);
        Files.write(cache, Arrays.copyOf(valid, valid.length / 2));
        assertThat(exitOf(RecordingIndex.scan(List.of(root), cache))).isEqualTo(3);

        // written for other roots: not used for these
        Path otherRoot = Files.createDirectories(temp.resolve("other"));
        recordingWithExit(otherRoot.resolve("x"), 9);
        RecordingIndex.scan(List.of(otherRoot), cache);
        assertThat(RecordingIndex.scan(List.of(root), cache).recordings()).extracting(Recording::directory).containsExactly(a);
    }

    private Path recordingWithExit(Path dir, int exit) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("card"), "c card " + exit + "\n");
        Files.writeString(dir.resolve("log"), "log\n");
        Path manifest = Files.writeString(dir.resolve("recording.json"), manifest(run("card", "log", exit, "{}", "{}")));
        Files.setLastModifiedTime(manifest, FileTime.from(Instant.now().minusSeconds(3600)));
        return dir;
    }

    private static int exitOf(RecordingIndex index) {
        assertThat(index.recordings()).hasSize(1);
        return index.recordings().get(0).runs().get(0).exitCode();
    }
}
