package org.kkr4j.automation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;

/** The recorded ewidth scans: one directory per system and go ewidth, with out_go.log and out_dos.log. */
final class ScanFixtures {
    private static final Pattern NAME = Pattern.compile("(.+)_(fcc|bcc)_ew([0-9.]+)");
    private static final ConcurrentHashMap<Path, GoEvidence> GO = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Path, DosEvidence> DOS = new ConcurrentHashMap<>();

    record Scan(Path dir, String system, String lattice, double ewidthRy) {
        GoEvidence go() {
            return GO.computeIfAbsent(dir, d -> GoEvidence.read(d.resolve("out_go.log")));
        }

        DosEvidence dos() {
            return DOS.computeIfAbsent(dir, d -> DosEvidence.read(d.resolve("out_dos.log"),
                    Optional.of(AkaiVersion.CPA2002V010)));
        }

        String key() {
            return system + "_" + lattice;
        }
    }

    private ScanFixtures() {
    }

    static Path root() {
        return SharedRoot.akaikkr().resolve("cpa2002v010-gfortran/ewidth-scan");
    }

    static List<Scan> all() {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).sorted().map(d -> {
                Matcher m = NAME.matcher(d.getFileName().toString());
                if (!m.matches()) {
                    throw new IllegalStateException("unexpected scan directory " + d);
                }
                return new Scan(d, m.group(1), m.group(2), Double.parseDouble(m.group(3)));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
