package org.kkr4j.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kkr4j.engine.EngineLock;

/**
 * Starts {@code kkr4j engine} as a detached process when no engine holds the home's lock, so that
 * {@code kkr4j run} without {@code --wait} returns at once and the runs still execute. That engine exits
 * by itself once nothing is queued or running.
 */
final class BackgroundEngine {
    private BackgroundEngine() {
    }

    /** Returns a sentence saying what happened. */
    static String ensureRunning(StoreOptions options) {
        Path home = options.home();
        if (EngineLock.held(home)) {
            return "an engine is already running for " + home;
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Kkr4j.class.getName());
        command.add("engine");
        command.add("--home");
        command.add(home.toString());
        if (options.db != null) {
            command.add("--db");
            command.add(options.db);
        }
        try {
            Files.createDirectories(home);
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("engine.log").toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the background engine: " + e.getMessage(), e);
        }
        return "started a background engine (log: " + home.resolve("engine.log") + ")";
    }
}
