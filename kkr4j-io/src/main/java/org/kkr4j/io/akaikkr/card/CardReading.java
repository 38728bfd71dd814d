package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Map;

/**
 * The result of reading a card: the model, the non-fatal problems the reader noticed, and the line
 * on which each field was read (so that a checker can name lines).
 *
 * @param card       the decks
 * @param warnings   non-fatal problems (WARNING/INFO) found while reading
 * @param fieldLines line of each field path, e.g. {@code deck[1].type[2].name -> 14}
 */
public record CardReading(String source, CardFile card, List<CardProblem> warnings, Map<String, Integer> fieldLines) {

    public CardReading {
        warnings = List.copyOf(warnings);
        fieldLines = Map.copyOf(fieldLines);
    }

    /** The line of a field path, or of its closest recorded parent; 0 when unknown. */
    public int lineOf(String field) {
        String f = field;
        while (true) {
            Integer line = fieldLines.get(f);
            if (line != null) {
                return line;
            }
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            if (cut <= 0) {
                return 0;
            }
            f = f.substring(0, cut);
        }
    }
}
