package org.kkr4j.io.akaikkr.card;

/** Three numbers of a card: a primitive vector, a displacement or a k-point (units given by the user). */
public record Vector3(double x, double y, double z) {

    public static final Vector3 ZERO = new Vector3(0, 0, 0);

    public boolean isZero() {
        return x == 0 && y == 0 && z == 0;
    }

    boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }
}
