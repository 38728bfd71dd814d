package org.kkr4j.structure;

/**
 * Three lattice vectors in Å (Cartesian), rows of the cell matrix. Fractional coordinates f map to
 * Cartesian r = f1·v1 + f2·v2 + f3·v3.
 */
public record Lattice(Vec3 v1Angstrom, Vec3 v2Angstrom, Vec3 v3Angstrom) {

    public Lattice {
        double vol = v1Angstrom.dot(v2Angstrom.cross(v3Angstrom));
        if (!(Math.abs(vol) > 1e-8)) {
            throw new IllegalArgumentException("lattice vectors are (nearly) coplanar: volume " + vol + " Å³");
        }
    }

    /**
     * The lattice with the given parameters in the usual orientation (a along x, b in the xy plane,
     * c completing a right-handed cell), as CIF implies.
     */
    public static Lattice fromParameters(double aAngstrom, double bAngstrom, double cAngstrom,
                                         double alphaDeg, double betaDeg, double gammaDeg) {
        if (!(aAngstrom > 0 && bAngstrom > 0 && cAngstrom > 0)) {
            throw new IllegalArgumentException("cell lengths must be positive: " + aAngstrom + ", " + bAngstrom + ", " + cAngstrom);
        }
        double ca = cosDeg(alphaDeg), cb = cosDeg(betaDeg), cg = cosDeg(gammaDeg), sg = sinDeg(gammaDeg);
        double cx = cb;
        double cy = (ca - cb * cg) / sg;
        double cz2 = 1.0 - cx * cx - cy * cy;
        if (!(cz2 > 1e-12)) {
            throw new IllegalArgumentException("cell angles do not form a cell: alpha " + alphaDeg
                    + ", beta " + betaDeg + ", gamma " + gammaDeg);
        }
        return new Lattice(new Vec3(aAngstrom, 0, 0),
                new Vec3(bAngstrom * cg, bAngstrom * sg, 0),
                new Vec3(cAngstrom * cx, cAngstrom * cy, cAngstrom * Math.sqrt(cz2)));
    }

    /** Cosine of an angle in degrees, exact (0, ±0.5, ±1) for the angles that are common in cells. */
    static double cosDeg(double deg) {
        if (deg == 90.0) return 0.0;
        if (deg == 60.0) return 0.5;
        if (deg == 120.0) return -0.5;
        return Math.cos(Math.toRadians(deg));
    }

    static double sinDeg(double deg) {
        if (deg == 90.0) return 1.0;
        return Math.sin(Math.toRadians(deg));
    }

    public Vec3 vector(int i) {
        return switch (i) {
            case 0 -> v1Angstrom;
            case 1 -> v2Angstrom;
            case 2 -> v3Angstrom;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    public double aAngstrom() {
        return v1Angstrom.norm();
    }

    public double bAngstrom() {
        return v2Angstrom.norm();
    }

    public double cAngstrom() {
        return v3Angstrom.norm();
    }

    public double alphaDeg() {
        return angleDeg(v2Angstrom, v3Angstrom);
    }

    public double betaDeg() {
        return angleDeg(v1Angstrom, v3Angstrom);
    }

    public double gammaDeg() {
        return angleDeg(v1Angstrom, v2Angstrom);
    }

    /** Signed volume: negative for a left-handed set of vectors. */
    public double volumeAngstrom3() {
        return v1Angstrom.dot(v2Angstrom.cross(v3Angstrom));
    }

    public Lattice scaled(double factor) {
        return new Lattice(v1Angstrom.times(factor), v2Angstrom.times(factor), v3Angstrom.times(factor));
    }

    public Vec3 toCartesian(Vec3 fractional) {
        return v1Angstrom.times(fractional.x()).plus(v2Angstrom.times(fractional.y())).plus(v3Angstrom.times(fractional.z()));
    }

    public Vec3 toFractional(Vec3 cartesianAngstrom) {
        // rows of the inverse cell matrix are the reciprocal vectors / volume
        double vol = volumeAngstrom3();
        Vec3 r1 = v2Angstrom.cross(v3Angstrom).times(1.0 / vol);
        Vec3 r2 = v3Angstrom.cross(v1Angstrom).times(1.0 / vol);
        Vec3 r3 = v1Angstrom.cross(v2Angstrom).times(1.0 / vol);
        return new Vec3(r1.dot(cartesianAngstrom), r2.dot(cartesianAngstrom), r3.dot(cartesianAngstrom));
    }

    /** Shortest distance in Å between two fractional positions over periodic images (exact for reasonably reduced cells). */
    public double distanceAngstrom(Vec3 fractional1, Vec3 fractional2) {
        Vec3 d = fractional1.minus(fractional2).nearestImage();
        double best = Double.MAX_VALUE;
        // the nearest image in fractions is not always the nearest in Å for oblique cells: check neighbours
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int k = -1; k <= 1; k++) {
                    best = Math.min(best, toCartesian(new Vec3(d.x() + i, d.y() + j, d.z() + k)).norm());
                }
            }
        }
        return best;
    }

    /** True when both lattices have the same lengths and angles within the given tolerances (orientation is ignored). */
    public boolean sameParameters(Lattice other, double lengthTolAngstrom, double angleTolDeg) {
        return Math.abs(aAngstrom() - other.aAngstrom()) <= lengthTolAngstrom
                && Math.abs(bAngstrom() - other.bAngstrom()) <= lengthTolAngstrom
                && Math.abs(cAngstrom() - other.cAngstrom()) <= lengthTolAngstrom
                && Math.abs(alphaDeg() - other.alphaDeg()) <= angleTolDeg
                && Math.abs(betaDeg() - other.betaDeg()) <= angleTolDeg
                && Math.abs(gammaDeg() - other.gammaDeg()) <= angleTolDeg;
    }

    private static double angleDeg(Vec3 u, Vec3 v) {
        double c = u.dot(v) / (u.norm() * v.norm());
        return Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, c))));
    }
}
