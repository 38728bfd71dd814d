package org.kkr4j.structure.poscar;

import org.kkr4j.elements.UnknownElementException;
import org.kkr4j.io.SourceText;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Species;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.StructureFormatException;
import org.kkr4j.structure.StructureFormatException.Kind;
import org.kkr4j.structure.Vec3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * VASP POSCAR/CONTCAR reader and writer.
 *
 * <p>Read: VASP 5 (species line after the lattice) or VASP 4 (no species line: the species must be
 * given by the caller), one scale factor (positive = multiply, negative = target cell volume in Å³) or
 * three per-axis factors, {@code Selective dynamics} (flags dropped), Direct or Cartesian positions.
 * Anything after the positions (velocities, predictor-corrector data) is ignored.
 *
 * <p>Write: VASP 5 with species line, Direct coordinates, scale 1, species grouped in order of first
 * appearance. POSCAR has no occupancies: a partially occupied site is refused, or replaced by its
 * majority occupant when {@link PartialOccupancy#MAJORITY} is requested.
 */
public final class Poscar {

    /** What to do with a disordered site when writing. */
    public enum PartialOccupancy { REFUSE, MAJORITY }

    private Poscar() {
    }

    public static Structure read(Path file) {
        return parse(SourceText.read(file), null);
    }

    /** Reads a VASP 4 file (or overrides the species line of a VASP 5 file with {@code species}). */
    public static Structure read(Path file, List<String> species) {
        return parse(SourceText.read(file), species);
    }

    /**
     * @param callerSpecies species in the order of the counts line; required for VASP 4 files, null to use
     *                      the species line
     */
    public static Structure parse(SourceText src, List<String> callerSpecies) {
        String name = src.name();
        List<String> lines = src.lines();
        if (lines.stream().allMatch(String::isBlank)) {
            throw new StructureFormatException(Kind.EMPTY_FILE, name, 0, "", "empty file");
        }
        int ln = 1; // line 1 is the comment
        double[] scale = numbers(src, ++ln, "scale", -1);
        if (scale.length != 1 && scale.length != 3) {
            throw new StructureFormatException(Kind.INVALID_VALUE, name, ln, "scale", "expected 1 or 3 scale factors, found " + scale.length);
        }
        int scaleLine = ln;
        Vec3[] v = new Vec3[3];
        for (int i = 0; i < 3; i++) {
            double[] r = numbers(src, ++ln, "lattice vector " + (i + 1), 3);
            v[i] = new Vec3(r[0], r[1], r[2]);
        }
        Lattice lattice;
        try {
            lattice = new Lattice(v[0], v[1], v[2]);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(Kind.INVALID_VALUE, name, scaleLine + 1, "lattice", e.getMessage());
        }
        lattice = applyScale(src, scaleLine, scale, lattice);

        List<String> tokens = tokens(line(src, ++ln, "species or counts"));
        List<String> species;
        int speciesLine = ln;
        if (!tokens.isEmpty() && isInteger(tokens.get(0))) {
            if (callerSpecies == null) {
                throw new StructureFormatException(Kind.MISSING_FIELD, name, ln, "species",
                        "VASP 4 file without a species line: give the species explicitly");
            }
            species = List.copyOf(callerSpecies);
        } else {
            species = new ArrayList<>();
            for (String t : tokens) {
                if (t.startsWith("!") || t.startsWith("#")) {
                    break;
                }
                species.add(potcarSymbol(t));
            }
            if (callerSpecies != null) {
                species = List.copyOf(callerSpecies);
            }
            tokens = tokens(line(src, ++ln, "counts"));
        }
        int countsLine = ln;
        List<Integer> counts = new ArrayList<>();
        for (String t : tokens) {
            if (!isInteger(t)) {
                break;
            }
            int c = Integer.parseInt(t);
            if (c < 0) {
                throw new StructureFormatException(Kind.INVALID_VALUE, name, ln, "counts", "negative atom count " + c);
            }
            counts.add(c);
        }
        if (counts.isEmpty()) {
            throw new StructureFormatException(Kind.NON_NUMERIC, name, ln, "counts", "expected atom counts, found '" + String.join(" ", tokens) + "'");
        }
        if (counts.size() != species.size()) {
            throw new StructureFormatException(Kind.INVALID_VALUE, name, countsLine, "counts",
                    counts.size() + " counts for " + species.size() + " species " + species);
        }
        List<Species> parsedSpecies = new ArrayList<>();
        for (String s : species) {
            try {
                parsedSpecies.add(Species.of(s));
            } catch (UnknownElementException e) {
                throw new StructureFormatException(Kind.UNKNOWN_ELEMENT, name, callerSpecies == null ? speciesLine : 0, "species", e.getMessage());
            }
        }

        String mode = line(src, ++ln, "coordinate mode").strip();
        if (!mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's')) {
            mode = line(src, ++ln, "coordinate mode").strip();
        }
        boolean cartesian = !mode.isEmpty() && "CcKk".indexOf(mode.charAt(0)) >= 0;
        if (cartesian && scale.length == 3) {
            throw new StructureFormatException(Kind.NOT_SUPPORTED, name, scaleLine, "scale",
                    "Cartesian positions with three per-axis scale factors are not supported");
        }

        List<Site> sites = new ArrayList<>();
        for (int k = 0; k < counts.size(); k++) {
            for (int n = 0; n < counts.get(k); n++) {
                double[] p = numbers(src, ++ln, "position", 3);
                Vec3 pos = new Vec3(p[0], p[1], p[2]);
                // Cartesian positions are scaled like the lattice vectors
                Vec3 frac = cartesian ? lattice.toFractional(pos.times(lattice.aAngstrom() / v[0].norm())) : pos;
                sites.add(new Site(frac, List.of(new Occupant(parsedSpecies.get(k), 1.0, OptionalDouble.empty())), Optional.empty()));
            }
        }
        return new Structure(lattice, sites);
    }

    private static Lattice applyScale(SourceText src, int line, double[] scale, Lattice raw) {
        if (scale.length == 3) {
            if (!(scale[0] > 0 && scale[1] > 0 && scale[2] > 0)) {
                throw new StructureFormatException(Kind.INVALID_VALUE, src.name(), line, "scale", "per-axis scale factors must be positive");
            }
            return new Lattice(raw.v1Angstrom().times(scale[0]), raw.v2Angstrom().times(scale[1]), raw.v3Angstrom().times(scale[2]));
        }
        double s = scale[0];
        if (s == 0.0) {
            throw new StructureFormatException(Kind.INVALID_VALUE, src.name(), line, "scale", "scale factor 0");
        }
        if (s > 0) {
            return raw.scaled(s);
        }
        // negative: |s| is the target volume
        return raw.scaled(Math.cbrt(-s / Math.abs(raw.volumeAngstrom3())));
    }

    /** {@code Fe_pv} → {@code Fe}; {@code Fe/1a2b3c} (VASP 6 hash) → {@code Fe}. */
    static String potcarSymbol(String token) {
        int cut = token.length();
        for (char c : new char[]{'_', '/', '.'}) {
            int i = token.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return token.substring(0, cut);
    }

    private static String line(SourceText src, int ln, String field) {
        if (ln > src.lines().size()) {
            throw new StructureFormatException(Kind.MISSING_FIELD, src.name(), ln, field, "file ends before the " + field);
        }
        return src.lines().get(ln - 1);
    }

    private static List<String> tokens(String line) {
        String s = line.strip();
        return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
    }

    /** The leading numbers of a line: exactly {@code n} are required ({@code -1}: all leading numbers, at least one). */
    private static double[] numbers(SourceText src, int ln, String field, int n) {
        List<String> t = tokens(line(src, ln, field));
        int want = n < 0 ? t.size() : n;
        if (t.size() < want || want == 0) {
            throw new StructureFormatException(Kind.MISSING_FIELD, src.name(), ln, field, "expected " + (n < 0 ? "a number" : n + " numbers") + ", found '" + String.join(" ", t) + "'");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < want; i++) {
            String s = t.get(i);
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                out.add(d);
            } catch (NumberFormatException e) {
                if (n < 0 && i > 0) {
                    break; // trailing comment after the scale factor
                }
                throw new StructureFormatException(Kind.NON_NUMERIC, src.name(), ln, field, "'" + s + "' is not a number");
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean isInteger(String s) {
        return s.matches("[+-]?\\d+");
    }

    public static String write(Structure s, String comment) {
        return write(s, comment, PartialOccupancy.REFUSE);
    }

    public static String write(Structure s, String comment, PartialOccupancy policy) {
        List<Species> order = new ArrayList<>();
        List<List<Vec3>> positions = new ArrayList<>();
        for (int i = 0; i < s.sites().size(); i++) {
            Site site = s.sites().get(i);
            Species sp;
            if (site.isOrdered()) {
                sp = site.occupants().get(0).species();
            } else if (policy == PartialOccupancy.MAJORITY) {
                sp = site.majority().species();
            } else {
                throw new StructureFormatException(Kind.NOT_REPRESENTABLE, "POSCAR", 0, "site " + (i + 1),
                        "site " + site.label().orElse(String.valueOf(i + 1)) + " is partially occupied " + site.occupants()
                                .stream().map(o -> o.species() + ":" + o.occupancy()).toList()
                                + "; POSCAR cannot express it (ask for the majority component explicitly)");
            }
            int k = order.indexOf(sp);
            if (k < 0) {
                order.add(sp);
                positions.add(new ArrayList<>());
                k = order.size() - 1;
            }
            positions.get(k).add(site.fractional());
        }
        StringBuilder b = new StringBuilder();
        b.append(comment == null || comment.isBlank() ? "kkr4j" : comment.replace('\n', ' ')).append('\n');
        b.append("1.0\n");
        for (int i = 0; i < 3; i++) {
            Vec3 v = s.lattice().vector(i);
            b.append(String.format(Locale.ROOT, "  %22.16f %22.16f %22.16f%n", v.x(), v.y(), v.z()));
        }
        StringBuilder names = new StringBuilder(), counts = new StringBuilder();
        for (int k = 0; k < order.size(); k++) {
            names.append("  ").append(order.get(k).symbol());
            counts.append("  ").append(positions.get(k).size());
        }
        b.append(names).append('\n').append(counts).append('\n').append("Direct\n");
        for (List<Vec3> l : positions) {
            for (Vec3 p : l) {
                b.append(String.format(Locale.ROOT, "  %20.16f %20.16f %20.16f%n", p.x(), p.y(), p.z()));
            }
        }
        return b.toString().replace("\r", "");
    }
}
