package org.kkr4j.remote.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.kkr4j.remote.CommandResult;

/** Reads the hand-written scheduler answers under src/test/resources/.../golden (see its README). */
final class Golden {
    private Golden() {
    }

    static String text(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandResult out(String name) {
        return new CommandResult(0, text(name), "");
    }

    static CommandResult err(int exit, String name) {
        return new CommandResult(exit, "", text(name));
    }
}
