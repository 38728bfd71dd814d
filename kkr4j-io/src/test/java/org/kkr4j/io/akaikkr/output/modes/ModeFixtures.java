package org.kkr4j.io.akaikkr.output.modes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;

/** Discovers the mode logs under the shared fixtures by file name. */
final class ModeFixtures {

    enum Mode { DOS, J, TC, CND, FSM }

    record Log(Path path, String relative, Mode mode, AkaiVersion dialect) {
        @Override
        public String toString() {
            return relative;
        }
    }

    private ModeFixtures() {
    }

    static List<Log> all() {
        Path root = SharedRoot.akaikkr();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> classify(root, p))
                    .filter(l -> l != null)
                    .sorted((a, b) -> a.relative().compareTo(b.relative()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Log> of(Mode mode) {
        return all().stream().filter(l -> l.mode() == mode).toList();
    }

    private static Log classify(Path root, Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        String name = p.getFileName().toString();
        Mode mode = null;
        if (name.equals("out_dos.log") || name.endsWith("_dos.out")
                || (name.endsWith(".dos") && rel.contains("/out/"))) {
            mode = Mode.DOS;
        } else if (name.matches("out_j[0-9.]*\\.log") || name.matches(".*_j[0-9.]*\\.out")) {
            mode = Mode.J;
        } else if (name.equals("out_tc.log") || name.endsWith("_tc.out")) {
            mode = Mode.TC;
        } else if (name.equals("out_cnd.log") || name.endsWith("_cnd.out")) {
            mode = Mode.CND;
        } else if (name.equals("out_fsm.log") || name.equals("fsm.out") || name.endsWith("_fsm.out")) {
            mode = Mode.FSM;
        }
        return mode == null ? null : new Log(p, rel, mode, dialect(rel));
    }

    /** The dialect a fixture tree was written by (see shared/fixtures/akaikkr/SOURCES.md). */
    static AkaiVersion dialect(String relative) {
        String top = relative.substring(0, relative.indexOf('/'));
        if (top.startsWith("cpa2002v010")) {
            return AkaiVersion.CPA2002V010;
        }
        if (top.startsWith("transcribed-cpa2021v01") || top.equals("akaitools-samples")) {
            return AkaiVersion.CPA2021V01;
        }
        if (top.equals("transcribed-v2022.0721-cnd")) {
            return AkaiVersion.V2022_0721_CND;
        }
        if (top.equals("transcribed-v2022.0721-standard")) {
            return AkaiVersion.V2022_0721;
        }
        throw new IllegalStateException("no dialect known for " + relative);
    }
}
