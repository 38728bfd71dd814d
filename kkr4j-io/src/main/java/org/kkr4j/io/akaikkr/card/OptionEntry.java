package org.kkr4j.io.akaikkr.card;

import java.util.List;

/** One entry of a {@code begin_option ... end_option} block, in the order written. */
public sealed interface OptionEntry permits OptionEntry.Value, OptionEntry.Array {

    /** The key or array name as written (without {@code =} or {@code begin_}). */
    String key();

    /** {@code key= value}: two separate tokens in the card. */
    record Value(String key, String value) implements OptionEntry {
    }

    /** {@code begin_<key> v1 v2 ... end_<key>}, e.g. {@code klabel}. */
    record Array(String key, List<String> values) implements OptionEntry {
        public Array {
            values = List.copyOf(values);
        }
    }
}
