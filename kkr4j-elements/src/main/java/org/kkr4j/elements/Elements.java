package org.kkr4j.elements;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The element table, loaded once from the resource {@code org/kkr4j/elements/elements.csv} (generated
 * from the shared sources by {@code ElementTableGenerator}; see the README). Symbols are the
 * canonical, case-sensitive ones ({@code Fe}, not {@code FE}); vacancies (Z = 0) are not elements and
 * are handled by callers.
 */
public final class Elements {

    /** Name of the resource, relative to the class path root. */
    public static final String RESOURCE = "org/kkr4j/elements/elements.csv";

    static final List<String> COLUMNS = List.of(
            "z", "symbol", "name", "group", "period", "block", "atomic_mass_u",
            "electronegativity_pauling", "atomic_radius_angstrom", "atomic_radius_calculated_angstrom",
            "metallic_radius_angstrom", "van_der_waals_radius_angstrom", "melting_point_k",
            "melting_point_approximate", "electron_configuration", "valence_electrons", "d_electrons",
            "f_electrons", "akaikkr_volume_experimental_cc_per_mol", "akaikkr_volume_mjw_cc_per_mol");

    private static final class Table {
        static final List<Element> BY_Z_MINUS_ONE;
        static final Map<String, Element> BY_SYMBOL;

        static {
            BY_Z_MINUS_ONE = load();
            Map<String, Element> m = new HashMap<>();
            for (Element e : BY_Z_MINUS_ONE) {
                m.put(e.symbol(), e);
            }
            BY_SYMBOL = Map.copyOf(m);
        }
    }

    private Elements() {
    }

    /** Every element, ordered by atomic number. */
    public static List<Element> all() {
        return Table.BY_Z_MINUS_ONE;
    }

    /** The element with atomic number {@code z}; {@link UnknownElementException} outside 1..{@link #maxZ()}. */
    public static Element byZ(int z) {
        if (z < 1 || z > Table.BY_Z_MINUS_ONE.size()) {
            throw new UnknownElementException("no element with atomic number " + z
                    + " in the table (1.." + Table.BY_Z_MINUS_ONE.size() + ")");
        }
        return Table.BY_Z_MINUS_ONE.get(z - 1);
    }

    /** The element with the canonical symbol {@code symbol} (case-sensitive). */
    public static Element bySymbol(String symbol) {
        Element e = symbol == null ? null : Table.BY_SYMBOL.get(symbol);
        if (e == null) {
            String hint = "";
            if (symbol != null) {
                for (Element candidate : Table.BY_Z_MINUS_ONE) {
                    if (candidate.symbol().equalsIgnoreCase(symbol.strip())) {
                        hint = " (did you mean " + candidate.symbol() + "? symbols are case-sensitive)";
                        break;
                    }
                }
            }
            throw new UnknownElementException("unknown element symbol '" + symbol + "'" + hint);
        }
        return e;
    }

    /** True when {@code symbol} is a canonical element symbol of the table. */
    public static boolean isSymbol(String symbol) {
        return symbol != null && Table.BY_SYMBOL.containsKey(symbol);
    }

    /** The largest atomic number in the table. */
    public static int maxZ() {
        return Table.BY_Z_MINUS_ONE.size();
    }

    private static List<Element> load() {
        InputStream in = Elements.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("element table resource " + RESOURCE + " is missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the table text; every row must have every column, and rows must run Z = 1, 2, 3 ... */
    static List<Element> parse(List<String> lines) {
        List<Element> out = new ArrayList<>();
        Map<String, Integer> col = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (col == null) {
                if (!Arrays.asList(f).equals(COLUMNS)) {
                    throw bad(i, "header", "columns are " + Arrays.toString(f) + ", expected " + COLUMNS);
                }
                col = new HashMap<>();
                for (int c = 0; c < f.length; c++) {
                    col.put(f[c], c);
                }
                continue;
            }
            if (f.length != COLUMNS.size()) {
                throw bad(i, "row", f.length + " fields instead of " + COLUMNS.size());
            }
            Row row = new Row(f, col, i);
            int z = row.integer("z");
            if (z != out.size() + 1) {
                throw bad(i, "z", "expected Z=" + (out.size() + 1) + ", found " + z);
            }
            out.add(new Element(z, row.text("symbol"), row.text("name"), row.optionalInteger("group"),
                    row.integer("period"), Block.fromLetter(row.text("block")), row.real("atomic_mass_u"),
                    row.optionalReal("electronegativity_pauling"), row.optionalReal("atomic_radius_angstrom"),
                    row.optionalReal("atomic_radius_calculated_angstrom"), row.optionalReal("metallic_radius_angstrom"),
                    row.optionalReal("van_der_waals_radius_angstrom"), row.optionalReal("melting_point_k"),
                    row.bool("melting_point_approximate"), row.text("electron_configuration"),
                    row.integer("valence_electrons"), row.integer("d_electrons"), row.integer("f_electrons"),
                    row.optionalReal("akaikkr_volume_experimental_cc_per_mol"),
                    row.optionalReal("akaikkr_volume_mjw_cc_per_mol")));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no element rows");
        }
        return List.copyOf(out);
    }

    private static IllegalStateException bad(int index, String field, String problem) {
        return new IllegalStateException(RESOURCE + ":" + (index + 1) + ": [" + field + "] " + problem);
    }

    private record Row(String[] fields, Map<String, Integer> col, int index) {

        String text(String name) {
            String t = fields[col.get(name)];
            if (t.isEmpty()) {
                throw bad(index, name, "empty");
            }
            return t;
        }

        int integer(String name) {
            try {
                return Integer.parseInt(text(name));
            } catch (NumberFormatException e) {
                throw bad(index, name, "not an integer: " + fields[col.get(name)]);
            }
        }

        double real(String name) {
            try {
                return Double.parseDouble(text(name));
            } catch (NumberFormatException e) {
                throw bad(index, name, "not a number: " + fields[col.get(name)]);
            }
        }

        OptionalInt optionalInteger(String name) {
            return fields[col.get(name)].isEmpty() ? OptionalInt.empty() : OptionalInt.of(integer(name));
        }

        OptionalDouble optionalReal(String name) {
            return fields[col.get(name)].isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(real(name));
        }

        boolean bool(String name) {
            return switch (text(name)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw bad(index, name, "not true/false: " + fields[col.get(name)]);
            };
        }
    }
}
