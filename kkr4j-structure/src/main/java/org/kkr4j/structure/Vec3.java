package org.kkr4j.structure;

/** A 3-vector of doubles; the unit depends on the use (Å for lattice vectors, fractions for positions). */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("vector component is not finite: " + x + ", " + y + ", " + z);
        }
    }

    public double get(int i) {
        return switch (i) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** Each component brought into [0, 1); values within 1e-12 below 1 become 0 so that 0.9999999999999 and 0 agree. */
    public Vec3 wrapped() {
        return new Vec3(wrap(x), wrap(y), wrap(z));
    }

    /** Each component brought into [-0.5, 0.5): the nearest periodic image of a fractional difference. */
    public Vec3 nearestImage() {
        return new Vec3(x - Math.rint(x), y - Math.rint(y), z - Math.rint(z));
    }

    static double wrap(double v) {
        double w = v - Math.floor(v);
        if (w >= 1.0 - 1e-12) {
            w = 0.0;
        }
        return w == -0.0 ? 0.0 : w;
    }
}
