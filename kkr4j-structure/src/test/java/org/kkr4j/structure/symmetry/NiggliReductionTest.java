package org.kkr4j.structure.symmetry;

import org.junit.jupiter.api.Test;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Vec3;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NiggliReductionTest {

    /** The Niggli cell is unique: random unimodular changes of basis of one lattice reduce to the same metric. */
    @Test
    void sameLatticeInAnyBasisGivesTheSameNiggliCell() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            Lattice l = Lattice.fromParameters(2 + 4 * rnd.nextDouble(), 2 + 4 * rnd.nextDouble(), 2 + 4 * rnd.nextDouble(),
                    60 + 60 * rnd.nextDouble(), 60 + 60 * rnd.nextDouble(), 60 + 60 * rnd.nextDouble());
            double[] ref;
            try {
                ref = NiggliReduction.metric(NiggliReduction.reduce(l).lattice());
            } catch (IllegalArgumentException notACell) {
                continue;
            }
            assertNiggliConditions(ref);
            int[] u = randomUnimodular(rnd);
            Lattice skewed = DelaunayReduction.transform(l, u);
            NiggliReduction.Result r = NiggliReduction.reduce(skewed);
            double[] g = NiggliReduction.metric(r.lattice());
            for (int i = 0; i < 6; i++) {
                assertThat(g[i]).as("trial %d parameter %d", trial, i).isCloseTo(ref[i], within(1e-6));
            }
            assertThat(IntMatrix.det(r.transformation())).isEqualTo(1);
            // the transformation really produces the reduced lattice from the input
            Lattice again = DelaunayReduction.transform(skewed, r.transformation());
            for (int j = 0; j < 3; j++) {
                assertThat(again.vector(j).minus(r.lattice().vector(j)).norm()).isLessThan(1e-9);
            }
        }
    }

    /** Křivý & Gruber's worked example: (A, B, C, ξ, η, ζ) = (9, 27, 4, −5, −4, −22) reduces to (4, 9, 9, 9, 3, 4). */
    @Test
    void krivyGruberExample() {
        double by = Math.sqrt(27 - 121.0 / 9);
        double cx = -2.0 / 3, cy = (-2.5 - (-11.0 / 3) * cx) / by;
        Lattice l = new Lattice(new Vec3(3, 0, 0), new Vec3(-11.0 / 3, by, 0), new Vec3(cx, cy, Math.sqrt(4 - cx * cx - cy * cy)));
        double[] in = NiggliReduction.metric(l);
        assertThat(in).containsExactly(new double[]{9, 27, 4, -5, -4, -22}, within(1e-9));
        NiggliReduction.Result r = NiggliReduction.reduce(l);
        assertThat(NiggliReduction.metric(r.lattice())).containsExactly(new double[]{4, 9, 9, 9, 3, 4}, within(1e-9));
        assertThat(r.lattice().volumeAngstrom3()).isCloseTo(l.volumeAngstrom3(), within(1e-9));
    }

    private static void assertNiggliConditions(double[] g) {
        double a = g[0], b = g[1], c = g[2], xi = g[3], eta = g[4], zeta = g[5], e = 1e-6;
        assertThat(a).isLessThanOrEqualTo(b + e);
        assertThat(b).isLessThanOrEqualTo(c + e);
        assertThat(Math.abs(xi)).isLessThanOrEqualTo(b + e);
        assertThat(Math.abs(eta)).isLessThanOrEqualTo(a + e);
        assertThat(Math.abs(zeta)).isLessThanOrEqualTo(a + e);
        boolean allPositive = xi > e && eta > e && zeta > e;
        boolean allNonPositive = xi <= e && eta <= e && zeta <= e;
        assertThat(allPositive || allNonPositive).isTrue();
        if (allNonPositive) {
            assertThat(xi + eta + zeta + a + b).isGreaterThanOrEqualTo(-e);
        }
    }

    private static int[] randomUnimodular(Random rnd) {
        int[] m = IntMatrix.IDENTITY.clone();
        for (int k = 0; k < 6; k++) {
            int i = rnd.nextInt(3), j = rnd.nextInt(3);
            if (i == j) {
                continue;
            }
            int f = rnd.nextBoolean() ? 1 : -1;
            // column operation: column j += f · column i (det unchanged)
            for (int r = 0; r < 3; r++) {
                m[3 * r + j] += f * m[3 * r + i];
            }
        }
        return m;
    }
}
