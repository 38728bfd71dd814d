package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Vec3;

import java.util.ArrayList;
import java.util.List;

/**
 * The rotations (integer matrices acting on fractional coordinates) that map a Delaunay-reduced lattice
 * onto itself within a tolerance: every basis length changes by less than the tolerance, and every
 * angle by less than an angle whose sine times the mean length of the two vectors is the tolerance
 * (spglib's rule when no separate angle tolerance is given).
 */
public final class LatticePointGroup {

    private LatticePointGroup() {
    }

    /** @param reduced a Delaunay-reduced lattice (entries of the symmetry matrices are then in {−1,0,1}) */
    public static List<int[]> find(Lattice reduced, double tolAngstrom) {
        Vec3[] a = {reduced.v1Angstrom(), reduced.v2Angstrom(), reduced.v3Angstrom()};
        List<int[]> out = new ArrayList<>();
        int[] m = new int[9];
        for (int code = 0; code < 19683; code++) {
            int x = code;
            for (int i = 0; i < 9; i++) {
                m[i] = x % 3 - 1;
                x /= 3;
            }
            int d = IntMatrix.det(m);
            if (d != 1 && d != -1) {
                continue;
            }
            Vec3[] b = new Vec3[3];
            boolean ok = true;
            for (int j = 0; j < 3 && ok; j++) {
                b[j] = a[0].times(m[j]).plus(a[1].times(m[3 + j])).plus(a[2].times(m[6 + j]));
                ok = Math.abs(b[j].norm() - a[j].norm()) < tolAngstrom;
            }
            for (int i = 0; i < 3 && ok; i++) {
                for (int j = i + 1; j < 3 && ok; j++) {
                    double dTheta = angle(b[i], b[j]) - angle(a[i], a[j]);
                    ok = Math.abs(Math.sin(dTheta)) * 0.5 * (a[i].norm() + a[j].norm()) < tolAngstrom;
                }
            }
            if (ok) {
                out.add(m.clone());
            }
        }
        return out;
    }

    private static double angle(Vec3 u, Vec3 v) {
        return Math.acos(Math.max(-1, Math.min(1, u.dot(v) / (u.norm() * v.norm()))));
    }
}
