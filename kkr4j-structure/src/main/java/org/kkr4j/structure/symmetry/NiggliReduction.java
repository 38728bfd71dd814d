package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Vec3;

/**
 * Niggli reduction by the Křivý–Gruber algorithm (steps A1–A8) with the tolerance ε of Grosse-Kunstleve,
 * Sauter and Adams (2004). The metric parameters A = a·a, B = b·b, C = c·c, ξ = 2b·c, η = 2a·c,
 * ζ = 2a·b are recomputed from the vectors after every step (no incremental update to drift), and the
 * integer transformation is accumulated. The Niggli cell is unique for a lattice, which makes it the
 * standard triclinic cell.
 */
public final class NiggliReduction {

    /**
     * @param lattice        the reduced lattice (right-handed when the input is)
     * @param transformation columns are the reduced vectors in fractions of the input lattice (det 1)
     */
    public record Result(Lattice lattice, int[] transformation) {
    }

    /** Relative tolerance: ε = 1e-5 · V^(2/3), as recommended for floating-point input. */
    public static final double RELATIVE_EPSILON = 1e-5;

    private NiggliReduction() {
    }

    public static Result reduce(Lattice lattice) {
        double v = Math.abs(lattice.volumeAngstrom3());
        return reduce(lattice, RELATIVE_EPSILON * Math.pow(v, 2.0 / 3.0));
    }

    /** @param epsilonAngstrom2 tolerance on the metric parameters (Å²) */
    public static Result reduce(Lattice lattice, double epsilonAngstrom2) {
        double e = epsilonAngstrom2;
        int[] total = IntMatrix.IDENTITY.clone();
        Lattice l = lattice;
        for (int iter = 0; iter < 10000; iter++) {
            double[] g = metric(l);
            double a = g[0], b = g[1], c = g[2], xi = g[3], eta = g[4], zeta = g[5];
            int[] m = null;
            if (a > b + e || (Math.abs(a - b) <= e && Math.abs(xi) > Math.abs(eta) + e)) {
                m = new int[]{0, -1, 0, -1, 0, 0, 0, 0, -1};
            } else if (b > c + e || (Math.abs(b - c) <= e && Math.abs(eta) > Math.abs(zeta) + e)) {
                m = new int[]{-1, 0, 0, 0, 0, -1, 0, -1, 0};
            } else {
                int sl = sign(xi, e), sm = sign(eta, e), sn = sign(zeta, e);
                if (sl * sm * sn == 1) {
                    // A3: all three products positive
                    if (sl < 0 || sm < 0 || sn < 0) {
                        m = diag(sl < 0 ? -1 : 1, sm < 0 ? -1 : 1, sn < 0 ? -1 : 1);
                    }
                } else if (sl == 1 || sm == 1 || sn == 1) {
                    // A4: make all non-positive; a zero-sign entry absorbs the sign needed for det = 1
                    int[] f = {sl == 1 ? -1 : 1, sm == 1 ? -1 : 1, sn == 1 ? -1 : 1};
                    if (f[0] * f[1] * f[2] < 0) {
                        int zero = sl == 0 ? 0 : sm == 0 ? 1 : sn == 0 ? 2 : -1;
                        if (zero < 0) {
                            throw new IllegalStateException("Niggli step A4 without a zero entry for " + lattice);
                        }
                        f[zero] = -f[zero];
                    }
                    m = diag(f[0], f[1], f[2]);
                }
                if (m == null) {
                    if (Math.abs(xi) > b + e || (Math.abs(b - xi) <= e && 2 * eta < zeta - e) || (Math.abs(b + xi) <= e && zeta < -e)) {
                        m = new int[]{1, 0, 0, 0, 1, -(int) Math.signum(xi), 0, 0, 1};
                    } else if (Math.abs(eta) > a + e || (Math.abs(a - eta) <= e && 2 * xi < zeta - e) || (Math.abs(a + eta) <= e && zeta < -e)) {
                        m = new int[]{1, 0, -(int) Math.signum(eta), 0, 1, 0, 0, 0, 1};
                    } else if (Math.abs(zeta) > a + e || (Math.abs(a - zeta) <= e && 2 * xi < eta - e) || (Math.abs(a + zeta) <= e && eta < -e)) {
                        m = new int[]{1, -(int) Math.signum(zeta), 0, 0, 1, 0, 0, 0, 1};
                    } else if (xi + eta + zeta + a + b < -e || (Math.abs(xi + eta + zeta + a + b) <= e && 2 * (a + eta) + zeta > e)) {
                        m = new int[]{1, 0, 1, 0, 1, 1, 0, 0, 1};
                    }
                }
            }
            if (m == null) {
                return new Result(l, total);
            }
            l = DelaunayReduction.transform(l, m);
            total = IntMatrix.mul(total, m);
        }
        throw new IllegalStateException("Niggli reduction did not converge for " + lattice);
    }

    /** A, B, C, ξ, η, ζ in Å². */
    public static double[] metric(Lattice l) {
        Vec3 a = l.v1Angstrom(), b = l.v2Angstrom(), c = l.v3Angstrom();
        return new double[]{a.dot(a), b.dot(b), c.dot(c), 2 * b.dot(c), 2 * a.dot(c), 2 * a.dot(b)};
    }

    private static int sign(double x, double e) {
        return x > e ? 1 : x < -e ? -1 : 0;
    }

    private static int[] diag(int i, int j, int k) {
        return new int[]{i, 0, 0, 0, j, 0, 0, 0, k};
    }
}
