package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Objects;

/**
 * An input card file: one or more decks (specx runs them in turn) and how the file ended.
 * Anything after {@code end}/{@code eof} is ignored by specx and not part of the model.
 */
public record CardFile(List<CardDeck> decks, CardEnd end) {

    public CardFile {
        decks = List.copyOf(decks);
        Objects.requireNonNull(end, "end");
    }

    public static CardFile of(CardDeck... decks) {
        return new CardFile(List.of(decks), CardEnd.END);
    }
}
