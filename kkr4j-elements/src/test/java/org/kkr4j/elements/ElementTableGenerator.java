package org.kkr4j.elements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the committed element table {@code elements.csv} from the two shared sources:
 * {@code data/elements/periodic_table.json} (pymatgen, MIT) and
 * {@code data/elements/akaikkr_atomic_volumes.csv} (facts from AkaiKKR's qvolum.f).
 *
 * <p>Derived facts (group, period, block, valence and d/f counts) are computed here from Z and the
 * configuration so that the runtime class only reads a table. Source numbers are copied digit for
 * digit. Run through {@code ElementTableResourceTest} (see the README).
 */
final class ElementTableGenerator {

    /** The table covers Z = 1..103; beyond Lr the source holds mass numbers only (and Og's is wrong). */
    static final int MAX_Z = 103;

    private static final Pattern MELTING = Pattern.compile(
            "^(?:\\([^)]*\\)\\s*)?((?:maybe )?about )?([0-9]+(?:\\.[0-9]+)?) K$");
    private static final Pattern SUBSHELL = Pattern.compile("([1-7])([spdf])([0-9]+)");
    private static final Pattern SUP = Pattern.compile("<sup>([0-9]+)</sup>");

    private ElementTableGenerator() {
    }

    static String generate(Path periodicTableJson, Path volumesCsv) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) MiniJson.parse(
                Files.readString(periodicTableJson, StandardCharsets.UTF_8));
        Map<Integer, String> symbolByZ = new HashMap<>();
        for (Map.Entry<String, Object> e : table.entrySet()) {
            int z = (int) ((MiniJson.Num) props(e.getValue()).get("Atomic no")).value();
            symbolByZ.put(z, e.getKey());
        }
        Map<Integer, String[]> volumes = readVolumes(volumesCsv);

        StringBuilder out = new StringBuilder();
        out.append("# kkr4j element table, Z = 1..").append(MAX_Z).append(". GENERATED: do not edit by hand;\n");
        out.append("# regenerate with ElementTableResourceTest (see kkr4j-elements/README.md).\n");
        out.append("# Sources:\n");
        out.append("#  - periodic_table.json of pymatgen (MIT licence; pymatgen developers):\n");
        out.append("#    name, atomic mass, Pauling electronegativity, radii, melting point, configuration.\n");
        out.append("#  - akaikkr_atomic_volumes.csv: atomic volumes (cc/mol) of AkaiKKR cpa2002v010 qvolum.f\n");
        out.append("#    (facts; 0.000 in that table = no value = empty here).\n");
        out.append("# Derived here: group (empty for La..Lu, Ac..Lr), period, block, valence_electrons,\n");
        out.append("#    d_electrons, f_electrons (rules in the README).\n");
        out.append("# Units: u, angstrom, K, cc/mol (1 cc/mol = 11.205828 bohr^3 per atom). Empty field = no value.\n");
        out.append(String.join(",", Elements.COLUMNS)).append('\n');
        for (int z = 1; z <= MAX_Z; z++) {
            String symbol = symbolByZ.get(z);
            if (symbol == null) {
                throw new IllegalStateException("periodic_table.json has no element with Z=" + z);
            }
            Map<String, Object> p = props(table.get(symbol));
            String[] vol = volumes.get(z);
            if (vol != null && !vol[0].equals(symbol)) {
                throw new IllegalStateException("volume table names Z=" + z + " " + vol[0] + ", pymatgen " + symbol);
            }
            int period = period(z);
            Integer group = group(z);
            Block block = block(z, group);
            String config = configuration((String) p.get("Electronic structure"));
            int[] counts = electronCounts(config, block);
            String[] melting = meltingPoint(p.get("Melting point"), symbol);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(z));
            row.add(symbol);
            row.add(text(p.get("Name"), symbol, "Name"));
            row.add(group == null ? "" : group.toString());
            row.add(Integer.toString(period));
            row.add(block.letter());
            row.add(number(p.get("Atomic mass"), symbol, "Atomic mass", true));
            row.add(number(p.get("X"), symbol, "X", false));
            row.add(number(p.get("Atomic radius"), symbol, "Atomic radius", false));
            row.add(number(p.get("Atomic radius calculated"), symbol, "Atomic radius calculated", false));
            row.add(number(p.get("Metallic radius"), symbol, "Metallic radius", false));
            row.add(number(p.get("Van der waals radius"), symbol, "Van der waals radius", false));
            row.add(melting[0]);
            row.add(melting[1]);
            row.add(config);
            row.add(Integer.toString(counts[0]));
            row.add(Integer.toString(counts[1]));
            row.add(Integer.toString(counts[2]));
            row.add(vol == null ? "" : volume(vol[1]));
            row.add(vol == null ? "" : volume(vol[2]));
            for (String cell : row) {
                if (cell.indexOf(',') >= 0) {
                    throw new IllegalStateException(symbol + ": value contains a comma: " + cell);
                }
            }
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Object o) {
        return (Map<String, Object>) o;
    }

    /** Z -> {symbol, experimental, mjw} as written in the CSV. */
    private static Map<Integer, String[]> readVolumes(Path csv) throws IOException {
        Map<Integer, String[]> m = new HashMap<>();
        boolean header = false;
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (!header) {
                if (!line.equals("Z,symbol,experimental_cc_per_mol,mjw_cc_per_mol")) {
                    throw new IllegalStateException("unexpected volume table header: " + line);
                }
                header = true;
                continue;
            }
            if (f.length != 4) {
                throw new IllegalStateException("volume table row with " + f.length + " fields: " + line);
            }
            m.put(Integer.parseInt(f[0]), new String[] {f[1], f[2], f[3]});
        }
        return m;
    }

    private static String volume(String raw) {
        double v = Double.parseDouble(raw);
        if (v < 0) {
            throw new IllegalStateException("negative atomic volume " + raw);
        }
        return v == 0.0 ? "" : raw;
    }

    static int period(int z) {
        int[] lastZ = {2, 10, 18, 36, 54, 86, 118};
        for (int p = 0; p < lastZ.length; p++) {
            if (z <= lastZ[p]) {
                return p + 1;
            }
        }
        throw new IllegalArgumentException("Z=" + z);
    }

    /** IUPAC group, or null for La..Lu and Ac..Lr. */
    static Integer group(int z) {
        int period = period(z);
        int first = period == 1 ? 1 : new int[] {0, 3, 11, 19, 37, 55, 87}[period - 1];
        int pos = z - first + 1;
        return switch (period) {
            case 1 -> z == 1 ? 1 : 18;
            case 2, 3 -> pos <= 2 ? pos : pos + 10;
            case 4, 5 -> pos;
            default -> pos <= 2 ? Integer.valueOf(pos) : pos <= 17 ? null : Integer.valueOf(pos - 14);
        };
    }

    static Block block(int z, Integer group) {
        if (group == null) {
            return Block.F;
        }
        if (group <= 2 || z == 2) {
            return Block.S;
        }
        return group <= 12 ? Block.D : Block.P;
    }

    /** {@code [Ar].3d<sup>6</sup>.4s<sup>2</sup>} -> {@code [Ar] 3d6 4s2} (a trailing remark is kept). */
    static String configuration(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalStateException("missing electronic structure");
        }
        Matcher m = SUP.matcher(raw);
        return m.replaceAll("$1").replace('.', ' ').trim();
    }

    /** {valence, d, f} by the rules documented in the README. */
    static int[] electronCounts(String config, Block block) {
        int valence = 0;
        int dN = 0;
        int dOcc = 0;
        int fN = 0;
        int fOcc = 0;
        int found = 0;
        for (String token : config.split(" ")) {
            if (token.startsWith("[") || token.startsWith("(")) {
                continue;
            }
            Matcher m = SUBSHELL.matcher(token);
            if (!m.matches()) {
                throw new IllegalStateException("cannot read subshell '" + token + "' in " + config);
            }
            found++;
            int n = Integer.parseInt(m.group(1));
            char l = m.group(2).charAt(0);
            int occ = Integer.parseInt(m.group(3));
            boolean filledInnerD = l == 'd' && occ == 10 && block == Block.P;
            boolean filledInnerF = l == 'f' && occ == 14 && (block == Block.P || block == Block.D);
            if (!filledInnerD && !filledInnerF) {
                valence += occ;
            }
            if (l == 'd' && n > dN) {
                dN = n;
                dOcc = occ;
            }
            if (l == 'f' && n > fN) {
                fN = n;
                fOcc = occ;
            }
        }
        if (found == 0) {
            throw new IllegalStateException("no subshell in " + config);
        }
        return new int[] {valence, dOcc, fOcc};
    }

    /** {value or "", approximate flag}. */
    static String[] meltingPoint(Object raw, String symbol) {
        if (raw == null) {
            return new String[] {"", "false"};
        }
        String t = ((String) raw).trim();
        if (t.startsWith("no data")) {
            return new String[] {"", "false"};
        }
        Matcher m = MELTING.matcher(t);
        if (!m.matches()) {
            throw new IllegalStateException(symbol + ": cannot read melting point '" + t + "'");
        }
        return new String[] {m.group(2), Boolean.toString(m.group(1) != null)};
    }

    private static String text(Object o, String symbol, String key) {
        if (!(o instanceof String s) || s.isBlank() || s.contains("no data")) {
            throw new IllegalStateException(symbol + ": missing " + key);
        }
        return s.trim();
    }

    /** The number as written in the source, "" for no value; {@code required} turns absence into an error. */
    private static String number(Object o, String symbol, String key, boolean required) {
        if (o instanceof MiniJson.Num n) {
            double v = n.value();
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalStateException(symbol + ": implausible " + key + " " + n.text());
            }
            return n.text();
        }
        if (o == null || (o instanceof String s && s.trim().startsWith("no data"))) {
            if (required) {
                throw new IllegalStateException(symbol + ": missing " + key);
            }
            return "";
        }
        throw new IllegalStateException(symbol + ": " + key + " is not a number: " + o);
    }
}
