package org.kkr4j.structure.cif;

import org.kkr4j.elements.Elements;
import org.kkr4j.io.SourceText;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Species;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.StructureFormatException;
import org.kkr4j.structure.StructureFormatException.Kind;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.symmetry.SpaceGroupTable;
import org.kkr4j.structure.symmetry.SymOp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the crystal of one CIF data block: cell, {@code _atom_site_*} loop, symmetry operators (loop
 * under the new or old tag, else from the Hall symbol, Hermann–Mauguin symbol or IT number), expanded
 * to the full cell.
 *
 * <p>Policies (see the module README): positions closer than {@link Options#mergeToleranceAngstrom}
 * (default 0.01 Å) are one site; occupancies of one species on one site add up; a total above
 * 1 + {@link Options#occupancyTolerance} (default 1e-3) is an error, a total between 1 and that is
 * rescaled to exactly 1.
 */
public final class CifReader {

    /**
     * @param blockName               data block to read (without {@code data_}); null = the first block
     * @param mergeToleranceAngstrom  distance below which two positions are the same site
     * @param occupancyTolerance      how far above 1 a site total may be (then rescaled to 1)
     */
    public record Options(String blockName, double mergeToleranceAngstrom, double occupancyTolerance) {
        public static final Options DEFAULT = new Options(null, 0.01, 1e-3);

        public Options withBlock(String name) {
            return new Options(name, mergeToleranceAngstrom, occupancyTolerance);
        }
    }

    private static final String[] OPERATOR_TAGS = {
            "_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz", "_space_group_symop.operation_xyz"};

    private final SourceText src;
    private final Options options;

    private CifReader(SourceText src, Options options) {
        this.src = src;
        this.options = options;
    }

    public static Structure read(Path file) {
        return parse(SourceText.read(file), Options.DEFAULT);
    }

    public static Structure read(Path file, Options options) {
        return parse(SourceText.read(file), options);
    }

    public static Structure parse(SourceText src, Options options) {
        return new CifReader(src, options).run();
    }

    /** Names of the data blocks of a file, in order. */
    public static List<String> blockNames(Path file) {
        return CifSyntax.parse(SourceText.read(file)).stream().map(CifBlock::name).toList();
    }

    private StructureFormatException error(Kind kind, int line, String field, String problem) {
        return new StructureFormatException(kind, src.name(), line, field, problem);
    }

    private Structure run() {
        List<CifBlock> blocks = CifSyntax.parse(src);
        if (blocks.isEmpty()) {
            throw error(Kind.EMPTY_FILE, 0, "", "no data_ block (empty file?)");
        }
        CifBlock block = blocks.get(0);
        if (options.blockName() != null) {
            block = blocks.stream().filter(b -> b.name().equalsIgnoreCase(options.blockName())).findFirst()
                    .orElseThrow(() -> error(Kind.MISSING_FIELD, 0, "data_" + options.blockName(), "no such data block; blocks: "
                            + blocks.stream().map(CifBlock::name).toList()));
        }
        Lattice lattice = lattice(block);
        List<SymOp> ops = operators(block, lattice);
        List<AtomRow> rows = atomRows(block);
        return expand(lattice, ops, rows);
    }

    private Lattice lattice(CifBlock b) {
        String[] tags = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            Optional<CifToken> t = b.value(tags[i]);
            if (t.isEmpty() || t.get().isPlaceholder()) {
                throw error(Kind.MISSING_CELL, t.map(CifToken::line).orElse(b.line()), tags[i], "cell parameter missing in data_" + b.name());
            }
            v[i] = number(t.get(), tags[i]);
        }
        try {
            return Lattice.fromParameters(v[0], v[1], v[2], v[3], v[4], v[5]);
        } catch (IllegalArgumentException e) {
            throw error(Kind.INVALID_VALUE, b.value(tags[0]).orElseThrow().line(), "_cell", e.getMessage());
        }
    }

    /** A CIF number: uncertainty in parentheses dropped ({@code 5.431(2)} → 5.431). */
    double number(CifToken t, String field) {
        String s = t.text();
        int p = s.indexOf('(');
        if (p > 0 && s.endsWith(")") && s.substring(p + 1, s.length() - 1).matches("\\d+")) {
            s = s.substring(0, p);
        }
        try {
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return Double.parseDouble(s);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw error(Kind.NON_NUMERIC, t.line(), field, "'" + t.text() + "' is not a number");
    }

    private List<SymOp> operators(CifBlock b, Lattice lattice) {
        for (String tag : OPERATOR_TAGS) {
            Optional<CifLoop> loop = b.loop(tag);
            List<CifToken> values = new ArrayList<>();
            if (loop.isPresent()) {
                int col = loop.get().column(tag);
                loop.get().rows().forEach(r -> values.add(r.get(col)));
            } else {
                b.value(tag).ifPresent(values::add);
            }
            if (values.isEmpty()) {
                continue;
            }
            List<SymOp> ops = new ArrayList<>();
            for (CifToken v : values) {
                try {
                    SymOp op = SymOp.parse(v.text());
                    if (Math.abs(op.determinant()) != 1) {
                        throw error(Kind.CONTRADICTORY_OPERATORS, v.line(), tag, "operator '" + v.text() + "' has determinant " + op.determinant());
                    }
                    ops.add(op);
                } catch (IllegalArgumentException e) {
                    throw error(Kind.SYNTAX, v.line(), tag, e.getMessage());
                }
            }
            checkGroup(ops, values, tag);
            return ops;
        }
        Optional<CifToken> hall = b.firstValue("_space_group_name_hall", "_symmetry_space_group_name_hall");
        if (hall.isPresent() && !hall.get().isPlaceholder()) {
            return SpaceGroupTable.byHallSymbol(hall.get().text())
                    .orElseThrow(() -> error(Kind.UNKNOWN_SPACE_GROUP, hall.get().line(), "Hall symbol", "unknown Hall symbol '" + hall.get().text() + "'"))
                    .operations();
        }
        Optional<CifToken> hm = b.firstValue("_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m");
        if (hm.isPresent() && !hm.get().isPlaceholder()) {
            try {
                return SpaceGroupTable.byHermannMauguin(hm.get().text(), lattice).operations();
            } catch (IllegalArgumentException e) {
                throw error(Kind.UNKNOWN_SPACE_GROUP, hm.get().line(), "H-M symbol", e.getMessage());
            }
        }
        Optional<CifToken> it = b.firstValue("_space_group_it_number", "_symmetry_int_tables_number");
        if (it.isPresent() && !it.get().isPlaceholder()) {
            double n = number(it.get(), "IT number");
            try {
                return SpaceGroupTable.byNumber((int) n, lattice).operations();
            } catch (IllegalArgumentException e) {
                throw error(Kind.UNKNOWN_SPACE_GROUP, it.get().line(), "IT number", e.getMessage());
            }
        }
        // no symmetry information at all: the sites are the whole cell (P1), as CIF readers commonly assume
        return List.of(SymOp.IDENTITY);
    }

    /** A finite set of operations closed under composition (modulo lattice translations) is a group. */
    private void checkGroup(List<SymOp> ops, List<CifToken> values, String tag) {
        double tol = 1e-3;
        for (int i = 0; i < ops.size(); i++) {
            for (int j = 0; j < ops.size(); j++) {
                SymOp ab = ops.get(i).compose(ops.get(j));
                boolean found = false;
                for (SymOp o : ops) {
                    if (o.sameModuloLattice(ab, tol)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    throw error(Kind.CONTRADICTORY_OPERATORS, values.get(i).line(), tag, "operators are not a group: '"
                            + values.get(i).text() + "' after '" + values.get(j).text() + "' gives " + ab.toXyz() + ", which is not in the list");
                }
            }
        }
    }

    private record AtomRow(int line, String label, Species species, OptionalDouble oxidation, double occupancy, Vec3 fractional) {
    }

    private static final Pattern SYMBOL = Pattern.compile("^([A-Za-z]{1,2})");
    private static final Pattern OXIDATION = Pattern.compile("^([A-Za-z]{1,2})(\\d*(?:\\.\\d+)?)([+-])$");

    private List<AtomRow> atomRows(CifBlock b) {
        Optional<CifLoop> lo = b.loop("_atom_site_fract_x");
        if (lo.isEmpty()) {
            if (b.loop("_atom_site_cartn_x").isPresent()) {
                throw error(Kind.NOT_SUPPORTED, b.loop("_atom_site_cartn_x").get().line(), "_atom_site_Cartn_x",
                        "Cartesian atom sites are not supported; give _atom_site_fract_x/y/z");
            }
            // a single atom written as items, not a loop
            if (b.value("_atom_site_fract_x").isPresent()) {
                throw error(Kind.NOT_SUPPORTED, b.value("_atom_site_fract_x").get().line(), "_atom_site_fract_x",
                        "atom sites must be given in a loop_");
            }
            throw error(Kind.MISSING_FIELD, b.line(), "_atom_site_fract_x", "no _atom_site_fract_x/y/z loop in data_" + b.name());
        }
        CifLoop l = lo.get();
        int cx = l.column("_atom_site_fract_x"), cy = l.column("_atom_site_fract_y"), cz = l.column("_atom_site_fract_z");
        if (cy < 0 || cz < 0) {
            throw error(Kind.MISSING_FIELD, l.line(), "_atom_site_fract_y/z", "the atom-site loop lacks fract_y or fract_z");
        }
        int cLabel = l.column("_atom_site_label"), cType = l.column("_atom_site_type_symbol"), cOcc = l.column("_atom_site_occupancy");
        if (cLabel < 0 && cType < 0) {
            throw error(Kind.MISSING_FIELD, l.line(), "_atom_site_type_symbol", "atom sites have neither a type symbol nor a label");
        }
        List<AtomRow> out = new ArrayList<>();
        for (List<CifToken> r : l.rows()) {
            int line = r.get(cx).line();
            String label = cLabel >= 0 && !r.get(cLabel).isPlaceholder() ? r.get(cLabel).text() : null;
            CifToken symTok = cType >= 0 && !r.get(cType).isPlaceholder() ? r.get(cType) : (cLabel >= 0 ? r.get(cLabel) : r.get(cType));
            boolean fromType = cType >= 0 && symTok == r.get(cType);
            SpeciesAndCharge sc = species(symTok, fromType ? "_atom_site_type_symbol" : "_atom_site_label", fromType);
            double occ = 1.0;
            if (cOcc >= 0 && !r.get(cOcc).isPlaceholder()) {
                occ = number(r.get(cOcc), "_atom_site_occupancy");
                if (occ < 0) {
                    throw error(Kind.INVALID_VALUE, r.get(cOcc).line(), "_atom_site_occupancy", "negative occupancy " + occ);
                }
                if (occ > 1.0 + options.occupancyTolerance()) {
                    throw error(Kind.OCCUPANCY_ABOVE_ONE, r.get(cOcc).line(), "_atom_site_occupancy", "occupancy " + r.get(cOcc).text() + " above 1");
                }
            }
            double[] xyz = new double[3];
            int[] cols = {cx, cy, cz};
            String[] names = {"_atom_site_fract_x", "_atom_site_fract_y", "_atom_site_fract_z"};
            for (int k = 0; k < 3; k++) {
                CifToken t = r.get(cols[k]);
                if (t.isPlaceholder()) {
                    throw error(Kind.MISSING_FIELD, t.line(), names[k], "coordinate is '" + t.text() + "'");
                }
                xyz[k] = number(t, names[k]);
            }
            if (occ == 0.0) {
                continue; // an explicitly empty row carries no atom
            }
            out.add(new AtomRow(line, label, sc.species, sc.oxidation, occ, new Vec3(xyz[0], xyz[1], xyz[2])));
        }
        if (out.isEmpty()) {
            throw error(Kind.MISSING_FIELD, l.line(), "_atom_site_fract_x", "no atoms in the atom-site loop");
        }
        return out;
    }

    private record SpeciesAndCharge(Species species, OptionalDouble oxidation) {
    }

    /**
     * Type symbols: element symbol optionally followed by a charge ({@code Fe3+}, {@code O2-}, {@code Na+}).
     * Labels ({@code Fe1}, {@code O2a}): the leading letters name the element (two letters when that is an
     * element, else one); digits in labels are indices, never charges.
     */
    private SpeciesAndCharge species(CifToken t, String field, boolean typeSymbol) {
        String s = t.text().strip();
        OptionalDouble ox = OptionalDouble.empty();
        String letters;
        Matcher m = OXIDATION.matcher(s);
        if (typeSymbol && m.matches()) {
            letters = m.group(1);
            double mag = m.group(2).isEmpty() ? 1.0 : Double.parseDouble(m.group(2));
            ox = OptionalDouble.of(m.group(3).equals("-") ? -mag : mag);
        } else {
            Matcher sm = SYMBOL.matcher(s);
            if (!sm.find()) {
                throw error(Kind.UNKNOWN_ELEMENT, t.line(), field, "'" + s + "' does not start with an element symbol");
            }
            letters = sm.group(1);
            if (typeSymbol && !s.substring(letters.length()).isEmpty() && !s.substring(letters.length()).matches("\\d*")) {
                throw error(Kind.UNKNOWN_ELEMENT, t.line(), field, "'" + s + "' is not an element symbol with an optional charge");
            }
        }
        String two = letters.length() == 2 ? capitalize(letters) : null;
        String one = letters.substring(0, 1).toUpperCase(Locale.ROOT);
        String symbol;
        if (two != null && (Elements.isSymbol(two) || Species.EMPTY_SPHERE_SYMBOLS.contains(two))) {
            symbol = two;
        } else if (Elements.isSymbol(one) || Species.EMPTY_SPHERE_SYMBOLS.contains(one)) {
            if (typeSymbol && two != null) {
                throw error(Kind.UNKNOWN_ELEMENT, t.line(), field, "unknown element '" + letters + "'");
            }
            symbol = one;
        } else {
            throw error(Kind.UNKNOWN_ELEMENT, t.line(), field, "unknown element '" + letters + "' in '" + s + "'");
        }
        return new SpeciesAndCharge(Species.of(symbol), ox);
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    /** One merged position while expanding. */
    private static final class Position {
        final Vec3 fractional;
        final String label;
        final Map<Species, Double> occupancy = new LinkedHashMap<>();
        final Map<Species, OptionalDouble> oxidation = new LinkedHashMap<>();
        final List<AtomRow> rows = new ArrayList<>();
        /** True when an occupant arrived only as a symmetry image (its row was declared elsewhere). */
        boolean imageCollision;

        Position(Vec3 fractional, String label) {
            this.fractional = fractional;
            this.label = label;
        }
    }

    private Structure expand(Lattice lattice, List<SymOp> ops, List<AtomRow> rows) {
        double tol = options.mergeToleranceAngstrom();
        List<Position> positions = new ArrayList<>();
        for (AtomRow row : rows) {
            List<Vec3> orbit = new ArrayList<>();
            for (SymOp op : ops) {
                Vec3 p = op.apply(row.fractional()).wrapped();
                if (orbit.stream().noneMatch(q -> lattice.distanceAngstrom(p, q) < tol)) {
                    orbit.add(p);
                }
            }
            for (Vec3 p : orbit) {
                Position target = null;
                for (Position pos : positions) {
                    if (lattice.distanceAngstrom(pos.fractional, p) < tol) {
                        target = pos;
                        break;
                    }
                }
                if (target == null) {
                    target = new Position(p, row.label());
                    positions.add(target);
                } else if (!target.rows.contains(row)) {
                    boolean sameDeclaredPosition = target.rows.stream()
                            .anyMatch(r -> lattice.distanceAngstrom(r.fractional().wrapped(), row.fractional().wrapped()) < tol);
                    if (!sameDeclaredPosition) {
                        target.imageCollision = true;
                    }
                }
                if (!target.rows.contains(row)) {
                    target.rows.add(row);
                }
                addOccupant(target, row);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (Position pos : positions) {
            double sum = pos.occupancy.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sum > 1.0 + options.occupancyTolerance()) {
                AtomRow first = pos.rows.get(0);
                String who = pos.rows.stream().map(r -> (r.label() == null ? r.species().symbol() : r.label()) + " (line " + r.line() + ")").toList().toString();
                if (pos.imageCollision) {
                    throw error(Kind.CONTRADICTORY_OPERATORS, first.line(), "_atom_site",
                            "symmetry operators put " + who + " on the same position, total occupancy " + sum);
                }
                throw error(Kind.OCCUPANCY_ABOVE_ONE, pos.rows.get(pos.rows.size() - 1).line(), "_atom_site_occupancy",
                        "occupancies of " + who + " at one position sum to " + sum + " (> 1 + " + options.occupancyTolerance() + ")");
            }
            // totals just above 1 (rounded published values) are rescaled to exactly 1
            double f = sum > 1.0 ? 1.0 / sum : 1.0;
            List<Occupant> occ = new ArrayList<>();
            pos.occupancy.forEach((sp, o) -> occ.add(new Occupant(sp, Math.min(1.0, o * f), pos.oxidation.get(sp))));
            sites.add(new Site(pos.fractional, occ, Optional.ofNullable(pos.label)));
        }
        return new Structure(lattice, sites);
    }

    private static void addOccupant(Position pos, AtomRow row) {
        Double prev = pos.occupancy.get(row.species());
        pos.occupancy.merge(row.species(), row.occupancy(), Double::sum);
        if (prev == null) {
            pos.oxidation.put(row.species(), row.oxidation());
        } else if (!pos.oxidation.get(row.species()).equals(row.oxidation())) {
            pos.oxidation.put(row.species(), OptionalDouble.empty()); // mixed charges of one element: none stated
        }
    }
}
