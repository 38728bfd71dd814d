package org.kkr4j.io.fortran;

/**
 * Reading numbers the way Fortran writes and reads them.
 *
 * <p>Two situations differ: an input card is read with list-directed {@code read(token,*)}, which
 * accepts {@code 1d-3}, {@code 1.0E-3}, {@code .5}, {@code 5.}, {@code +3}; an output field was
 * written with a fixed width and is "overflowed" when Fortran filled it with {@code *}.
 * A parser never turns an overflowed field into a number.
 */
public final class FortranNumbers {

    private FortranNumbers() {
    }

    /**
     * Parses a real the way list-directed input does, or returns {@code null} when the token is not a
     * Fortran real. A {@code d}/{@code D}/{@code q}/{@code Q} exponent letter is accepted, as is an
     * exponent without a letter ({@code 1.0-100}, which Fortran E editing writes for 3-digit exponents).
     */
    public static Double parseReal(String token) {
        String t = token.trim();
        if (t.isEmpty()) {
            return null;
        }
        int n = t.length();
        int i = 0;
        char c = t.charAt(0);
        if (c == '+' || c == '-') {
            i++;
        }
        int mantStart = i;
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        String mantissa = t.substring(0, i);
        if (i == n) {
            return Double.parseDouble(mantissa);
        }
        char e = t.charAt(i);
        int expStart;
        if (e == 'e' || e == 'E' || e == 'd' || e == 'D' || e == 'q' || e == 'Q') {
            expStart = i + 1;
        } else if ((e == '+' || e == '-') && i > mantStart) {
            expStart = i;
        } else {
            return null;
        }
        int j = expStart;
        if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) {
            j++;
        }
        int expDigits = 0;
        while (j < n && isDigit(t.charAt(j))) {
            j++;
            expDigits++;
        }
        if (expDigits == 0 || j != n) {
            return null;
        }
        return Double.parseDouble(mantissa + "E" + t.substring(expStart));
    }

    /** Parses an integer as list-directed input does ({@code +3}, {@code -12}); {@code null} otherwise. */
    public static Integer parseInteger(String token) {
        String t = token.trim();
        if (t.isEmpty()) {
            return null;
        }
        int i = (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        if (i == t.length()) {
            return null;
        }
        for (int k = i; k < t.length(); k++) {
            if (!isDigit(t.charAt(k))) {
                return null;
            }
        }
        try {
            return Integer.parseInt(t.charAt(0) == '+' ? t.substring(1) : t);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /** True when a fixed-width output field was filled with asterisks because the value did not fit. */
    public static boolean isOverflow(String field) {
        String t = field.trim();
        if (t.isEmpty()) {
            return false;
        }
        return t.indexOf('*') >= 0 && t.chars().allMatch(ch -> ch == '*');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
