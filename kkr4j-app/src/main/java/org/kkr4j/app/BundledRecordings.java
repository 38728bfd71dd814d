package org.kkr4j.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The recorded real specx runs bundled with the application (see the README in the resource directory),
 * written out as a recordings root the replay executable can serve.
 */
final class BundledRecordings {
    private static final String ROOT = "/org/kkr4j/app/demo/";

    private BundledRecordings() {
    }

    /** A bundled recording: directory name, its cards in order and the potential files the later runs read. */
    /**
     * @param cards           card file of each run, in execution order
     * @param logs            log file of each run
     * @param filesOut        files each run wrote (paths relative to the run directory)
     * @param potentialFiles  files later runs read (from files_in)
     */
    record Recording(String name, Path dir, List<String> cards, List<String> logs, List<List<String>> filesOut,
                     List<String> potentialFiles) {
        byte[] card(int k) throws IOException {
            return Files.readAllBytes(dir.resolve(cards.get(k)));
        }
    }

    static List<Recording> extract(Path root) throws IOException {
        List<Recording> set = new ArrayList<>();
        for (String name : resourceText(ROOT + "INDEX").lines().filter(l -> !l.isBlank()).toList()) {
            Path dir = root.resolve(name);
            byte[] manifest = resource(ROOT + name + "/recording.json");
            write(dir.resolve("recording.json"), manifest);
            JsonNode runs = Json.mapper().readTree(manifest).get("runs");
            List<String> cards = new ArrayList<>();
            List<String> potentials = new ArrayList<>();
            List<String> logs = new ArrayList<>();
            List<List<String>> filesOut = new ArrayList<>();
            for (JsonNode run : runs) {
                String card = run.get("card").asText();
                cards.add(card);
                write(dir.resolve(card), resource(ROOT + name + "/" + card));
                String log = run.get("log").asText();
                logs.add(log);
                List<String> written = new ArrayList<>();
                filesOut.add(written);
                write(dir.resolve(log), resource(ROOT + name + "/" + log));
                for (Iterator<Map.Entry<String, JsonNode>> it = run.get("files_out").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    written.add(entry.getKey());
                    String stored = entry.getValue().asText();
                    write(dir.resolve(stored), resource(ROOT + name + "/" + stored));
                }
                for (Iterator<String> it = run.get("files_in").fieldNames(); it.hasNext(); ) {
                    String in = it.next();
                    if (!potentials.contains(in)) {
                        potentials.add(in);
                    }
                }
            }
            set.add(new Recording(name, dir, cards, logs, filesOut, potentials));
        }
        return set;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    private static byte[] resource(String path) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled demo file missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resourceText(String path) {
        return new String(resource(path), StandardCharsets.ISO_8859_1);
    }
}
