package org.kkr4j.structure.cif;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code data_} block: single-valued items (keys in lower case) and loops.
 *
 * @param line line of the {@code data_} keyword
 */
public record CifBlock(String name, int line, Map<String, CifToken> items, List<CifLoop> loops) {

    public CifBlock {
        items = Map.copyOf(items);
        loops = List.copyOf(loops);
    }

    /** The value of a single item, or of a one-row loop column with that tag. */
    public Optional<CifToken> value(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        CifToken v = items.get(t);
        if (v != null) {
            return Optional.of(v);
        }
        return loop(t).filter(l -> l.rows().size() == 1).map(l -> l.rows().get(0).get(l.column(t)));
    }

    /** The first of the given tags that has a value. */
    public Optional<CifToken> firstValue(String... tags) {
        for (String t : tags) {
            Optional<CifToken> v = value(t);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** The loop that contains {@code tag}. */
    public Optional<CifLoop> loop(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        return loops.stream().filter(l -> l.tags().contains(t)).findFirst();
    }
}
