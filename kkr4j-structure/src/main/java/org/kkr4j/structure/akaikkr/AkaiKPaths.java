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
import org.kkr4j.structure.Vec3;

/**
 * Standard band-structure paths (high-symmetry points with labels, Setyawan &amp; Curtarolo 2010
 * conventions) for the named lattices whose primitive vectors in that convention are exactly specx's
 * (sc, fcc, bcc, hcp, st, bct, so) or have its metric (rhb), and their conversion into the k-point coordinates each AkaiKKR
 * version reads for {@code go=spc}:
 * <ul>
 *   <li>named lattice (every version): Cartesian in units of 2π/a, with the y and z components multiplied
 *       by b/a and c/a because specx divides them by those ratios when reading;</li>
 *   <li>aux on 2022.0721 (both builds): fractional coordinates of the reciprocal vectors of the aux
 *       vectors; accepted only when the aux vectors are a multiple of the path lattice's specx vectors, so
 *       that the labels still name the same points;</li>
 *   <li>aux on cpa2002v010: refused (specx divides by b/a = c/a = 0); aux on cpa2021v01: refused, the
 *       coordinates it expects are not established.</li>
 * </ul>
 * Other lattices (fco, bco, bso, sm, bsm, trc, fct) raise a "not supported" error: their standard
 * paths depend on a setting that differs from specx's vectors and need the symmetry finder.
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
     * @param lattice  the named lattice the fractional coordinates refer to
     * @param segments at least one segment of at least two points
     */
    public record LabelledPath(Lattice lattice, List<List<LabelledPoint>> segments) {
        public LabelledPath {
            segments = segments.stream().map(List::copyOf).toList();
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

    /** The standard path of a named lattice. */
    public static LabelledPath standard(Lattice lattice) {
        LabelledPoint g = p("Γ", 0, 0, 0);
        AkaiLattice.Parameters par = AkaiLattice.parameters(lattice);
        List<List<LabelledPoint>> s = switch (lattice.bravais()) {
            case FCC -> {
                LabelledPoint x = p("X", .5, 0, .5);
                LabelledPoint w = p("W", .5, .25, .75);
                LabelledPoint k = p("K", .375, .375, .75);
                LabelledPoint l = p("L", .5, .5, .5);
                LabelledPoint u = p("U", .625, .25, .625);
                yield List.of(List.of(g, x, w, k, g, l, u, w, l, k), List.of(u, x));
            }
            case BCC -> {
                LabelledPoint h = p("H", .5, -.5, .5);
                LabelledPoint pp = p("P", .25, .25, .25);
                LabelledPoint n = p("N", 0, 0, .5);
                yield List.of(List.of(g, h, n, g, pp, h), List.of(pp, n));
            }
            case SC -> {
                LabelledPoint x = p("X", 0, .5, 0);
                LabelledPoint m = p("M", .5, .5, 0);
                LabelledPoint r = p("R", .5, .5, .5);
                yield List.of(List.of(g, x, m, g, r, x), List.of(m, r));
            }
            case HCP -> {
                LabelledPoint a = p("A", 0, 0, .5);
                LabelledPoint h = p("H", 1.0 / 3, 1.0 / 3, .5);
                LabelledPoint k = p("K", 1.0 / 3, 1.0 / 3, 0);
                LabelledPoint l = p("L", .5, 0, .5);
                LabelledPoint m = p("M", .5, 0, 0);
                yield List.of(List.of(g, m, k, g, a, l, h, a), List.of(l, m), List.of(k, h));
            }
            case ST -> {
                LabelledPoint a = p("A", .5, .5, .5);
                LabelledPoint m = p("M", .5, .5, 0);
                LabelledPoint r = p("R", 0, .5, .5);
                LabelledPoint x = p("X", 0, .5, 0);
                LabelledPoint z = p("Z", 0, 0, .5);
                yield List.of(List.of(g, x, m, g, z, r, a, z), List.of(x, r), List.of(m, a));
            }
            case SO -> {
                LabelledPoint r = p("R", .5, .5, .5);
                LabelledPoint ss = p("S", .5, .5, 0);
                LabelledPoint t = p("T", 0, .5, .5);
                LabelledPoint u = p("U", .5, 0, .5);
                LabelledPoint x = p("X", .5, 0, 0);
                LabelledPoint y = p("Y", 0, .5, 0);
                LabelledPoint z = p("Z", 0, 0, .5);
                yield List.of(List.of(g, x, ss, y, g, z, u, r, t, z), List.of(y, t), List.of(u, x), List.of(ss, r));
            }
            case BCT -> {
                double c = par.cOverA();
                LabelledPoint n = p("N", 0, .5, 0);
                LabelledPoint pp = p("P", .25, .25, .25);
                LabelledPoint x = p("X", 0, 0, .5);
                if (c < 1) {
                    double eta = (1 + c * c) / 4;
                    LabelledPoint m = p("M", -.5, .5, .5);
                    LabelledPoint z = p("Z", eta, eta, -eta);
                    LabelledPoint z1 = p("Z1", -eta, 1 - eta, eta);
                    yield List.of(List.of(g, x, m, g, z, pp, n, z1, m), List.of(x, pp));
                }
                double eta = (1 + 1 / (c * c)) / 4;
                double zeta = 1 / (2 * c * c);
                LabelledPoint sg = p("Σ", -eta, eta, eta);
                LabelledPoint sg1 = p("Σ1", eta, 1 - eta, -eta);
                LabelledPoint y = p("Y", -zeta, zeta, .5);
                LabelledPoint y1 = p("Y1", .5, .5, -zeta);
                LabelledPoint z = p("Z", .5, .5, -.5);
                yield List.of(List.of(g, x, y, sg, g, z, sg1, n, pp, y1, z), List.of(x, pp));
            }
            case RHB -> {
                // the Setyawan-Curtarolo rhombohedral vectors have specx's metric (|ri| = 1, angles α)
                // and handedness, so the fractional coordinates carry over unchanged
                double ca = Math.cos(Math.toRadians(par.alphaDeg()));
                LabelledPoint l = p("L", .5, 0, 0);
                if (par.alphaDeg() < 90) {
                    double eta = (1 + 4 * ca) / (2 + 4 * ca);
                    double nu = .75 - eta / 2;
                    LabelledPoint b = p("B", eta, .5, 1 - eta);
                    LabelledPoint b1 = p("B1", .5, 1 - eta, eta - 1);
                    LabelledPoint f = p("F", .5, .5, 0);
                    LabelledPoint l1 = p("L1", 0, 0, -.5);
                    LabelledPoint pp = p("P", eta, nu, nu);
                    LabelledPoint p1 = p("P1", 1 - nu, 1 - nu, 1 - eta);
                    LabelledPoint q = p("Q", 1 - nu, nu, 0);
                    LabelledPoint x = p("X", nu, 0, -nu);
                    LabelledPoint z = p("Z", .5, .5, .5);
                    yield List.of(List.of(g, l, b1), List.of(b, z, g, x), List.of(q, f, p1, z), List.of(l, pp));
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
                yield List.of(List.of(g, pp, z, q, g, f, p1, q1, l, z));
            }
            default -> throw new UnsupportedOperationException("standard k-path for brvtyp " + lattice.keyword()
                    + " is not supported: its standard setting differs from specx's primitive vectors");
        };
        if (lattice.tilt().isPresent()) {
            throw new UnsupportedOperationException("standard k-path for a tilted lattice is not supported");
        }
        return new LabelledPath(lattice, s);
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
            if (version == AkaiVersion.CPA2002V010) {
                throw new UnsupportedOperationException("spc with aux on cpa2002v010: specx divides the k-points by"
                        + " b/a = c/a = 0; use a named lattice");
            }
            if (version == AkaiVersion.CPA2021V01) {
                throw new UnsupportedOperationException("spc with aux on cpa2021v01: the k-point coordinates it"
                        + " expects are not established; use a named lattice");
            }
            requireProportional(pathVectors, AkaiLattice.primitiveVectors(cardLattice), path.lattice().keyword());
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

    /** The aux vectors must be s times the path lattice's specx vectors (same shape, order, orientation). */
    private static void requireProportional(AkaiLattice.Vectors path, AkaiLattice.Vectors card, String keyword) {
        double s = card.r1().norm() / path.r1().norm();
        for (int i = 0; i < 3; i++) {
            if (card.get(i).minus(path.get(i).times(s)).norm() > 1e-9 * s) {
                throw new UnsupportedOperationException("the aux vectors are not a multiple of specx's " + keyword
                        + " vectors: the labels of the path would name other points");
            }
        }
    }

    /** Removes floating-point noise below 1e-12 so that 0.5 is written as 0.5. */
    private static double round(double x) {
        double r = Math.rint(x * 1e12) / 1e12;
        return r == 0 ? 0 : r;
    }
}
