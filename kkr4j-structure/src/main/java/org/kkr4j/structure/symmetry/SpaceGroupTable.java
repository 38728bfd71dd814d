package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The operations of all 530 Hall settings, from the committed resource {@link #RESOURCE} (derived from
 * the spglib 2.0.2 database, BSD-3-Clause; see the module README), and the look-up of a setting by the
 * symbols a CIF may give.
 */
public final class SpaceGroupTable {

    public static final String RESOURCE = "org/kkr4j/structure/symmetry/spacegroups.tsv";

    private static final class Holder {
        static final List<SpaceGroupSetting> SETTINGS = load();
    }

    private SpaceGroupTable() {
    }

    /** All settings ordered by Hall number (index = Hall number − 1). */
    public static List<SpaceGroupSetting> settings() {
        return Holder.SETTINGS;
    }

    public static SpaceGroupSetting byHallNumber(int hallNumber) {
        if (hallNumber < 1 || hallNumber > Holder.SETTINGS.size()) {
            throw new IllegalArgumentException("no Hall setting number " + hallNumber + " (1.." + Holder.SETTINGS.size() + ")");
        }
        return Holder.SETTINGS.get(hallNumber - 1);
    }

    /** The setting with this Hall symbol (blanks collapsed; letter case ignored only when that is unambiguous). */
    public static Optional<SpaceGroupSetting> byHallSymbol(String hall) {
        String h = hall.strip().replaceAll("\\s+", " ");
        Optional<SpaceGroupSetting> exact = Holder.SETTINGS.stream().filter(s -> s.hallSymbol().equals(h)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<SpaceGroupSetting> ci = Holder.SETTINGS.stream().filter(s -> s.hallSymbol().equalsIgnoreCase(h)).toList();
        return ci.size() == 1 ? Optional.of(ci.get(0)) : Optional.empty();
    }

    /**
     * The setting for a Hermann–Mauguin symbol as CIFs write it ({@code 'F m -3 m'}, {@code P6_3/mmc},
     * {@code 'P 21/c'}, {@code 'R -3 m :H'}, {@code Fm3m}). See {@link #resolve} for how ambiguity is handled.
     *
     * @throws IllegalArgumentException when the symbol is unknown or ambiguous, with the reason
     */
    public static SpaceGroupSetting byHermannMauguin(String symbol, Lattice lattice) {
        String s = symbol.strip();
        String choice = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            choice = s.substring(colon + 1).strip();
            s = s.substring(0, colon);
        }
        String key = normalize(s);
        if (choice == null && (key.endsWith("h") || key.endsWith("r")) && key.startsWith("r") && key.length() > 2) {
            // 'R -3 m H' / 'R3R': setting letter appended without a colon
            choice = key.substring(key.length() - 1).toUpperCase(Locale.ROOT);
            key = key.substring(0, key.length() - 1);
        }
        List<SpaceGroupSetting> c = matching(key);
        if (c.isEmpty()) {
            // old cubic notation without the bar: Fm3m, Pn3, Ia3d
            c = matching(key.replaceAll("([mnadbc])3", "$1-3"));
        }
        if (c.isEmpty()) {
            throw new IllegalArgumentException("unknown Hermann-Mauguin symbol '" + symbol + "'");
        }
        return resolve(c, choice, lattice, "'" + symbol + "'");
    }

    /** The standard setting of IT number {@code number} (1..230); see {@link #resolve}. */
    public static SpaceGroupSetting byNumber(int number, Lattice lattice) {
        List<SpaceGroupSetting> c = Holder.SETTINGS.stream().filter(s -> s.number() == number).toList();
        if (c.isEmpty()) {
            throw new IllegalArgumentException("no space group number " + number + " (1..230)");
        }
        return resolve(c, null, lattice, "number " + number);
    }

    /**
     * Picks one setting among candidates that share a symbol or number: an explicit choice
     * ({@code :1}, {@code :2}, {@code :H}, {@code :R}, {@code :b} ...) filters first; rhombohedral groups
     * then follow the cell (rhombohedral axes when a = b = c and α = β = γ ≠ 90° within 1e-4, else
     * hexagonal); a remaining origin-choice-1/2 ambiguity is an error (guessing would shift every atom);
     * otherwise the lowest Hall number wins (the standard setting, as in spglib's database order).
     */
    static SpaceGroupSetting resolve(List<SpaceGroupSetting> candidates, String choice, Lattice lattice, String what) {
        List<SpaceGroupSetting> c = candidates;
        if (choice != null && !choice.isEmpty()) {
            String ch = choice;
            c = c.stream().filter(s -> s.choice().equalsIgnoreCase(ch)).toList();
            if (c.isEmpty()) {
                c = candidates.stream().filter(s -> s.choice().toLowerCase(Locale.ROOT).startsWith(ch.toLowerCase(Locale.ROOT))).toList();
            }
            if (c.isEmpty()) {
                throw new IllegalArgumentException("space group " + what + " has no setting '" + choice + "' (settings: "
                        + candidates.stream().map(SpaceGroupSetting::choice).collect(Collectors.joining(", ")) + ")");
            }
        }
        if (c.stream().anyMatch(s -> s.choice().equals("H")) && c.stream().anyMatch(s -> s.choice().equals("R"))) {
            String want = lattice != null && isRhombohedralMetric(lattice) ? "R" : "H";
            c = c.stream().filter(s -> s.choice().equals(want)).toList();
        }
        boolean origin1 = c.stream().anyMatch(s -> s.choice().startsWith("1"));
        boolean origin2 = c.stream().anyMatch(s -> s.choice().startsWith("2"));
        if (origin1 && origin2) {
            throw new IllegalArgumentException("space group " + what + " has two origin choices; the file must give the "
                    + "operators, a Hall symbol, or the choice (e.g. ':1' or ':2' after the symbol)");
        }
        return c.stream().min(Comparator.comparingInt(SpaceGroupSetting::hallNumber)).orElseThrow();
    }

    private static boolean isRhombohedralMetric(Lattice l) {
        double a = l.aAngstrom();
        return Math.abs(l.bAngstrom() - a) < 1e-4 * a && Math.abs(l.cAngstrom() - a) < 1e-4 * a
                && Math.abs(l.alphaDeg() - l.betaDeg()) < 1e-4 && Math.abs(l.alphaDeg() - l.gammaDeg()) < 1e-4
                && Math.abs(l.alphaDeg() - 90.0) > 1e-4;
    }

    private static List<SpaceGroupSetting> matching(String key) {
        List<SpaceGroupSetting> out = new ArrayList<>();
        for (SpaceGroupSetting s : Holder.SETTINGS) {
            String intl = s.international();
            int eq = intl.indexOf('=');
            String main = eq >= 0 ? intl.substring(0, eq) : intl;
            if (normalize(s.internationalShort()).equals(key) || normalize(s.internationalFull()).equals(key)
                    || normalize(main).equals(key)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Blanks and subscript underscores removed, lower case: 'P 6_3/m m c' → 'p63/mmc'. */
    static String normalize(String symbol) {
        return symbol.replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
    }

    private static List<SpaceGroupSetting> load() {
        InputStream in = SpaceGroupTable.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("space-group resource " + RESOURCE + " is missing from the class path");
        }
        List<SpaceGroupSetting> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 8) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                List<SymOp> ops = new ArrayList<>();
                for (String op : f[7].split(";")) {
                    ops.add(SymOp.parse(op));
                }
                out.add(new SpaceGroupSetting(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], ops));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).hallNumber() != i + 1) {
                throw new IllegalStateException(RESOURCE + " is not ordered by Hall number at line for " + out.get(i).hallNumber());
            }
        }
        return List.copyOf(out);
    }
}
