package org.kkr4j.io.akaikkr.card;

import java.util.List;
import java.util.Optional;

/** A {@code begin_option ... end_option} block (2021+ only): ordered entries. */
public record OptionBlock(List<OptionEntry> entries) {

    public OptionBlock {
        entries = List.copyOf(entries);
    }

    /** The first entry with this key (case-insensitive). */
    public Optional<OptionEntry> get(String key) {
        return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).findFirst();
    }
}
