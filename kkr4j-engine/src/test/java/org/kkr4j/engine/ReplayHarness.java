package org.kkr4j.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.replay.ReplayLauncher;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;

/**
 * A project home with a store and the replay executable registered as code {@code replay}: the engine
 * runs recorded real specx runs through it exactly as it would run specx.
 */
final class ReplayHarness implements AutoCloseable {
    static final Path RECORDINGS = SharedRoot.akaikkr().resolve("cpa2002v010-gfortran");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final Store store;
    final Path launcher;

    ReplayHarness(Path home) {
        this(home, true);
    }

    /** @param register false to reopen a home that already has the replay code */
    ReplayHarness(Path home, boolean register) {
        this.home = home;
        this.store = Stores.open(StoreLocation.sqlite(home));
        this.launcher = register ? writeLauncher(home) : home.resolve("bin").resolve("replay");
        if (register) {
            new CodeRegistry(store, Duration.ofSeconds(20)).add("replay", launcher, AkaiVersion.CPA2002V010,
                    Map.of(), false);
        }
    }

    static Path writeLauncher(Path home) {
        try {
            return ReplayLauncher.writeLauncher(home.resolve("bin"), "replay", Path.of(System.getProperty("java.home")),
                    System.getProperty("java.class.path"), List.of(RECORDINGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A code that runs the replay but takes {@code seconds} per run (the log appears progressively). */
    Path slowLauncher(String name, double seconds) throws IOException {
        return script(name, "KKR4J_REPLAY_SECONDS=" + seconds + "\nexport KKR4J_REPLAY_SECONDS\nexec "
                + WorkDirectory.shellQuote(launcher.toString()) + " \"$@\"\n");
    }

    /** A small executable standing in for a broken binary (crash, no output): process behaviour, not a log. */
    Path script(String name, String body) throws IOException {
        Path p = home.resolve("bin").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    Engine engine(int cores) {
        Engine engine = new Engine(store, EngineSettings.defaults(home).withCores(cores));
        engine.addListener(new EngineListener() {
            @Override
            public void problem(long runId, String message) {
                System.err.println("engine problem, run " + runId + ": " + message);
            }
        });
        return engine;
    }

    @Override
    public void close() {
        store.close();
    }

    /** One recorded run of a recording directory. */
    record RecordedRun(Path dir, Path card, Path log, int exit, Map<String, String> filesIn,
                       Map<String, Path> filesOut) {
    }

    /** Every recording under the fixtures, each a list of runs in execution order. */
    static List<List<RecordedRun>> recordings() {
        List<List<RecordedRun>> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RECORDINGS)) {
            for (Path manifest : files.filter(f -> f.getFileName().toString().equals("recording.json")).sorted()
                    .toList()) {
                Path dir = manifest.getParent();
                JsonNode root = JSON.readTree(manifest.toFile());
                List<RecordedRun> runs = new ArrayList<>();
                for (JsonNode run : root.get("runs")) {
                    Map<String, String> in = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = run.get("files_in").fields(); it.hasNext(); ) {
                        var e = it.next();
                        in.put(e.getKey(), e.getValue().asText().replace("sha256:", ""));
                    }
                    Map<String, Path> out = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = run.get("files_out").fields(); it.hasNext(); ) {
                        var e = it.next();
                        out.put(e.getKey(), dir.resolve(e.getValue().asText()));
                    }
                    runs.add(new RecordedRun(dir, dir.resolve(run.get("card").asText()),
                            dir.resolve(run.get("log").asText()), run.get("exit").asInt(), in, out));
                }
                all.add(runs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
