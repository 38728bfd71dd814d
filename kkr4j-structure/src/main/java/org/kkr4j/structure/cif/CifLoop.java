package org.kkr4j.structure.cif;

import java.util.List;
import java.util.Locale;

/**
 * A {@code loop_}: its tags (lower case, as CIF tags are case-insensitive) and rows of values.
 *
 * @param line line of the {@code loop_} keyword
 */
public record CifLoop(int line, List<String> tags, List<List<CifToken>> rows) {

    public CifLoop {
        tags = List.copyOf(tags);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Column index of {@code tag}, or −1. */
    public int column(String tag) {
        return tags.indexOf(tag.toLowerCase(Locale.ROOT));
    }
}
