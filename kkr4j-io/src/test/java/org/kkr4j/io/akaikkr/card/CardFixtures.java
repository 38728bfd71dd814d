package org.kkr4j.io.akaikkr.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;

/** Discovers every input card under the shared AkaiKKR fixtures and the version that reads it. */
final class CardFixtures {

    record Fixture(String relative, Path path, AkaiVersion version) {
        @Override
        public String toString() {
            return relative + " (" + version.id() + ")";
        }
    }

    private CardFixtures() {
    }

    static List<Fixture> all() {
        Path root = SharedRoot.akaikkr();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(CardFixtures::isCard)
                    .sorted()
                    .map(rel -> new Fixture(rel, root.resolve(rel), versionOf(rel)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture get(String relative) {
        return new Fixture(relative, SharedRoot.resolve("fixtures/akaikkr/" + relative), versionOf(relative));
    }

    static boolean isCard(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.startsWith("inputcard")) {
            return true;
        }
        if (rel.startsWith("cpa2002v010-gfortran/edge-cases/") && name.endsWith(".in")) {
            return true;
        }
        return rel.startsWith("cpa2002v010-dist/in/") || rel.startsWith("akaitools-samples/in/");
    }

    static AkaiVersion versionOf(String rel) {
        String top = rel.substring(0, rel.indexOf('/'));
        if (top.startsWith("cpa2002v010-")) {
            return AkaiVersion.CPA2002V010;
        }
        if (top.startsWith("transcribed-cpa2021v01")) {
            return AkaiVersion.CPA2021V01;
        }
        if (top.equals("transcribed-v2022.0721-standard")) {
            return AkaiVersion.V2022_0721;
        }
        if (top.equals("transcribed-v2022.0721-cnd")) {
            return AkaiVersion.V2022_0721_CND;
        }
        if (top.equals("akaitools-samples")) {
            return AkaiVersion.CPA2021V01;
        }
        throw new IllegalStateException("no AkaiKKR version known for the fixture directory " + top
                + " (add it to CardFixtures.versionOf): " + rel);
    }
}
