package org.kkr4j.structure.akaikkr;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.KPath;
import org.kkr4j.io.akaikkr.card.KPoint;
import org.kkr4j.io.akaikkr.card.Lattice;
import org.kkr4j.io.akaikkr.card.Vector3;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

/**
 * Standard band-structure paths (high-symmetry points with labels, Setyawan &amp; Curtarolo 2010) for every
 * AkaiKKR lattice, and their conversion into the k-point coordinates each AkaiKKR version reads for
 * {@code go=spc}. sc, fcc, bcc, hcp, st, bct and rhb use specx's vectors directly (they are the paper's, or
 * have their metric); fct, so, fco, bco, bso, sm, bsm and trc are set up in the paper's setting
 * ({@link SetyawanCurtarolo}) and carried over to specx's vectors by an integer basis change
 * ({@link LatticeIsometry}); aux is recognised by the symmetry finder ({@link #forAux}). Coordinates:
 * <ul>
 *   <li>named lattice (every version): Cartesian in units of 2π/a, with the y and z components multiplied
 *       by b/a and c/a because specx divides them by those ratios when reading;</li>
 *   <li>aux on 2022.0721 (both builds): fractional coordinates of the reciprocal vectors of the aux
 *       vectors;</li>
 *   <li>aux on cpa2002v010: refused (specx divides by b/a = c/a = 0); aux on cpa2021v01: refused, the
 *       coordinates it expects are not established.</li>
 * </ul>
 * Tilted lattices are refused.
 */
public final class AkaiKPaths {

    private AkaiKPaths() {
    }

    /** A labelled point: fractional coordinates of the reciprocal vectors of specx's primitive vectors. */
    public record LabelledPoint(String label, Vec3 fractional) {
    }

    /**
     * A path: continuous segments, the first point of each segment follows a jump.
     *
     * @param lattice  the card lattice the fractional coordinates refer to
     * @param segments at least one segment of at least two points
     * @param variant  the Setyawan-Curtarolo lattice and variant (e.g. {@code ORCF2}, {@code MCLC3})
     */
    public record LabelledPath(Lattice lattice, List<List<LabelledPoint>> segments, String variant) {
        public LabelledPath {
            segments = segments.stream().map(List::copyOf).toList();
            java.util.Objects.requireNonNull(variant, "variant");
        }

        /** A path of a named lattice without a variant name. */
        public LabelledPath(Lattice lattice, List<List<LabelledPoint>> segments) {
            this(lattice, segments, "");
        }

        /** The number of symmetry points written in read format (b): every point of every segment. */
        public int symmetryPointCount() {
            return segments.stream().mapToInt(List::size).sum();
        }

        /** The labels in order, a jump written as {@code |}, e.g. {@code Γ-X-W|K-Γ}. */
        public String labels() {
            StringBuilder sb = new StringBuilder();
            for (List<LabelledPoint> seg : segments) {
                if (!sb.isEmpty()) {
                    sb.append('|');
                }
                sb.append(String.join("-", seg.stream().map(LabelledPoint::label).toList()));
            }
            return sb.toString();
        }

        /** The Cartesian point in units of 2π/a (a of {@link #lattice()}). */
        public Vec3 cartesian(LabelledPoint p) {
            return reciprocal(AkaiLattice.primitiveVectors(lattice)).combine(p.fractional());
        }
    }

    private static LabelledPoint p(String label, double a, double b, double c) {
        return new LabelledPoint(label, new Vec3(a, b, c));
    }

    /**
     * The standard path of a card lattice: a named brvtyp, or {@code aux} whose vectors are recognised as a
     * Bravais lattice by the symmetry finder (see {@link #forAux}).
     */
    public static LabelledPath standard(Lattice lattice) {
        if (lattice.tilt().isPresent()) {
            throw new UnsupportedOperationException("standard k-path for a tilted lattice is not supported");
        }
        if (lattice.bravais() == BravaisLattice.AUX) {
            return forAux(lattice);
        }
        LabelledPoint g = p("Γ", 0, 0, 0);
        AkaiLattice.Parameters par = AkaiLattice.parameters(lattice);
        return switch (lattice.bravais()) {
            case FCC -> {
                LabelledPoint x = p("X", .5, 0, .5);
                LabelledPoint w = p("W", .5, .25, .75);
                LabelledPoint k = p("K", .375, .375, .75);
                LabelledPoint l = p("L", .5, .5, .5);
                LabelledPoint u = p("U", .625, .25, .625);
                yield new LabelledPath(lattice, List.of(List.of(g, x, w, k, g, l, u, w, l, k), List.of(u, x)), "FCC");
            }
            case BCC -> {
                LabelledPoint h = p("H", .5, -.5, .5);
                LabelledPoint pp = p("P", .25, .25, .25);
                LabelledPoint n = p("N", 0, 0, .5);
                yield new LabelledPath(lattice, List.of(List.of(g, h, n, g, pp, h), List.of(pp, n)), "BCC");
            }
            case SC -> {
                LabelledPoint x = p("X", 0, .5, 0);
                LabelledPoint m = p("M", .5, .5, 0);
                LabelledPoint r = p("R", .5, .5, .5);
                yield new LabelledPath(lattice, List.of(List.of(g, x, m, g, r, x), List.of(m, r)), "CUB");
            }
            case HCP -> {
                LabelledPoint a = p("A", 0, 0, .5);
                LabelledPoint h = p("H", 1.0 / 3, 1.0 / 3, .5);
                LabelledPoint k = p("K", 1.0 / 3, 1.0 / 3, 0);
                LabelledPoint l = p("L", .5, 0, .5);
                LabelledPoint m = p("M", .5, 0, 0);
                yield new LabelledPath(lattice, List.of(List.of(g, m, k, g, a, l, h, a), List.of(l, m), List.of(k, h)),
                        "HEX");
            }
            case ST -> {
                LabelledPoint a = p("A", .5, .5, .5);
                LabelledPoint m = p("M", .5, .5, 0);
                LabelledPoint r = p("R", 0, .5, .5);
                LabelledPoint x = p("X", 0, .5, 0);
                LabelledPoint z = p("Z", 0, 0, .5);
                yield new LabelledPath(lattice, List.of(List.of(g, x, m, g, z, r, a, z), List.of(x, r), List.of(m, a)),
                        "TET");
            }
            // specx's bct vectors are the Setyawan-Curtarolo ones (a = 1)
            case BCT -> new LabelledPath(lattice, SetyawanCurtarolo.bct(par.cOverA()).segments(),
                    SetyawanCurtarolo.bct(par.cOverA()).variant());
            case RHB -> rhombohedral(lattice, par);
            case FCT, SO, FCO, BCO, BSO, SM, BSM, TRC -> {
                AkaiLattice.Vectors akai = AkaiLattice.primitiveVectors(lattice);
                SetyawanCurtarolo.Setting st = SetyawanCurtarolo.settingOf(lattice.bravais(), akai, par);
                int[][] m = LatticeIsometry.find(st.vectors(), akai).orElseThrow(() -> new IllegalStateException(
                        "no integer basis change from the " + st.variant() + " setting to specx's "
                                + lattice.keyword() + " vectors"));
                yield new LabelledPath(lattice, transform(st.segments(), m), st.variant());
            }
            case AUX -> throw new IllegalStateException("aux is handled above");
        };
    }

    private static LabelledPath rhombohedral(Lattice lattice, AkaiLattice.Parameters par) {
        // the Setyawan-Curtarolo rhombohedral vectors have specx's metric (|ri| = 1, angles α)
        // and handedness, so the fractional coordinates carry over unchanged
        LabelledPoint g = p("Γ", 0, 0, 0);
        double ca = Math.cos(Math.toRadians(par.alphaDeg()));
        LabelledPoint l = p("L", .5, 0, 0);
        if (par.alphaDeg() < 90) {
            double eta = (1 + 4 * ca) / (2 + 4 * ca);
            double nu = .75 - eta / 2;
            LabelledPoint b = p("B", eta, .5, 1 - eta);
            LabelledPoint b1 = p("B1", .5, 1 - eta, eta - 1);
            LabelledPoint f = p("F", .5, .5, 0);
            LabelledPoint pp = p("P", eta, nu, nu);
            LabelledPoint p1 = p("P1", 1 - nu, 1 - nu, 1 - eta);
            LabelledPoint q = p("Q", 1 - nu, nu, 0);
            LabelledPoint x = p("X", nu, 0, -nu);
            LabelledPoint z = p("Z", .5, .5, .5);
            return new LabelledPath(lattice, List.of(List.of(g, l, b1), List.of(b, z, g, x), List.of(q, f, p1, z),
                    List.of(l, pp)), "RHL1");
        }
        double half = Math.toRadians(par.alphaDeg()) / 2;
        double eta = 1 / (2 * Math.tan(half) * Math.tan(half));
        double nu = .75 - eta / 2;
        LabelledPoint f = p("F", .5, -.5, 0);
        LabelledPoint pp = p("P", 1 - nu, -nu, 1 - nu);
        LabelledPoint p1 = p("P1", nu, nu - 1, nu - 1);
        LabelledPoint q = p("Q", eta, eta, eta);
        LabelledPoint q1 = p("Q1", 1 - eta, -eta, -eta);
        LabelledPoint z = p("Z", .5, -.5, .5);
        return new LabelledPath(lattice, List.of(List.of(g, pp, z, q, g, f, p1, q1, l, z)), "RHL2");
    }

    /**
     * aux: the Bravais lattice of the vectors is found by the symmetry search of a one-atom crystal on them
     * ({@link StructureConverter}: space group, brvtyp, conventional cell in AkaiKKR's setting); the path
     * of that named lattice is carried over to the aux vectors by an integer basis change. Refused when
     * the lattice cannot be written as a named brvtyp.
     */
    static LabelledPath forAux(Lattice aux) {
        AkaiLattice.Vectors v = AkaiLattice.primitiveVectors(aux);
        // a = 1 Å: only the shape matters; 1e-4 a accepts vectors written with 6 decimals (0.866025) and
        // does not promote a cell that is visibly off a higher symmetry
        org.kkr4j.structure.Lattice cell = new org.kkr4j.structure.Lattice(v.r1(), v.r2(), v.r3());
        Structure one = new Structure(cell, List.of(Site.ordered(Vec3.ZERO, "H")));
        StructureConverter.Result r;
        try {
            r = StructureConverter.convert(one, new StructureConverter.Options(
                    new StructureToCard.Options(AkaiVersion.V2022_0721,
                            StructureToCard.LatticeConstant.FROM_STRUCTURE, java.util.Map.of(), java.util.Map.of(), AUX_TOLERANCE,
                            "go", "data/kkr"), false));
        } catch (RuntimeException e) {
            throw new UnsupportedOperationException("standard k-path for aux: the Bravais lattice of the vectors"
                    + " could not be determined (" + e.getMessage() + ")", e);
        }
        if (r.written() == BravaisLattice.AUX) {
            throw new UnsupportedOperationException("standard k-path for aux: the vectors form a "
                    + r.brvtyp().canonicalKeyword() + " lattice that does not fit a named brvtyp; its type cannot be"
                    + " labelled");
        }
        LabelledPath named = standard(r.deck().lattice());
        return onto(named, aux, AUX_TOLERANCE).orElseThrow(() -> new IllegalStateException("the " + r.brvtyp().canonicalKeyword()
                + " lattice found for the aux vectors is not theirs"));
    }

    /**
     * The path carried over to another card lattice with the same lattice points up to a scale and a
     * rotation (the identity basis change is preferred); empty when there is none.
     */
    static java.util.Optional<LabelledPath> onto(LabelledPath path, Lattice target) {
        return onto(path, target, LatticeIsometry.EXACT);
    }

    /** The relative tolerance on the shape of aux vectors read from a card. */
    private static final double AUX_TOLERANCE = 1e-4;

    private static java.util.Optional<LabelledPath> onto(LabelledPath path, Lattice target, double relTol) {
        AkaiLattice.Vectors from = AkaiLattice.primitiveVectors(path.lattice());
        AkaiLattice.Vectors to = AkaiLattice.primitiveVectors(target);
        double s = Math.cbrt(Math.abs(to.volume() / from.volume()));
        AkaiLattice.Vectors scaled = new AkaiLattice.Vectors(from.r1().times(s), from.r2().times(s), from.r3().times(s));
        return LatticeIsometry.find(scaled, to, relTol)
                .map(m -> new LabelledPath(target, transform(path.segments(), m), path.variant()));
    }

    /** f' = M f for every point, where target vector j = Σ_i M[j][i] · source vector i. */
    private static List<List<LabelledPoint>> transform(List<List<LabelledPoint>> segments, int[][] m) {
        return segments.stream().map(seg -> seg.stream().map(pt -> {
            Vec3 f = pt.fractional();
            double[] out = new double[3];
            for (int j = 0; j < 3; j++) {
                out[j] = m[j][0] * f.x() + m[j][1] * f.y() + m[j][2] * f.z();
            }
            return new LabelledPoint(pt.label(), new Vec3(out[0], out[1], out[2]));
        }).toList()).toList();
    }

    /** The reciprocal vectors b_i with b_i·r_j = δ_ij (units of 2π/a). */
    static AkaiLattice.Vectors reciprocal(AkaiLattice.Vectors r) {
        double v = r.volume();
        return new AkaiLattice.Vectors(r.r2().cross(r.r3()).times(1 / v), r.r3().cross(r.r1()).times(1 / v),
                r.r1().cross(r.r2()).times(1 / v));
    }

    /**
     * The path as the k-list of an spc deck whose lattice is {@code cardLattice}.
     *
     * @param format       {@link KPath.Format#DIVISIONS} (segments joined by jumps; divisions ∝ length),
     *                     {@link KPath.Format#TOTAL_COUNT} (a single continuous segment only) or
     *                     {@link KPath.Format#EXPLICIT} (every point, ∝ length)
     * @param totalPoints  the approximate total number of k-points
     */
    public static KPath toKPath(LabelledPath path, Lattice cardLattice, AkaiVersion version, KPath.Format format,
                                int totalPoints) {
        if (totalPoints < 2) {
            throw new IllegalArgumentException("need at least 2 k-points: " + totalPoints);
        }
        AkaiLattice.Vectors pathVectors = AkaiLattice.primitiveVectors(path.lattice());
        boolean aux = cardLattice.bravais() == BravaisLattice.AUX;
        if (aux) {
            requireAuxReadable(version);
            if (!path.lattice().equals(cardLattice)) {
                String from = path.lattice().keyword();
                path = onto(path, cardLattice).orElseThrow(() -> new UnsupportedOperationException("the aux vectors"
                        + " are not a basis of the " + from + " lattice of the path: its labels would name other points"));
                pathVectors = AkaiLattice.primitiveVectors(cardLattice);
            }
        } else if (cardLattice.bravais() != path.lattice().bravais()
                || !sameGram(AkaiLattice.primitiveVectors(cardLattice), pathVectors)) {
            throw new IllegalArgumentException("the path was made for " + path.lattice().keyword()
                    + " with other parameters than the card's " + cardLattice.keyword());
        }
        AkaiLattice.Parameters par = AkaiLattice.parameters(cardLattice);
        AkaiLattice.Vectors b = reciprocal(pathVectors);
        double length = 0;
        for (List<LabelledPoint> seg : path.segments()) {
            for (int i = 1; i < seg.size(); i++) {
                length += b.combine(seg.get(i).fractional().minus(seg.get(i - 1).fractional())).norm();
            }
        }
        double step = length / (totalPoints - 1);
        List<KPoint> points = new ArrayList<>();
        for (List<LabelledPoint> seg : path.segments()) {
            for (int i = 0; i < seg.size(); i++) {
                Vec3 f = seg.get(i).fractional();
                int ndiv = i == 0 ? 1
                        : Math.max(2, (int) Math.round(b.combine(f.minus(seg.get(i - 1).fractional())).norm() / step));
                switch (format) {
                    case DIVISIONS -> points.add(new KPoint(coords(f, b, aux, par), OptionalInt.of(ndiv)));
                    case TOTAL_COUNT -> points.add(new KPoint(coords(f, b, aux, par), OptionalInt.empty()));
                    case EXPLICIT -> {
                        if (i == 0) {
                            points.add(new KPoint(coords(f, b, aux, par), OptionalInt.empty()));
                        } else {
                            Vec3 f0 = seg.get(i - 1).fractional();
                            for (int k = 1; k <= ndiv; k++) {
                                Vec3 q = f0.plus(f.minus(f0).times((double) k / ndiv));
                                points.add(new KPoint(coords(q, b, aux, par), OptionalInt.empty()));
                            }
                        }
                    }
                }
            }
        }
        if (format == KPath.Format.TOTAL_COUNT) {
            if (path.segments().size() != 1) {
                throw new UnsupportedOperationException("read format (c) has no jumps; the path " + path.labels()
                        + " has " + path.segments().size() + " segments: use read format (b)");
            }
            return new KPath(format, OptionalInt.of(totalPoints), points);
        }
        if (format != KPath.Format.EXPLICIT && points.size() > KPath.MAX_SYMMETRY_POINTS) {
            throw new UnsupportedOperationException("specx reads at most " + KPath.MAX_SYMMETRY_POINTS
                    + " symmetry points; the path has " + points.size());
        }
        return new KPath(format, OptionalInt.empty(), points);
    }

    private static void requireAuxReadable(AkaiVersion version) {
        if (version == AkaiVersion.CPA2002V010) {
            throw new UnsupportedOperationException("spc with aux on cpa2002v010: specx divides the k-points by"
                    + " b/a = c/a = 0; use a named lattice");
        }
        if (version == AkaiVersion.CPA2021V01) {
            throw new UnsupportedOperationException("spc with aux on cpa2021v01: the k-point coordinates it"
                    + " expects are not established; use a named lattice");
        }
    }

    /**
     * A labelled point in the coordinates {@code version} reads for the path's own lattice (see the class
     * comment); refused for aux where {@link #toKPath} refuses it.
     */
    public static Vector3 cardCoordinates(LabelledPath path, LabelledPoint point, AkaiVersion version) {
        boolean aux = path.lattice().bravais() == BravaisLattice.AUX;
        if (aux) {
            requireAuxReadable(version);
        }
        return coords(point.fractional(), reciprocal(AkaiLattice.primitiveVectors(path.lattice())), aux,
                AkaiLattice.parameters(path.lattice()));
    }

    /** Card coordinates: fractional for aux, else Cartesian 2π/a with y·(b/a), z·(c/a). */
    private static Vector3 coords(Vec3 f, AkaiLattice.Vectors b, boolean aux, AkaiLattice.Parameters par) {
        if (aux) {
            return new Vector3(round(f.x()), round(f.y()), round(f.z()));
        }
        Vec3 k = b.combine(f);
        return new Vector3(round(k.x()), round(k.y() * par.bOverA()), round(k.z() * par.cOverA()));
    }

    private static boolean sameGram(AkaiLattice.Vectors x, AkaiLattice.Vectors y) {
        double[][] gx = x.gram();
        double[][] gy = y.gram();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (Math.abs(gx[i][j] - gy[i][j]) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Removes floating-point noise below 1e-12 so that 0.5 is written as 0.5. */
    private static double round(double x) {
        double r = Math.rint(x * 1e12) / 1e12;
        return r == 0 ? 0 : r;
    }
}
