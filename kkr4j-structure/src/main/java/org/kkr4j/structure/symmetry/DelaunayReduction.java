package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Vec3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Delaunay (Selling) reduction of a lattice: with b4 = −(b1+b2+b3), while some b_i·b_j exceeds the
 * tolerance, b_i is negated and added to the two other vectors. The reduced basis is the shortest
 * three of b1..b4, b1+b2, b2+b3, b3+b1 that span the lattice, made right-handed. In such a basis
 * every lattice symmetry is an integer matrix with entries in {−1, 0, 1}, which is what the lattice
 * point-group search relies on.
 */
public final class DelaunayReduction {

    /**
     * @param lattice        the reduced lattice
     * @param transformation columns are the reduced vectors in fractions of the input lattice (integer, det 1)
     */
    public record Result(Lattice lattice, int[] transformation) {
    }

    private DelaunayReduction() {
    }

    public static Result reduce(Lattice lattice, double tolAngstrom) {
        Vec3[] b = {lattice.v1Angstrom(), lattice.v2Angstrom(), lattice.v3Angstrom(), null};
        int[][] c = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {-1, -1, -1}};
        b[3] = b[0].plus(b[1]).plus(b[2]).times(-1);
        double eps = tolAngstrom * tolAngstrom;
        for (int iter = 0; iter < 1000; iter++) {
            boolean changed = false;
            for (int i = 0; i < 4 && !changed; i++) {
                for (int j = i + 1; j < 4 && !changed; j++) {
                    if (b[i].dot(b[j]) > eps) {
                        for (int k = 0; k < 4; k++) {
                            if (k != i && k != j) {
                                b[k] = b[k].plus(b[i]);
                                c[k] = add(c[k], c[i]);
                            }
                        }
                        b[i] = b[i].times(-1);
                        c[i] = neg(c[i]);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return basis(lattice, c);
            }
        }
        throw new IllegalStateException("Delaunay reduction did not converge for " + lattice);
    }

    private static Result basis(Lattice lattice, int[][] c) {
        List<int[]> cands = new ArrayList<>(List.of(c[0], c[1], c[2], c[3], add(c[0], c[1]), add(c[1], c[2]), add(c[2], c[0])));
        cands.sort(Comparator.comparingDouble(v -> cart(lattice, v).norm()));
        for (int i = 0; i < cands.size(); i++) {
            for (int j = i + 1; j < cands.size(); j++) {
                for (int k = j + 1; k < cands.size(); k++) {
                    int[] p = IntMatrix.fromColumns(cands.get(i), cands.get(j), cands.get(k));
                    int d = IntMatrix.det(p);
                    if (Math.abs(d) == 1) {
                        if (d < 0) {
                            p = IntMatrix.negate(p);
                        }
                        return new Result(transform(lattice, p), p);
                    }
                }
            }
        }
        throw new IllegalStateException("no unimodular basis among the Delaunay vectors of " + lattice);
    }

    /** The lattice whose vectors are the columns of {@code p} in fractions of {@code lattice}. */
    static Lattice transform(Lattice lattice, int[] p) {
        return new Lattice(cart(lattice, new int[]{p[0], p[3], p[6]}), cart(lattice, new int[]{p[1], p[4], p[7]}),
                cart(lattice, new int[]{p[2], p[5], p[8]}));
    }

    static Vec3 cart(Lattice l, int[] v) {
        return l.toCartesian(new Vec3(v[0], v[1], v[2]));
    }

    private static int[] add(int[] a, int[] b) {
        return new int[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static int[] neg(int[] a) {
        return new int[]{-a[0], -a[1], -a[2]};
    }
}
