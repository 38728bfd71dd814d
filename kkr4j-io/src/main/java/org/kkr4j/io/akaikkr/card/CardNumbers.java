package org.kkr4j.io.akaikkr.card;

/**
 * Numbers as the card writer prints them: the shortest decimal that reads back (Fortran list-directed,
 * correctly rounded) as exactly the same double. Integral values print without a decimal point.
 */
final class CardNumbers {

    private CardNumbers() {
    }

    static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        // Since JDK 19 Double.toString is the shortest decimal that rounds to v.
        return Double.toString(v);
    }
}
