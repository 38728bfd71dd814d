package org.kkr4j.automation.scf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kkr4j.engine.CodeRegistry;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineSettings;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.replay.ReplayLauncher;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;

/**
 * A project home whose code {@code replay} is the replay executable over given recording roots, an engine, and
 * the procedure wired to them exactly as {@code kkr4j scf} wires it (engine runner, workflow node, store trail).
 */
final class ScfHarness implements AutoCloseable {
    final Path home;
    final Store store;
    final Engine engine;
    final AkaiVersion version;
    final List<ScfStep> printed = new ArrayList<>();
    long workflowId;

    ScfHarness(Path home, AkaiVersion version, List<Path> recordingRoots) throws IOException {
        this(home, version, recordingRoots, 1);
    }

    ScfHarness(Path home, AkaiVersion version, List<Path> recordingRoots, int cores) throws IOException {
        this.home = home;
        this.version = version;
        this.store = Stores.open(StoreLocation.sqlite(home));
        Path launcher = ReplayLauncher.writeLauncher(home.resolve("bin"), "replay",
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"), recordingRoots);
        new CodeRegistry(store, Duration.ofSeconds(20)).add("replay", launcher, version, Map.of(), false);
        this.engine = new Engine(store, EngineSettings.defaults(home).withCores(cores));
    }

    ScfReport run(CardDeck card, ScfSettings settings) {
        workflowId = store.createWorkflow("workflow.scf", "test", null).id();
        SpecxRunner runner = new EngineSpecxRunner(engine, "replay", version, 1, workflowId, engine::runUntilDone);
        return new ScfProcedure(runner, settings, version, ((TrailSink) printed::add)
                .and(new StoreTrailSink(store, workflowId))).run(card);
    }

    /** The card text the procedure writes for {@code deck}: what a scenario recording must hold to answer it. */
    String cardText(CardDeck deck) {
        return CardWriter.write(CardFile.of(deck), version);
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * A recording written by a test: each run answers one card the procedure is expected to write with a real
     * log from the fixtures. Used where no recording of exactly that card exists; each use says which log
     * answers which card and how the recorded card differed.
     */
    static final class Scenario {
        private final Path dir;
        private final List<String[]> runs = new ArrayList<>();

        Scenario(Path dir) throws IOException {
            this.dir = Files.createDirectories(dir);
        }

        /**
         * The next run: {@code card} answered by {@code log}; when {@code potentialFile} is given the run also
         * writes a stand-in potential there (the borrowed recordings did not keep theirs; the procedure never
         * reads it, only specx would).
         */
        Scenario answer(String card, Path log, String potentialFile) throws IOException {
            int i = runs.size();
            Files.writeString(dir.resolve("card_" + i), card, StandardCharsets.ISO_8859_1);
            Files.copy(log, dir.resolve("log_" + i));
            if (potentialFile != null) {
                Path pot = dir.resolve("files_" + i).resolve(potentialFile);
                Files.createDirectories(pot.getParent());
                Files.writeString(pot, "potential written by scenario step " + i + "\n");
            }
            runs.add(new String[] {"card_" + i, "log_" + i, potentialFile});
            return this;
        }

        /** Writes recording.json. */
        Path write(AkaiVersion version) {
            try (JsonGenerator g = new JsonFactory().createGenerator(dir.resolve("recording.json").toFile(),
                    JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeNumberField("format", 1);
                g.writeObjectFieldStart("code");
                g.writeStringField("version", version.id());
                g.writeStringField("build", "scenario assembled by a kkr4j test from real logs");
                g.writeNumberField("threads", 1);
                g.writeEndObject();
                g.writeArrayFieldStart("runs");
                int i = 0;
                for (String[] r : runs) {
                    g.writeStartObject();
                    g.writeStringField("card", r[0]);
                    g.writeStringField("log", r[1]);
                    g.writeNumberField("exit", 0);
                    g.writeNumberField("seconds", 0.1);
                    g.writeObjectFieldStart("files_in");
                    g.writeEndObject();
                    g.writeObjectFieldStart("files_out");
                    if (r[2] != null) {
                        g.writeStringField(r[2], "files_" + i + "/" + r[2]);
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                    i++;
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        }
    }
}
