package org.kkr4j.automation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.CardWriter;

/**
 * One system of a recorded ewidth scan (directories {@code <system>_ew<value>/} with a {@code recording.json}
 * each, RECORDINGS.md): its recordings, and a copy of them whose cards are rewritten by kkr4j's card writer.
 *
 * <p>The replay matches a card byte for byte. The procedure writes its cards with {@link CardWriter}, so a
 * recording can answer it only if its card is written the same way; the rewritten copy has the same meaning
 * (read back, each card gives the same model — {@link #canonicalCopy} checks it), the same logs and files.
 */
public record RecordedScan(String system, List<Path> recordings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordedScan {
        recordings = List.copyOf(recordings);
    }

    /** The systems under {@code scanRoot}, each with its recordings sorted by directory name. */
    public static List<RecordedScan> discover(Path scanRoot) {
        Map<String, List<Path>> bySystem = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(scanRoot)) {
            for (Path d : dirs.sorted().toList()) {
                String name = d.getFileName().toString();
                int cut = name.lastIndexOf("_ew");
                if (cut > 0 && Files.isRegularFile(d.resolve("recording.json"))) {
                    bySystem.computeIfAbsent(name.substring(0, cut), k -> new ArrayList<>()).add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + scanRoot + ": " + e.getMessage(), e);
        }
        return bySystem.entrySet().stream().map(e -> new RecordedScan(e.getKey(), e.getValue())).toList();
    }

    /** The go card of the first recording: the user's card for this system (its ewidth is the procedure's). */
    public CardDeck goCard(AkaiVersion version) {
        Path dir = recordings.get(0);
        return CardReader.read(SourceText.read(dir.resolve(cardFiles(dir).get(0))), version).decks().get(0);
    }

    /** Copies every recording under {@code target} with its cards rewritten canonically; returns {@code target}. */
    public Path canonicalCopy(Path target, AkaiVersion version) {
        try {
            for (Path dir : recordings) {
                Path out = target.resolve(dir.getFileName().toString());
                copyTree(dir, out);
                for (String card : cardFiles(dir)) {
                    CardFile model = CardReader.read(SourceText.read(dir.resolve(card)), version);
                    String canonical = CardWriter.write(model, version);
                    CardFile back = CardReader.read(SourceText.of(card, canonical), version);
                    if (!back.decks().equals(model.decks())) {
                        throw new IllegalStateException(dir.resolve(card) + ": the rewritten card reads back "
                                + "differently; it cannot stand for the recorded one");
                    }
                    Files.writeString(out.resolve(card), canonical, StandardCharsets.ISO_8859_1);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the recordings of " + system + ": " + e.getMessage(), e);
        }
    }

    private static List<String> cardFiles(Path dir) {
        try {
            JsonNode manifest = JSON.readTree(dir.resolve("recording.json").toFile());
            List<String> cards = new ArrayList<>();
            for (JsonNode run : manifest.path("runs")) {
                cards.add(run.path("card").asText());
            }
            if (cards.isEmpty()) {
                throw new IllegalStateException(dir + "/recording.json lists no runs");
            }
            return cards;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("recording.json") + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
