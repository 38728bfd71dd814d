package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Vec3;

/** Small helpers for 3×3 integer matrices (row-major int[9]) and their rational inverses. */
final class IntMatrix {

    static final int[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private IntMatrix() {
    }

    static int det(int[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static int trace(int[] m) {
        return m[0] + m[4] + m[8];
    }

    static int[] mul(int[] a, int[] b) {
        int[] c = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[3 * i + k] * b[3 * k + j];
                }
                c[3 * i + j] = s;
            }
        }
        return c;
    }

    static int[] apply(int[] m, int[] v) {
        return new int[]{m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
                m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static int[] negate(int[] m) {
        int[] c = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = -m[i];
        }
        return c;
    }

    /** The matrix whose columns are the three vectors. */
    static int[] fromColumns(int[] a, int[] b, int[] c) {
        return new int[]{a[0], b[0], c[0], a[1], b[1], c[1], a[2], b[2], c[2]};
    }

    /** det(m)·m⁻¹ (the adjugate), exact in integers. */
    static int[] adjugate(int[] m) {
        return new int[]{
                m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
                m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
                m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
    }

    /** P⁻¹·W·P when it is an integer matrix, else null. */
    static int[] conjugate(int[] w, int[] p) {
        int d = det(p);
        int[] x = mul(adjugate(p), mul(w, p));
        int[] out = new int[9];
        for (int i = 0; i < 9; i++) {
            if (x[i] % d != 0) {
                return null;
            }
            out[i] = x[i] / d;
        }
        return out;
    }

    static double[] inverse(int[] m) {
        int d = det(m);
        int[] a = adjugate(m);
        double[] out = new double[9];
        for (int i = 0; i < 9; i++) {
            out[i] = a[i] / (double) d;
        }
        return out;
    }

    static Vec3 apply(double[] m, Vec3 v) {
        return new Vec3(m[0] * v.x() + m[1] * v.y() + m[2] * v.z(), m[3] * v.x() + m[4] * v.y() + m[5] * v.z(),
                m[6] * v.x() + m[7] * v.y() + m[8] * v.z());
    }

    static Vec3 apply(int[] m, Vec3 v) {
        return new Vec3(m[0] * v.x() + m[1] * v.y() + m[2] * v.z(), m[3] * v.x() + m[4] * v.y() + m[5] * v.z(),
                m[6] * v.x() + m[7] * v.y() + m[8] * v.z());
    }

    static int[] rotation(SymOp op) {
        int[] r = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = op.rotation(i, j);
            }
        }
        return r;
    }

    static Vec3 translation(SymOp op) {
        return new Vec3(op.translation(0), op.translation(1), op.translation(2));
    }
}
