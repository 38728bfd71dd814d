package org.kkr4j.structure.akaikkr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.Atom;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.Component;
import org.kkr4j.io.akaikkr.card.Coordinate;
import org.kkr4j.io.akaikkr.card.Lattice;
import org.kkr4j.io.akaikkr.card.PrimitiveVectors;
import org.kkr4j.io.akaikkr.card.Vector3;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

/**
 * Writes a structure as an AkaiKKR deck for a given lattice choice ({@link BrvtypChoice}).
 *
 * <p>Lattice: a in bohr ({@link CardToStructure#ANGSTROM_PER_BOHR}), c/a, b/a, α, β, γ written
 * explicitly. Positions: fractions of specx's primitive vectors with the a/b/c suffixes, in [0, 1).
 * For a named centred lattice the conventional sites are mapped into the primitive cell; the images of
 * a site under the centring must be present with the same composition, otherwise the structure is not
 * in the conventional setting of that lattice and the conversion fails.
 *
 * <p>Types: one per site group (the caller's groups, e.g. symmetry orbits, or by default sites of equal
 * composition), in order of first appearance; atoms are listed grouped by type. Components are the
 * occupants by Z; empty spheres (X, Vc, Og) are Z = 0; a site whose occupancies sum to less than
 * 1 − 1e-6 gets one explicit Z = 0 component for the missing fraction (specx normalises per type, so
 * without it the vacancy would vanish). Concentrations are written in percent.
 *
 * <p>Type names: the element symbols of the components by Z ({@code Vc} for Z = 0) followed by the
 * 1-based type number, e.g. {@code Fe1}, {@code FeNi2}, {@code FeVc3}; the number makes them unique
 * and deterministic. A name that would start with {@code c}, {@code C} or {@code #} (Co, Cu, Cr, C ...)
 * gets the prefix {@code t} ({@code tCo1}): specx reads such a line as a comment when it starts in
 * column 1. A name longer than the version's limit ({@link AkaiVersion#typeNameLength()}) becomes
 * {@code T} + number.
 */
public final class StructureToCard {

    /** Occupancy sums within this of 1 are full sites (no vacancy component). */
    public static final double OCCUPANCY_TOLERANCE = Site.OCCUPANCY_TOLERANCE;

    private StructureToCard() {
    }

    /** What is written for a. */
    public enum LatticeConstant {
        /** a of the structure, in bohr. */
        FROM_STRUCTURE,
        /** a = 0: specx estimates a from MJW atomic volumes. */
        ESTIMATE_MJW,
        /** a = 1000000: specx estimates a from experimental atomic volumes. */
        ESTIMATE_EXPERIMENTAL
    }

    /** rmt (units of a; 0 automatic), field (Ry) and l_max of a type; empty = not set here. */
    public record TypeSettings(OptionalDouble rmt, OptionalDouble field, OptionalInt mxl) {
        public static final TypeSettings NONE = new TypeSettings(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalInt.empty());

        public static TypeSettings of(double rmt, double field, int mxl) {
            return new TypeSettings(OptionalDouble.of(rmt), OptionalDouble.of(field), OptionalInt.of(mxl));
        }

        public static TypeSettings mxl(int mxl) {
            return new TypeSettings(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(mxl));
        }
    }

    /**
     * Conversion options.
     *
     * @param version        the AkaiKKR version (type-name length)
     * @param latticeConstant what is written for a
     * @param byType         settings per type, keyed by the 0-based type (group) index; win over byElement
     * @param byElement      settings per element symbol: rmt and field apply to types of that one element
     *                       only (a CPA type has no single rmt per element), mxl to every type containing the
     *                       element (the largest wins)
     * @param symprecAngstrom distance under which two positions are the same site (centring images)
     * @param go             the go mode written
     * @param potentialFile  the potential file written
     */
    public record Options(AkaiVersion version, LatticeConstant latticeConstant, Map<Integer, TypeSettings> byType,
                          Map<String, TypeSettings> byElement, double symprecAngstrom, String go,
                          String potentialFile) {
        public Options {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(latticeConstant, "latticeConstant");
            byType = Map.copyOf(byType);
            byElement = Map.copyOf(byElement);
            Objects.requireNonNull(go, "go");
            Objects.requireNonNull(potentialFile, "potentialFile");
            if (!(symprecAngstrom > 0)) {
                throw new IllegalArgumentException("symprec must be > 0: " + symprecAngstrom);
            }
        }

        /** a from the structure, no per-type settings, 0.01 Å, {@code go}, {@code data/kkr}. */
        public static Options defaults(AkaiVersion version) {
            return new Options(version, LatticeConstant.FROM_STRUCTURE, Map.of(), Map.of(), 0.01, "go", "data/kkr");
        }

        public Options withLatticeConstant(LatticeConstant l) {
            return new Options(version, l, byType, byElement, symprecAngstrom, go, potentialFile);
        }

        public Options withByElement(Map<String, TypeSettings> m) {
            return new Options(version, latticeConstant, byType, m, symprecAngstrom, go, potentialFile);
        }

        public Options withByType(Map<Integer, TypeSettings> m) {
            return new Options(version, latticeConstant, m, byElement, symprecAngstrom, go, potentialFile);
        }
    }

    /** A one-deck card file ({@link #convert}). */
    public static CardFile toCardFile(Structure structure, BrvtypChoice choice, List<List<Integer>> siteGroupsOrNull,
                                      Options options) {
        return CardFile.of(convert(structure, choice, siteGroupsOrNull, options));
    }

    /**
     * The deck.
     *
     * @param siteGroupsOrNull groups of indices into {@code structure.sites()} that form one type each
     *                         (every site exactly once, equal compositions within a group); null = group
     *                         sites of equal composition
     */
    public static CardDeck convert(Structure structure, BrvtypChoice choice, List<List<Integer>> siteGroupsOrNull,
                                   Options options) {
        int[] groupOf = groups(structure, siteGroupsOrNull);
        CellMapping m = mapping(structure, choice, options.symprecAngstrom());
        // primitive sites: folded fractions, the structure site they come from
        List<Vec3> fractions = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        List<Integer> images = new ArrayList<>();
        double aAngstrom = m.aAngstrom;
        for (int i = 0; i < structure.sites().size(); i++) {
            Site s = structure.sites().get(i);
            Vec3 cart = m.conventional.combine(s.fractional());
            Vec3 p = wrap(m.primitive.fractionsOf(cart));
            int found = -1;
            for (int k = 0; k < fractions.size(); k++) {
                Vec3 d = p.minus(fractions.get(k)).nearestImage();
                if (m.primitive.combine(d).norm() * aAngstrom < options.symprecAngstrom()) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                fractions.add(p);
                origin.add(i);
                images.add(1);
            } else {
                Site first = structure.sites().get(origin.get(found));
                if (!sameComposition(first, s) || groupOf[origin.get(found)] != groupOf[i]) {
                    throw new AkaiConversionException("site[" + (i + 1) + "]", "is a centring image of site "
                            + (origin.get(found) + 1) + " for " + m.lattice.keyword()
                            + " but has another composition or group: the structure is not in the conventional setting"
                            + " of this lattice");
                }
                images.set(found, images.get(found) + 1);
            }
        }
        int multiplicity = (int) Math.round(Math.abs(m.conventional.volume() / m.primitive.volume()));
        for (int k = 0; k < fractions.size(); k++) {
            if (images.get(k) != multiplicity) {
                throw new AkaiConversionException("site[" + (origin.get(k) + 1) + "]", "appears " + images.get(k)
                        + " times in the primitive cell of " + m.lattice.keyword() + " (expected " + multiplicity
                        + ", one per centring translation): the structure is not in the conventional setting"
                        + " of this lattice");
            }
        }
        // types in order of first appearance of their group
        Map<Integer, Integer> typeOfGroup = new LinkedHashMap<>();
        List<Site> typeSite = new ArrayList<>();
        for (int k = 0; k < fractions.size(); k++) {
            int g = groupOf[origin.get(k)];
            if (!typeOfGroup.containsKey(g)) {
                typeOfGroup.put(g, typeOfGroup.size());
                typeSite.add(structure.sites().get(origin.get(k)));
            }
        }
        List<AtomType> types = new ArrayList<>();
        for (int t = 0; t < typeSite.size(); t++) {
            types.add(type(typeSite.get(t), t, options));
        }
        List<Atom> atoms = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            for (int k = 0; k < fractions.size(); k++) {
                if (typeOfGroup.get(groupOf[origin.get(k)]) == t) {
                    Vec3 f = fractions.get(k);
                    atoms.add(new Atom(new Coordinate(cleanFraction(f.x()), Coordinate.Basis.A),
                            new Coordinate(cleanFraction(f.y()), Coordinate.Basis.B),
                            new Coordinate(cleanFraction(f.z()), Coordinate.Basis.C), types.get(t).name()));
                }
            }
        }
        double aBohr = switch (options.latticeConstant()) {
            case FROM_STRUCTURE -> aAngstrom / CardToStructure.ANGSTROM_PER_BOHR;
            case ESTIMATE_MJW -> 0;
            case ESTIMATE_EXPERIMENTAL -> 1_000_000;
        };
        Lattice lattice = new Lattice(m.lattice.bravais(), m.lattice.keyword(), Optional.empty(),
                m.lattice.primitiveVectors(), aBohr, m.lattice.cOverA(), m.lattice.bOverA(), m.lattice.alphaDeg(),
                m.lattice.betaDeg(), m.lattice.gammaDeg());
        return new CardDeck(options.go(), options.potentialFile(), lattice, CardDeck.DEFAULT_EDELT_RY,
                CardDeck.DEFAULT_EWIDTH_RY, "", CardDeck.DEFAULT_RELTYP, CardDeck.DEFAULT_SDFTYP,
                CardDeck.DEFAULT_MAGTYP, CardDeck.DEFAULT_RECORD, CardDeck.DEFAULT_OUTTYP, CardDeck.DEFAULT_BZQLTY,
                CardDeck.DEFAULT_MAXITR, CardDeck.DEFAULT_PMIX, CardDeck.DEFAULT_PMIX_SUFFIX, types, atoms,
                Optional.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /** Wrapped into [0,1); values within 1e-10 of 1 become 0 so that 0.9999999999 is not written. */
    private static Vec3 wrap(Vec3 f) {
        return new Vec3(wrap1(f.x()), wrap1(f.y()), wrap1(f.z()));
    }

    private static double wrap1(double v) {
        double w = v - Math.floor(v);
        if (w > 1 - 1e-10 || w < 1e-10) {
            return 0;
        }
        return w;
    }

    private static int[] groups(Structure s, List<List<Integer>> groups) {
        int n = s.sites().size();
        int[] out = new int[n];
        if (groups == null) {
            List<Site> reps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int g = -1;
                for (int k = 0; k < reps.size() && g < 0; k++) {
                    if (sameComposition(reps.get(k), s.sites().get(i))) {
                        g = k;
                    }
                }
                if (g < 0) {
                    reps.add(s.sites().get(i));
                    g = reps.size() - 1;
                }
                out[i] = g;
            }
            return out;
        }
        java.util.Arrays.fill(out, -1);
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                if (i < 0 || i >= n) {
                    throw new AkaiConversionException("siteGroups[" + g + "]", "site index " + i + " out of range");
                }
                if (out[i] >= 0) {
                    throw new AkaiConversionException("siteGroups[" + g + "]", "site " + i + " is in two groups");
                }
                if (!sameComposition(s.sites().get(groups.get(g).get(0)), s.sites().get(i))) {
                    throw new AkaiConversionException("siteGroups[" + g + "]",
                            "sites of one type must have the same composition (site " + i + ")");
                }
                out[i] = g;
            }
        }
        for (int i = 0; i < n; i++) {
            if (out[i] < 0) {
                throw new AkaiConversionException("siteGroups", "site " + i + " is in no group");
            }
        }
        return out;
    }

    private static boolean sameComposition(Site a, Site b) {
        List<Occupant> x = a.occupantsByZ();
        List<Occupant> y = b.occupantsByZ();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).species().equals(y.get(i).species())
                    || Math.abs(x.get(i).occupancy() - y.get(i).occupancy()) > OCCUPANCY_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes floating-point noise from a fraction in [0, 1) (0.2500000000000001 → 0.25): rounded to 1e-12,
     * far below any physical precision, so that cards are written with the numbers meant; 1 folds to 0.
     */
    static double cleanFraction(double f) {
        double r = Math.rint(f * 1e12) / 1e12;
        return r >= 1 ? r - 1 : r == 0 ? 0.0 : r;
    }

    /** Concentration in percent rounded to 1e-10 % (5.000000000000004 → 5; 1 − 0.95 in binary is not 0.05). */
    static double cleanPercent(double p) {
        return Math.rint(p * 1e10) / 1e10;
    }

    private static AtomType type(Site site, int index, Options options) {
        List<Component> components = new ArrayList<>();
        double vacancy = 0;
        StringBuilder name = new StringBuilder();
        List<String> elements = new ArrayList<>();
        for (Occupant o : site.occupantsByZ()) {
            if (o.species().isEmptySphere()) {
                vacancy += o.occupancy();
            } else {
                components.add(Component.of(o.species().z(), cleanPercent(100 * o.occupancy())));
                name.append(o.species().symbol());
                elements.add(o.species().symbol());
            }
        }
        double missing = 1 - site.totalOccupancy();
        if (missing > OCCUPANCY_TOLERANCE) {
            vacancy += missing;
        }
        if (vacancy > 0) {
            components.add(0, Component.of(0, cleanPercent(100 * vacancy)));
            name.insert(0, "Vc");
        }
        name.append(index + 1);
        String n = name.toString();
        char c0 = n.charAt(0);
        if (c0 == 'c' || c0 == 'C' || c0 == '#') {
            n = "t" + n;
        }
        if (n.length() > options.version().typeNameLength()) {
            n = "T" + (index + 1);
        }
        TypeSettings t = options.byType().getOrDefault(index, TypeSettings.NONE);
        double rmt = CardDeck.DEFAULT_RMT;
        double field = CardDeck.DEFAULT_FIELD;
        int mxl = CardDeck.DEFAULT_LMXTYP;
        if (elements.size() == 1 && options.byElement().containsKey(elements.get(0))) {
            TypeSettings e = options.byElement().get(elements.get(0));
            rmt = e.rmt().orElse(rmt);
            field = e.field().orElse(field);
        }
        OptionalInt elementMxl = elements.stream().map(e -> options.byElement().getOrDefault(e, TypeSettings.NONE).mxl())
                .filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).max();
        mxl = elementMxl.orElse(mxl);
        rmt = t.rmt().orElse(rmt);
        field = t.field().orElse(field);
        mxl = t.mxl().orElse(mxl);
        return new AtomType(n, rmt, field, mxl, components);
    }

    /** The card lattice with a placeholder a, the conventional and primitive vectors in units of a. */
    private record CellMapping(Lattice lattice, double aAngstrom, AkaiLattice.Vectors conventional,
                               AkaiLattice.Vectors primitive) {
    }

    private static CellMapping mapping(Structure s, BrvtypChoice choice, double symprec) {
        org.kkr4j.structure.Lattice l = s.lattice();
        if (choice instanceof BrvtypChoice.AuxAsGiven || choice instanceof BrvtypChoice.AuxStandardOrientation) {
            org.kkr4j.structure.Lattice cell = choice instanceof BrvtypChoice.AuxAsGiven ? l
                    : org.kkr4j.structure.Lattice.fromParameters(l.aAngstrom(), l.bAngstrom(), l.cAngstrom(),
                    l.alphaDeg(), l.betaDeg(), l.gammaDeg());
            double a = cell.aAngstrom();
            AkaiLattice.Vectors v = new AkaiLattice.Vectors(cell.vector(0).times(1 / a), cell.vector(1).times(1 / a),
                    cell.vector(2).times(1 / a));
            if (v.volume() <= 0) {
                throw new AkaiConversionException("lattice", "the cell is left-handed; specx would take |volume|"
                        + " and mirror the crystal: give a right-handed cell");
            }
            PrimitiveVectors pv = new PrimitiveVectors(vec(v.r1()), vec(v.r2()), vec(v.r3()));
            Lattice lat = Lattice.aux(pv, 1);
            return new CellMapping(lat, a, v, AkaiLattice.untilted(lat));
        }
        BravaisLattice b = ((BrvtypChoice.Named) choice).bravais();
        Tolerance tol = new Tolerance(symprec, Math.max(l.aAngstrom(), Math.max(l.bAngstrom(), l.cAngstrom())));
        double a = l.aAngstrom();
        double bb = l.bAngstrom();
        double c = l.cAngstrom();
        double al = l.alphaDeg();
        double be = l.betaDeg();
        double ga = l.gammaDeg();
        String k = b.canonicalKeyword();
        Lattice lat;
        AkaiLattice.Vectors conv;
        switch (b) {
            case FCC, BCC, SC -> {
                require(k, tol.eq(a, bb) && tol.eq(a, c) && tol.right(al, be, ga), "a = b = c and α = β = γ = 90°", l);
                a = (a + bb + c) / 3;
                lat = Lattice.named(b, 1, 1, 1, 90, 90, 90);
                conv = cartesianAxes(1, 1);
            }
            case ST, BCT -> {
                require(k, tol.eq(a, bb) && tol.right(al, be, ga), "a = b and α = β = γ = 90°", l);
                a = (a + bb) / 2;
                lat = Lattice.named(b, 1, c / a, 1, 90, 90, 90);
                conv = cartesianAxes(1, c / a);
            }
            case FCT -> {
                require(k, tol.eq(a, bb) && tol.right(al, be, ga),
                        "the body-centred conventional cell, a = b and 90° angles", l);
                double af = Math.sqrt(2) * (a + bb) / 2;
                lat = Lattice.named(b, 1, c / af, 1, 90, 90, 90);
                // the bct conventional axes are the fct face diagonals
                conv = new AkaiLattice.Vectors(new Vec3(.5, .5, 0), new Vec3(-.5, .5, 0), new Vec3(0, 0, c / af));
                a = af;
            }
            case SO, BSO, FCO, BCO -> {
                require(k, tol.right(al, be, ga), "α = β = γ = 90°", l);
                lat = Lattice.named(b, 1, c / a, bb / a, 90, 90, 90);
                conv = cartesianAxes(bb / a, c / a);
            }
            case HCP -> {
                require(k, tol.eq(a, bb) && tol.ang(al, 90) && tol.ang(be, 90) && tol.ang(ga, 120),
                        "a = b, α = β = 90°, γ = 120°", l);
                a = (a + bb) / 2;
                lat = Lattice.named(b, 1, c / a, 1, 90, 90, 120);
                conv = AkaiLattice.untilted(lat);
            }
            case SM, BSM -> {
                require(k, tol.ang(al, 90) && tol.ang(ga, 90), "unique axis b: α = γ = 90°", l);
                lat = Lattice.named(b, 1, c / a, bb / a, 90, be, 90);
                double beta = Math.toRadians(be);
                conv = new AkaiLattice.Vectors(new Vec3(1, 0, 0), new Vec3(0, bb / a, 0),
                        new Vec3(Math.cos(beta) * c / a, 0, Math.sin(beta) * c / a));
            }
            case TRC -> {
                lat = Lattice.named(b, 1, c / a, bb / a, al, be, ga);
                conv = AkaiLattice.untilted(lat);
            }
            case RHB -> {
                if (tol.eq(a, bb) && tol.eq(a, c) && tol.ang(al, be) && tol.ang(al, ga)) {
                    double alpha = (al + be + ga) / 3;
                    a = (a + bb + c) / 3;
                    lat = Lattice.named(b, 1, 1, 1, alpha, alpha, alpha);
                    conv = AkaiLattice.untilted(lat);
                } else {
                    require(k, tol.eq(a, bb) && tol.ang(al, 90) && tol.ang(be, 90) && tol.ang(ga, 120),
                            "hexagonal axes (a = b, α = β = 90°, γ = 120°) or rhombohedral axes (a = b = c, α = β = γ)", l);
                    a = (a + bb) / 2;
                    // obverse rhombohedral vectors from the hexagonal cell: r1 = (2a1 + a2 + c)/3 ...
                    double edge = Math.sqrt(a * a / 3 + c * c / 9);
                    double cosAlpha = (c * c / 9 - a * a / 6) / (edge * edge);
                    double alpha = Math.toDegrees(Math.acos(cosAlpha));
                    lat = Lattice.named(b, 1, 1, 1, alpha, alpha, alpha);
                    AkaiLattice.Vectors r = AkaiLattice.untilted(lat);
                    conv = new AkaiLattice.Vectors(r.r1().minus(r.r2()), r.r2().minus(r.r3()),
                            r.r1().plus(r.r2()).plus(r.r3()));
                    a = edge;
                }
            }
            default -> throw new AkaiConversionException("brvtyp", "not a named lattice: " + b);
        }
        return new CellMapping(lat, a, conv, AkaiLattice.untilted(lat));
    }

    private static AkaiLattice.Vectors cartesianAxes(double bOverA, double cOverA) {
        return new AkaiLattice.Vectors(new Vec3(1, 0, 0), new Vec3(0, bOverA, 0), new Vec3(0, 0, cOverA));
    }

    private static Vector3 vec(Vec3 v) {
        return new Vector3(v.x(), v.y(), v.z());
    }

    /**
     * When a cell satisfies a lattice's constraints: lengths equal within symprec, angles equal when the
     * longest axis moves by less than symprec. The written parameters are then idealised (equal lengths
     * averaged, angles set to their exact values), as a symmetry finder would.
     */
    private record Tolerance(double symprecAngstrom, double longestAngstrom) {
        boolean eq(double x, double y) {
            return Math.abs(x - y) <= symprecAngstrom;
        }

        boolean ang(double xDeg, double yDeg) {
            return Math.toRadians(Math.abs(xDeg - yDeg)) * longestAngstrom <= symprecAngstrom;
        }

        boolean right(double al, double be, double ga) {
            return ang(al, 90) && ang(be, 90) && ang(ga, 90);
        }
    }

    private static void require(String keyword, boolean ok, String what, org.kkr4j.structure.Lattice l) {
        if (!ok) {
            throw new AkaiConversionException("brvtyp", String.format(Locale.ROOT,
                    "%s needs the conventional cell with %s; the structure has a=%.6f b=%.6f c=%.6f Å,"
                            + " α=%.4f β=%.4f γ=%.4f°", keyword, what, l.aAngstrom(), l.bAngstrom(), l.cAngstrom(),
                    l.alphaDeg(), l.betaDeg(), l.gammaDeg()));
        }
    }
}
