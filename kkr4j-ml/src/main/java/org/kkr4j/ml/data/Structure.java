package org.kkr4j.ml.data;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A crystal structure by AkaiKKR's Bravais-lattice keyword ({@code brvtyp}): fcc, bcc, hcp, sc, bct, st, fct, fco,
 * bco, bso, so, bsm, sm, trc, rhb, trg, hex. Read case-insensitively and kept in lower case. {@code aux} and
 * {@code prv} (lattices given by vectors) are not accepted: the keyword alone does not say what structure they are.
 */
public record Structure(String name) implements Comparable<Structure> {
    public static final List<String> KNOWN = List.of("fcc", "bcc", "hcp", "sc", "bct", "st", "fct", "fco", "bco",
            "bso", "so", "bsm", "sm", "trc", "rhb", "trg", "hex");
    public static final Structure FCC = new Structure("fcc");
    public static final Structure BCC = new Structure("bcc");
    public static final Structure HCP = new Structure("hcp");

    public Structure {
        Objects.requireNonNull(name, "name");
        if (!KNOWN.contains(name)) {
            throw new IllegalArgumentException("unknown structure '" + name + "' (known: " + String.join(" ", KNOWN)
                    + ")");
        }
    }

    public static Structure parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty structure");
        }
        return new Structure(s);
    }

    @Override
    public int compareTo(Structure o) {
        return Integer.compare(KNOWN.indexOf(name), KNOWN.indexOf(o.name));
    }

    @Override
    public String toString() {
        return name;
    }
}
