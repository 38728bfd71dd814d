package org.kkr4j.io.akaikkr.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.testing.SharedRoot;

/** Discovers the specx logs under the shared fixtures. */
final class LogFixtures {

    private LogFixtures() {
    }

    /** Every out_*.log, *.out, cpa2002v010-dist/out/* and akaitools-samples/out/* file. */
    static List<Path> all() {
        Path root = SharedRoot.akaikkr();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> isLog(root, p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isLog(Path root, Path p) {
        String name = p.getFileName().toString();
        String rel = root.relativize(p).toString().replace('\\', '/');
        return (name.startsWith("out_") && name.endsWith(".log")) || name.endsWith(".out")
                || rel.startsWith("cpa2002v010-dist/out/") || rel.startsWith("akaitools-samples/out/");
    }

    static String rel(Path p) {
        return SharedRoot.akaikkr().relativize(p).toString().replace('\\', '/');
    }

    static SpecxLog parse(String relative) {
        return SpecxLogParser.parse(read(relative));
    }

    static SourceText read(String relative) {
        Path p = SharedRoot.resolve("fixtures/akaikkr/" + relative);
        return SourceText.read(p);
    }
}
