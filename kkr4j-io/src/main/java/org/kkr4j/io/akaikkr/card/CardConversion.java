package org.kkr4j.io.akaikkr.card;

import java.util.List;

/**
 * A card rewritten for another version, with a human-readable list of what was changed (and of the
 * differences in meaning the user should know about, prefixed {@code note:}).
 */
public record CardConversion(CardFile card, List<String> changes) {

    public CardConversion {
        changes = List.copyOf(changes);
    }
}
