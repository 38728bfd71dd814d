package org.kkr4j.ml.data;

import java.util.regex.Pattern;

/** Number cells: plain decimal notation only (Java would also take {@code 1d}, {@code 0x1p3} or {@code Infinity}). */
final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAN = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private Numbers() {
    }

    static boolean isDecimal(String cell) {
        return DECIMAL.matcher(cell.strip()).matches();
    }

    /** NaN and infinities as spreadsheets and numpy write them. */
    static boolean isNotFinite(String cell) {
        return NAN.matcher(cell.strip()).matches();
    }
}
