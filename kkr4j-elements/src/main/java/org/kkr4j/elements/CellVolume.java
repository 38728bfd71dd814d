package org.kkr4j.elements;

/**
 * Unit-cell volumes in units of a³ for {@link LatticeConstantEstimator}: from primitive vectors (the
 * general case, e.g. as printed by specx in units of a) or for the common Bravais lattices.
 */
public final class CellVolume {

    private CellVolume() {
    }

    /** |a1 · (a2 × a3)| with the vectors in units of a. */
    public static double ofPrimitiveVectors(double[] a1, double[] a2, double[] a3) {
        for (double[] v : new double[][] {a1, a2, a3}) {
            if (v == null || v.length != 3) {
                throw new IllegalArgumentException("primitive vectors need 3 components");
            }
        }
        double det = a1[0] * (a2[1] * a3[2] - a2[2] * a3[1])
                - a1[1] * (a2[0] * a3[2] - a2[2] * a3[0])
                + a1[2] * (a2[0] * a3[1] - a2[1] * a3[0]);
        double v = Math.abs(det);
        if (!(v > 0)) {
            throw new IllegalArgumentException("primitive vectors are linearly dependent");
        }
        return v;
    }

    /** Simple cubic: 1. */
    public static double sc() {
        return 1.0;
    }

    /** Face-centred cubic primitive cell: 1/4. */
    public static double fcc() {
        return 0.25;
    }

    /** Body-centred cubic primitive cell: 1/2. */
    public static double bcc() {
        return 0.5;
    }

    /** Hexagonal: √3/2 · c/a. */
    public static double hcp(double cOverA) {
        return Math.sqrt(3.0) / 2.0 * positive(cOverA, "c/a");
    }

    /** Simple tetragonal: c/a. */
    public static double st(double cOverA) {
        return positive(cOverA, "c/a");
    }

    /** Body-centred tetragonal: c/a / 2. */
    public static double bct(double cOverA) {
        return positive(cOverA, "c/a") / 2.0;
    }

    private static double positive(double x, String what) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException(what + " must be > 0: " + x);
        }
        return x;
    }
}
