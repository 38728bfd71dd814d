package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Vec3;

import java.util.Arrays;

/**
 * A space-group operation on fractional coordinates: x' = R·x + t, with R an integer matrix (row-major)
 * and t a translation. Parsed from and written as the CIF "x, y, z" notation.
 */
public final class SymOp {

    private final int[] r;
    private final double[] t;

    public SymOp(int[] rotationRowMajor, double[] translation) {
        if (rotationRowMajor.length != 9 || translation.length != 3) {
            throw new IllegalArgumentException("rotation needs 9 entries and translation 3");
        }
        this.r = rotationRowMajor.clone();
        this.t = translation.clone();
    }

    public static final SymOp IDENTITY = new SymOp(new int[]{1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);

    public int rotation(int row, int col) {
        return r[3 * row + col];
    }

    public double translation(int i) {
        return t[i];
    }

    public int determinant() {
        return r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
    }

    public Vec3 apply(Vec3 p) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = r[3 * i] * p.x() + r[3 * i + 1] * p.y() + r[3 * i + 2] * p.z() + t[i];
        }
        return new Vec3(out[0], out[1], out[2]);
    }

    /** this ∘ other: first {@code other}, then this. */
    public SymOp compose(SymOp other) {
        int[] rr = new int[9];
        double[] tt = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int s = 0;
                for (int k = 0; k < 3; k++) {
                    s += r[3 * i + k] * other.r[3 * k + j];
                }
                rr[3 * i + j] = s;
            }
            tt[i] = r[3 * i] * other.t[0] + r[3 * i + 1] * other.t[1] + r[3 * i + 2] * other.t[2] + t[i];
        }
        return new SymOp(rr, tt);
    }

    /** Same rotation and translations equal modulo lattice translations within {@code tol}. */
    public boolean sameModuloLattice(SymOp o, double tol) {
        if (!Arrays.equals(r, o.r)) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            double d = t[i] - o.t[i];
            if (Math.abs(d - Math.rint(d)) > tol) {
                return false;
            }
        }
        return true;
    }

    /** The rotation as a hashable key. */
    public String rotationKey() {
        return Arrays.toString(r);
    }

    /**
     * Parses the CIF notation, e.g. {@code -x+1/2, y, z}, {@code x-y,x,z+1/6}, {@code 1/2+X, 0.25-y, z}.
     *
     * @throws IllegalArgumentException with the reason when it is not an operation
     */
    public static SymOp parse(String xyz) {
        String[] parts = xyz.replace(" ", "").toLowerCase().split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + xyz + "' does not have three comma-separated components");
        }
        int[] rr = new int[9];
        double[] tt = new double[3];
        for (int i = 0; i < 3; i++) {
            String s = parts[i];
            if (s.isEmpty()) {
                throw new IllegalArgumentException("'" + xyz + "' has an empty component");
            }
            int k = 0;
            while (k < s.length()) {
                int sign = 1;
                char c = s.charAt(k);
                if (c == '+' || c == '-') {
                    sign = c == '-' ? -1 : 1;
                    k++;
                }
                int start = k;
                while (k < s.length() && s.charAt(k) != '+' && s.charAt(k) != '-') {
                    k++;
                }
                String term = s.substring(start, k);
                if (term.isEmpty()) {
                    throw new IllegalArgumentException("'" + xyz + "' has a dangling sign");
                }
                char last = term.charAt(term.length() - 1);
                if (last == 'x' || last == 'y' || last == 'z') {
                    String coef = term.substring(0, term.length() - 1).replace("*", "");
                    double cf = coef.isEmpty() ? 1.0 : number(coef, xyz);
                    if (cf != Math.rint(cf)) {
                        throw new IllegalArgumentException("'" + xyz + "' has a non-integer rotation coefficient " + coef);
                    }
                    rr[3 * i + (last - 'x')] += sign * (int) cf;
                } else {
                    tt[i] += sign * number(term, xyz);
                }
            }
        }
        return new SymOp(rr, tt);
    }

    private static double number(String s, String whole) {
        try {
            int slash = s.indexOf('/');
            if (slash > 0) {
                return Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + whole + "' has an unreadable term '" + s + "'");
        }
    }

    /** The CIF notation with translations as fractions of 12 (exact for all crystallographic ones), e.g. {@code -x+y,z,x+1/2}. */
    public String toXyz() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                b.append(',');
            }
            StringBuilder c = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                int v = r[3 * i + j];
                if (v == 0) {
                    continue;
                }
                c.append(v < 0 ? "-" : (c.length() > 0 ? "+" : ""));
                if (Math.abs(v) != 1) {
                    c.append(Math.abs(v));
                }
                c.append((char) ('x' + j));
            }
            double tr = t[i];
            if (Math.abs(tr) > 1e-12) {
                c.append(tr < 0 ? "-" : (c.length() > 0 ? "+" : "")).append(fraction(Math.abs(tr)));
            }
            if (c.length() == 0) {
                c.append('0');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String fraction(double v) {
        long twelfths = Math.round(v * 12);
        if (Math.abs(twelfths / 12.0 - v) < 1e-9) {
            long g = gcd(twelfths, 12);
            return (twelfths / g) + "/" + (12 / g);
        }
        return Double.toString(v);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymOp s && Arrays.equals(r, s.r) && Arrays.equals(t, s.t);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(r) + Arrays.hashCode(t);
    }

    @Override
    public String toString() {
        return toXyz();
    }
}
