package org.kkr4j.structure.akaikkr;

import org.kkr4j.io.akaikkr.card.Atom;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.Coordinate;
import org.kkr4j.io.akaikkr.card.EulerAngles;
import org.kkr4j.io.akaikkr.card.Lattice;
import org.kkr4j.io.akaikkr.card.PrimitiveVectors;
import org.kkr4j.io.akaikkr.card.Vector3;
import org.kkr4j.structure.Vec3;

/**
 * AkaiKKR's lattice conventions: the primitive vectors specx builds from a card's brvtyp line
 * ({@code bravai.f}, {@code prmvec.f}, {@code vrotat.f}), in units of a, after specx's defaults and forced
 * values. Checked against the vectors specx prints for every brvtyp, alias, default and tilt
 * ({@code specx-geometry/prmvec_and_positions.json}).
 */
public final class AkaiLattice {

    private AkaiLattice() {
    }

    /**
     * The lattice parameters specx actually uses: c/a, b/a and angles after its defaults (a value 0 read
     * for a named lattice) and forced values (e.g. cubic lattices ignore c/a). For aux these are what
     * {@code prmvec} derives: b/a = c/a = 0 (they are not read) unless the vectors have the hexagonal
     * pattern (b/a = 1, c/a = 2·r3z, as specx sets it) or the trigonal pattern (b/a = c/a = 1); only the
     * x/y/z position suffixes use them.
     */
    public record Parameters(double cOverA, double bOverA, double alphaDeg, double betaDeg, double gammaDeg) {
    }

    /** Three vectors (units of a) in the Cartesian frame of specx. */
    public record Vectors(Vec3 r1, Vec3 r2, Vec3 r3) {

        public Vec3 get(int i) {
            return switch (i) {
                case 0 -> r1;
                case 1 -> r2;
                case 2 -> r3;
                default -> throw new IndexOutOfBoundsException(i);
            };
        }

        /** r1·(r2×r3) (units of a³); positive for every named lattice. */
        public double volume() {
            return r1.dot(r2.cross(r3));
        }

        /** Gram matrix g_ij = r_i·r_j (units of a²). */
        public double[][] gram() {
            double[][] g = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i][j] = get(i).dot(get(j));
                }
            }
            return g;
        }

        /** Σ f_i r_i. */
        public Vec3 combine(Vec3 f) {
            return r1.times(f.x()).plus(r2.times(f.y())).plus(r3.times(f.z()));
        }

        /** The coefficients f with Σ f_i r_i = cartesian (Cramer's rule). */
        public Vec3 fractionsOf(Vec3 cartesian) {
            double v = volume();
            return new Vec3(cartesian.dot(r2.cross(r3)) / v, r1.dot(cartesian.cross(r3)) / v,
                    r1.dot(r2.cross(cartesian)) / v);
        }

        Vectors rotated(EulerAngles t) {
            return new Vectors(rotate(r1, t), rotate(r2, t), rotate(r3, t));
        }
    }

    private static final double SQRT3_2 = Math.sqrt(3) / 2;

    /** The effective parameters (see {@link Parameters}). */
    public static Parameters parameters(Lattice lattice) {
        double c = lattice.cOverA();
        double b = lattice.bOverA();
        double al = lattice.alphaDeg();
        double be = lattice.betaDeg();
        double ga = lattice.gammaDeg();
        return switch (lattice.bravais()) {
            case FCC, BCC, SC -> new Parameters(1, 1, 90, 90, 90);
            case HCP -> new Parameters(c == 0 ? Math.sqrt(8.0 / 3.0) : c, 1, 90, 90, 120);
            case BCT, ST, FCT -> new Parameters(or1(c), 1, 90, 90, 90);
            case FCO, BCO, BSO, SO -> new Parameters(or1(c), or1(b), 90, 90, 90);
            case BSM, SM -> new Parameters(or1(c), or1(b), 90, or90(be), 90);
            case TRC -> new Parameters(or1(c), or1(b), or90(al), or90(be), or90(ga));
            case RHB -> {
                double a = al == 0 ? 60 : al;
                yield new Parameters(1, 1, a, a, a);
            }
            case AUX -> auxParameters(lattice.primitiveVectors().orElseThrow());
        };
    }

    private static double or1(double v) {
        return v == 0 ? 1 : v;
    }

    private static double or90(double v) {
        return v == 0 ? 90 : v;
    }

    /** The primitive vectors (units of a) of a card lattice, including the tilt rotation. */
    public static Vectors primitiveVectors(Lattice lattice) {
        Vectors v = untilted(lattice);
        return lattice.tilt().map(v::rotated).orElse(v);
    }

    /** The Gram matrix of {@link #primitiveVectors(Lattice)} (units of a²; tilt-independent). */
    public static double[][] gram(Lattice lattice) {
        return primitiveVectors(lattice).gram();
    }

    /**
     * The position of an atom as specx computes it ({@code chklat.f}): the three tokens are summed
     * (plain number = Cartesian along its column, a/b/c = primitive vectors, x/y/z = (1,0,0), (0,b/a,0),
     * (0,0,c/a) with the effective b/a, c/a), the tilt rotates the result, and it is folded into the
     * primitive cell with specx's slack ({@link #fold}). Cartesian, units of a.
     */
    public static Vec3 position(Atom atom, Lattice lattice) {
        Vectors r = untilted(lattice);
        Parameters p = parameters(lattice);
        Coordinate[] cs = {atom.x(), atom.y(), atom.z()};
        Vec3 sum = Vec3.ZERO;
        for (int column = 0; column < 3; column++) {
            Coordinate c = cs[column];
            Vec3 unit = switch (c.basis()) {
                case CARTESIAN -> column == 0 ? new Vec3(1, 0, 0) : column == 1 ? new Vec3(0, 1, 0) : new Vec3(0, 0, 1);
                case A -> r.r1();
                case B -> r.r2();
                case C -> r.r3();
                case X -> new Vec3(1, 0, 0);
                case Y -> new Vec3(0, p.bOverA(), 0);
                case Z -> new Vec3(0, 0, p.cOverA());
            };
            sum = sum.plus(unit.times(c.value()));
        }
        Vectors rt = r;
        if (lattice.tilt().isPresent()) {
            sum = rotate(sum, lattice.tilt().get());
            rt = r.rotated(lattice.tilt().get());
        }
        return rt.combine(fold(rt.fractionsOf(sum)));
    }

    /**
     * specx's folding into the primitive cell, per primitive coordinate:
     * {@code f - (int(f + 1000 + 1e-3) - 1000)}, i.e. into [-1e-3, 1 - 1e-3).
     */
    public static Vec3 fold(Vec3 f) {
        return new Vec3(fold1(f.x()), fold1(f.y()), fold1(f.z()));
    }

    private static double fold1(double f) {
        return f - ((int) (f + 1000 + 1e-3) - 1000);
    }

    /** The primitive vectors before the tilt rotation. */
    static Vectors untilted(Lattice lattice) {
        Parameters p = parameters(lattice);
        double b = p.bOverA();
        double c = p.cOverA();
        return switch (lattice.bravais()) {
            case FCC -> v(0, .5, .5, .5, 0, .5, .5, .5, 0);
            case BCC -> v(-.5, .5, .5, .5, -.5, .5, .5, .5, -.5);
            case HCP -> v(.5, -SQRT3_2, 0, .5, SQRT3_2, 0, 0, 0, c);
            case SC -> v(1, 0, 0, 0, 1, 0, 0, 0, 1);
            case BCT -> v(-.5, .5, .5 * c, .5, -.5, .5 * c, .5, .5, -.5 * c);
            case ST -> v(1, 0, 0, 0, 1, 0, 0, 0, c);
            case FCT -> v(0, .5, .5 * c, .5, 0, .5 * c, .5, .5, 0);
            case FCO -> v(0, .5 * b, .5 * c, .5, 0, .5 * c, .5, .5 * b, 0);
            case BCO -> v(-.5, .5 * b, .5 * c, .5, -.5 * b, .5 * c, .5, .5 * b, -.5 * c);
            case BSO -> v(.5, -.5 * b, 0, .5, .5 * b, 0, 0, 0, c);
            case SO -> v(1, 0, 0, 0, b, 0, 0, 0, c);
            case BSM, SM -> {
                double beta = Math.toRadians(p.betaDeg());
                Vec3 r3 = new Vec3(Math.cos(beta) * c, 0, Math.sin(beta) * c);
                yield lattice.bravais() == BravaisLattice.SM
                        ? new Vectors(new Vec3(1, 0, 0), new Vec3(0, b, 0), r3)
                        : new Vectors(new Vec3(.5, -.5 * b, 0), new Vec3(.5, .5 * b, 0), r3);
            }
            case TRC -> triclinic(b, c, p.alphaDeg(), p.betaDeg(), p.gammaDeg());
            case RHB -> {
                double ca = Math.cos(Math.toRadians(p.alphaDeg()));
                double z = Math.sqrt((.5 + ca) / (1 - ca));
                double n = Math.sqrt(1 + z * z);
                yield v(SQRT3_2 / n, -.5 / n, z / n, 0, 1 / n, z / n, -SQRT3_2 / n, -.5 / n, z / n);
            }
            case AUX -> {
                PrimitiveVectors pv = lattice.primitiveVectors().orElseThrow();
                yield new Vectors(of(pv.a()), of(pv.b()), of(pv.c()));
            }
        };
    }

    /** The triclinic vectors of specx: r1 along x, r2 in the xy plane (units of a). */
    static Vectors triclinic(double b, double c, double alphaDeg, double betaDeg, double gammaDeg) {
        double ca = Math.cos(Math.toRadians(alphaDeg));
        double cb = Math.cos(Math.toRadians(betaDeg));
        double cg = Math.cos(Math.toRadians(gammaDeg));
        double sg = Math.sin(Math.toRadians(gammaDeg));
        double cw = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        return new Vectors(new Vec3(1, 0, 0), new Vec3(cg * b, sg * b, 0),
                new Vec3(cb * c, (ca - cb * cg) / sg * c, Math.sqrt(cw) / sg * c));
    }

    private static Parameters auxParameters(PrimitiveVectors pv) {
        Vec3 r1 = of(pv.a());
        Vec3 r2 = of(pv.b());
        Vec3 r3 = of(pv.c());
        double tol = 1e-6;
        boolean hexagonal = near(r1, new Vec3(.5, -SQRT3_2, 0), tol) && near(r2, new Vec3(.5, SQRT3_2, 0), tol)
                && Math.abs(r3.x()) < tol && Math.abs(r3.y()) < tol;
        if (hexagonal) {
            return new Parameters(2 * r3.z(), 1, 0, 0, 0);
        }
        double l1 = r1.norm();
        boolean trigonal = Math.abs(r2.norm() - l1) < tol && Math.abs(r3.norm() - l1) < tol
                && Math.abs(r1.dot(r2) - r2.dot(r3)) < tol && Math.abs(r2.dot(r3) - r3.dot(r1)) < tol
                && Math.abs(r1.z() - r2.z()) < tol && Math.abs(r2.z() - r3.z()) < tol;
        return trigonal ? new Parameters(1, 1, 0, 0, 0) : new Parameters(0, 0, 0, 0, 0);
    }

    private static boolean near(Vec3 a, Vec3 b, double tol) {
        return a.minus(b).norm() < tol;
    }

    static Vec3 of(Vector3 v) {
        return new Vec3(v.x(), v.y(), v.z());
    }

    private static Vectors v(double... x) {
        return new Vectors(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]), new Vec3(x[6], x[7], x[8]));
    }

    /** specx's tilt: about z by the first angle, then about y by the second, then about z by the third. */
    static Vec3 rotate(Vec3 p, EulerAngles t) {
        return rotZ(rotY(rotZ(p, t.first()), t.second()), t.third());
    }

    private static Vec3 rotZ(Vec3 p, double deg) {
        double c = Math.cos(Math.toRadians(deg));
        double s = Math.sin(Math.toRadians(deg));
        return new Vec3(c * p.x() - s * p.y(), s * p.x() + c * p.y(), p.z());
    }

    private static Vec3 rotY(Vec3 p, double deg) {
        double c = Math.cos(Math.toRadians(deg));
        double s = Math.sin(Math.toRadians(deg));
        return new Vec3(c * p.x() + s * p.z(), p.y(), -s * p.x() + c * p.z());
    }
}
