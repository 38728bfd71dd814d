package org.kkr4j.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The recorded runs of the shared fixtures, found through the system property {@code kkr4j.shared}. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code <shared>/fixtures/akaikkr/cpa2002v010-gfortran}; a missing root fails the test, never skips it. */
    static Path recordingsRoot() {
        String shared = System.getProperty("kkr4j.shared");
        if (shared == null) {
            throw new IllegalStateException("system property kkr4j.shared is not set (the build sets it)");
        }
        Path root = Path.of(shared, "fixtures", "akaikkr", "cpa2002v010-gfortran").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("recordings root " + root + " does not exist; set -Dkkr4j.shared");
        }
        return root;
    }

    /** Every recording directory on disk, found independently of the code under test. */
    static List<Path> recordingDirectories() {
        try (Stream<Path> files = Files.walk(recordingsRoot())) {
            return files.filter(p -> p.getFileName().toString().equals("recording.json"))
                    .map(Path::getParent)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recording the format description uses as its example: a go run, then a dos run reading data/pot. */
    static Path twoRunRecording() {
        Path dir = recordingsRoot().resolve("ewidth-scan/SnMnFeCo_fcc_ew1.2");
        if (!Files.isRegularFile(dir.resolve("recording.json"))) {
            throw new IllegalStateException("fixture missing: " + dir);
        }
        return dir;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative paths of all regular files below {@code dir}, sorted. */
    static List<String> filesBelow(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
