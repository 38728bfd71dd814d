package org.kkr4j.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardChecker;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardProblem;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.CardWriter;

/**
 * A card read for one code version before it is submitted: the exact bytes (what specx gets on stdin), the
 * model, the potential files it names and a canonical text for the cache key (comments and layout do not
 * change what specx computes, so they do not change the key).
 *
 * @param bytes           exact card bytes
 * @param card            the card model
 * @param potentialFiles  the {@code file=} of every deck, relative to the work directory
 * @param canonicalText   the card as kkr4j writes it for this version
 */
public record PreparedCard(byte[] bytes, CardFile card, Set<String> potentialFiles, String canonicalText) {

    /**
     * @throws org.kkr4j.io.KkrFormatException for a card this version's tokenizer rejects (file, line, field)
     * @throws EngineException for a card with errors the checker finds (when {@code check}) or an absolute
     *                         potential-file path, which cannot be staged
     */
    public static PreparedCard read(byte[] bytes, String source, AkaiVersion version, boolean check) {
        CardFile card = CardReader.read(SourceText.of(source, bytes), version);
        if (check) {
            List<CardProblem> errors = CardChecker.errors(card, version);
            if (!errors.isEmpty()) {
                throw new EngineException(source + ": the card has errors for " + version.id() + " (use --no-check to"
                        + " submit it anyway):\n  " + errors.stream().map(Object::toString)
                        .collect(Collectors.joining("\n  ")));
            }
        }
        Set<String> files = new LinkedHashSet<>();
        for (CardDeck deck : card.decks()) {
            String file = deck.potentialFile();
            if (file.startsWith("/") || file.startsWith("~")) {
                throw new EngineException(source + ": potential file '" + file + "' is an absolute path; kkr4j stages"
                        + " every run in its own directory, so the card must name it relative to the card (e.g."
                        + " data/pot)");
            }
            if (List.of(file.split("/")).contains("..")) {
                throw new EngineException(source + ": potential file '" + file + "' leaves the work directory (..)");
            }
            files.add(file);
        }
        return new PreparedCard(bytes, card, files, CardWriter.write(card, version));
    }

    public CardDeck lastDeck() {
        return card.decks().get(card.decks().size() - 1);
    }

    /** Directories specx expects to exist (it does not create the directory of its potential file). */
    public List<String> directoriesToCreate() {
        List<String> dirs = new ArrayList<>();
        for (String file : potentialFiles) {
            int slash = file.lastIndexOf('/');
            if (slash > 0) {
                dirs.add(file.substring(0, slash));
            }
        }
        return dirs;
    }

    public String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
