package org.kkr4j.structure.akaikkr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An integer basis change between two bases of the same lattice given in possibly different Cartesian
 * frames: M with det ±1 and target_j = Σ_i M[j][i] source_i up to a rotation (or a rotation and
 * inversion, harmless for a centrosymmetric point set such as a Brillouin zone), found by matching the
 * Gram matrices. Fractional reciprocal coordinates then change as f_target = M f_source.
 */
final class LatticeIsometry {

    /** For vectors computed from exact lattice parameters. */
    static final double EXACT = 1e-7;

    private LatticeIsometry() {
    }

    static Optional<int[][]> find(AkaiLattice.Vectors source, AkaiLattice.Vectors target) {
        return find(source, target, EXACT);
    }

    /** @param relTol tolerance on the Gram matrix relative to its largest diagonal element */
    static Optional<int[][]> find(AkaiLattice.Vectors source, AkaiLattice.Vectors target, double relTol) {
        // same frame (e.g. a reduced basis of the target itself): the coefficients are read off directly
        int[][] direct = new int[3][3];
        boolean integral = true;
        for (int j = 0; j < 3 && integral; j++) {
            org.kkr4j.structure.Vec3 f = source.fractionsOf(target.get(j));
            for (int i = 0; i < 3; i++) {
                direct[j][i] = (int) Math.round(f.get(i));
                integral &= Math.abs(f.get(i) - direct[j][i]) < 1e-6;
            }
        }
        double[][] gs = source.gram();
        double[][] gt = target.gram();
        if (integral && matches(direct, gs, gt, relTol)) {
            return Optional.of(direct);
        }
        for (int range = 2; range <= 6; range += 2) {
            Optional<int[][]> m = search(gs, gt, range, relTol);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<int[][]> search(double[][] gs, double[][] gt, int range, double relTol) {
        double scale = Math.max(gt[0][0], Math.max(gt[1][1], gt[2][2]));
        double tol = relTol * scale;
        List<List<int[]>> rows = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            List<int[]> cands = new ArrayList<>();
            // the identity row first, so that proportional bases keep their coordinates unchanged
            int[] unit = new int[3];
            unit[j] = 1;
            if (Math.abs(quad(unit, unit, gs) - gt[j][j]) < tol) {
                cands.add(unit);
            }
            for (int a = -range; a <= range; a++) {
                for (int b = -range; b <= range; b++) {
                    for (int c = -range; c <= range; c++) {
                        int[] u = {a, b, c};
                        if (!java.util.Arrays.equals(u, unit) && Math.abs(quad(u, u, gs) - gt[j][j]) < tol) {
                            cands.add(u);
                        }
                    }
                }
            }
            rows.add(cands);
        }
        for (int[] u : rows.get(0)) {
            for (int[] v : rows.get(1)) {
                if (Math.abs(quad(u, v, gs) - gt[0][1]) >= tol) {
                    continue;
                }
                for (int[] w : rows.get(2)) {
                    if (Math.abs(quad(u, w, gs) - gt[0][2]) < tol && Math.abs(quad(v, w, gs) - gt[1][2]) < tol
                            && Math.abs(det(u, v, w)) == 1) {
                        return Optional.of(new int[][] {u, v, w});
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(int[][] m, double[][] gs, double[][] gt, double relTol) {
        double scale = Math.max(gt[0][0], Math.max(gt[1][1], gt[2][2]));
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                if (Math.abs(quad(m[j], m[k], gs) - gt[j][k]) > relTol * scale) {
                    return false;
                }
            }
        }
        return Math.abs(det(m[0], m[1], m[2])) == 1;
    }

    private static double quad(int[] u, int[] v, double[][] g) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                s += u[i] * g[i][k] * v[k];
            }
        }
        return s;
    }

    private static long det(int[] u, int[] v, int[] w) {
        return (long) u[0] * (v[1] * w[2] - v[2] * w[1]) - (long) u[1] * (v[0] * w[2] - v[2] * w[0])
                + (long) u[2] * (v[0] * w[1] - v[1] * w[0]);
    }
}
