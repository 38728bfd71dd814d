package org.kkr4j.io.fortran;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /**
     * Parses the plain decimal or E/D-exponent number in {@code s[from, to)} (blanks around it are
     * skipped) and returns exactly what {@link Double#parseDouble} would return, without creating a
     * substring. Most Fortran output fields ({@code f10.4}, {@code f16.8}) have at most 17 digits, so the
     * digits form an exact long and one correctly rounded division by an exact power of ten gives the
     * correctly rounded result; everything else goes through {@code Double.parseDouble}.
     *
     * @throws NumberFormatException when the field holds no number (blank, asterisks, text)
     */
    public static double parseDecimal(CharSequence s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from >= to) {
            throw new NumberFormatException("blank field");
        }
        int i = from;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits > 0 || c != '0') {
                    digits++;
                }
                if (digits > 17) {
                    return slow(s, from, to);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    fraction++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!any) {
            throw new NumberFormatException("not a number: '" + s.subSequence(from, to) + "'");
        }
        int exponent = 0;
        if (i < to) {
            c = s.charAt(i);
            if (c != 'e' && c != 'E' && c != 'd' && c != 'D') {
                throw new NumberFormatException("not a number: '" + s.subSequence(from, to) + "'");
            }
            i++;
            boolean negExp = false;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                negExp = s.charAt(i) == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < to; i++) {
                c = s.charAt(i);
                if (c < '0' || c > '9' || expDigits > 4) {
                    throw new NumberFormatException("not a number: '" + s.subSequence(from, to) + "'");
                }
                exponent = exponent * 10 + (c - '0');
                expDigits++;
            }
            if (expDigits == 0) {
                throw new NumberFormatException("not a number: '" + s.subSequence(from, to) + "'");
            }
            if (negExp) {
                exponent = -exponent;
            }
        }
        int scale = exponent - fraction;
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
            // both operands are exact doubles, so one IEEE operation rounds correctly (Clinger's fast path)
            value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
        } else {
            return slow(s, from, to);
        }
        return negative ? -value : value;
    }

    /**
     * Reads {@code [sign] digits [. digits]} with at most 15 digits between blanks, as
     * {@code trim()} would bound it; NaN for anything else (exponent, asterisks, more digits), which
     * callers then read the general way. The digits form an integer below 2^53 and the divisor is an
     * exact power of ten, so the one division is correctly rounded: exactly Double.parseDouble (and
     * {@link #parseReal}) of the same text. Table readers use it to read a field without a substring.
     */
    public static double plainDecimalOrNaN(String s, int from, int to) {
        // String rather than CharSequence: every caller reads a String, and the hot table loops then
        // need no interface dispatch per character
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    fraction++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double v = mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    /**
     * {@link #plainDecimalOrNaN(String, int, int)} of the characters {@code s[from, to)} given one
     * byte each (ISO-8859-1, as {@code SourceText.bytes()}): the same value or NaN for the same text.
     */
    public static double plainDecimalOrNaN(byte[] s, int from, int to) {
        while (from < to && (s[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (s[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        for (; i < to; i++) {
            int c = s[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    fraction++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double v = mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * {@link #plainDecimalOrNaN(byte[], int, int)} of a right-justified field with four decimals, as
     * Fortran prints {@code f10.4} and {@code f7.4} (the PDOS tables): {@code s[from, to)} is blanks,
     * an optional '-', one to eleven digits, the point at {@code to - 5} and four digits. The same
     * value (the same digits over the same power of ten); NaN for any other text, which the caller
     * then reads the general way. The four decimals are read as one int. (A version for any number
     * of decimals, on a long, was slower for these tables: the JIT did not inline it.)
     */
    public static double fourDecimalsOrNaN(byte[] s, int from, int to) {
        int point = to - 5;
        if (point <= from || s[point] != '.') {
            return Double.NaN;
        }
        int w = (int) INTS.get(s, point + 1);
        // the decimals, read little-endian (the first one in the lowest byte): a byte outside '0'..'9'
        // sets its top bit in one of the two terms (borrows and carries start only at such a byte)
        if ((((w - 0x30303030) | (w + 0x46464646)) & 0x80808080) != 0) {
            return Double.NaN;
        }
        int d = w - 0x30303030;
        d = (d * 10 + (d >>> 8)) & 0x00FF00FF; // first and second, third and fourth as two-digit numbers
        int decimals = (d & 0xFFFF) * 100 + (d >>> 16);
        long units = 0;
        long scale = 1;
        int i = point - 1;
        while (i >= from && s[i] >= '0' && s[i] <= '9') {
            units += (s[i] - '0') * scale;
            scale *= 10;
            i--;
        }
        if (scale == 1 || point - 1 - i > 11) {
            return Double.NaN; // no digit before the point, or more than 15 digits in all
        }
        boolean negative = i >= from && s[i] == '-';
        if (negative) {
            i--;
        }
        for (; i >= from; i--) {
            if (s[i] != ' ') {
                return Double.NaN;
            }
        }
        double v = (units * 10_000 + decimals) / POW10[4];
        return negative ? -v : v;
    }

    private static double slow(CharSequence s, int from, int to) {
        String t = s.subSequence(from, to).toString().replace('d', 'e').replace('D', 'e');
        return Double.parseDouble(t);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
