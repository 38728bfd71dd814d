package org.kkr4j.structure.symmetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.kkr4j.io.testing.SharedRoot;

/** The structure inputs that have a spglib reference, discovered from disk so that new inputs are covered. */
record SpglibReferenced(Path input, Path reference, String name) {

    static final Path INPUTS = SharedRoot.resolve("fixtures/structures/inputs");
    static final Path SPGLIB = SharedRoot.resolve("fixtures/structures/reference/spglib");

    static List<SpglibReferenced> all() {
        List<SpglibReferenced> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(INPUTS)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String base = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                Path ref = SPGLIB.resolve(base + ".json");
                if (Files.exists(ref)) {
                    out.add(new SpglibReferenced(f, ref, INPUTS.relativize(f).toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
