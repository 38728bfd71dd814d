package org.kkr4j.io.akaikkr.output;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.fortran.FixedField;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Turns the text of output fields into {@link FixedField}s and reports every field it cannot read.
 *
 * <p>Output numbers are read strictly: an optional sign, digits with an optional point, and an
 * exponent only when it has its letter. {@code FortranNumbers.parseReal} also accepts an exponent
 * without a letter (legal in input cards), which would read two fields printed without a blank, such
 * as {@code -6.341-10.123}, as one number {@code -6.341E-10}; here that is a run-together issue.
 */
final class FieldReader {

    private final String source;
    private final List<ParseIssue> issues;

    FieldReader(String source, List<ParseIssue> issues) {
        this.source = source;
        this.issues = issues;
    }

    void issue(int line, String field, ParseIssue.Kind kind, String detail) {
        issues.add(new ParseIssue(source, line, field, kind, detail));
    }

    /**
     * Reads one field. Returns an overflowed FixedField for asterisks (and reports it), null for an
     * absent or unreadable field (reported).
     */
    FixedField field(String raw, int line, String name) {
        if (raw == null) {
            issue(line, name, ParseIssue.Kind.MISSING, "label not found on the line");
            return null;
        }
        String t = raw.trim();
        if (t.isEmpty()) {
            issue(line, name, ParseIssue.Kind.MISSING, "empty field");
            return null;
        }
        return trimmedField(t, line, name);
    }

    /**
     * {@link #field(String, int, String)} of {@code s.substring(from, to)}, making only the one
     * substring the FixedField keeps (the field without its blanks).
     */
    FixedField field(String s, int from, int to, int line, String name) {
        return field(s, from, to, line, name, null);
    }

    /**
     * {@link #field(String, int, int, int, String)} named {@code name + "." + nameSuffix}: for lines
     * of many values (core levels, shell values), whose names are then built only for an issue.
     */
    FixedField field(String s, int from, int to, int line, String name, String nameSuffix) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            issue(line, fullName(name, nameSuffix), ParseIssue.Kind.MISSING, "empty field");
            return null;
        }
        return trimmedField(s.substring(from, to), line, name, nameSuffix);
    }

    /**
     * {@link #field(String, int, int, int, String)} of the source text {@code s} whose characters
     * are also {@code b} (SourceText.bytes()): blanks and the number are read from the bytes, and
     * the only String made is the field's text that the FixedField keeps.
     */
    FixedField field(String s, byte[] b, int from, int to, int line, String name) {
        return field(s, b, from, to, line, name, null);
    }

    /** {@link #field(String, byte[], int, int, int, String)} named {@code name + "." + nameSuffix} (see the String form). */
    FixedField field(String s, byte[] b, int from, int to, int line, String name, String nameSuffix) {
        while (from < to && (b[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        if (from == to) {
            issue(line, fullName(name, nameSuffix), ParseIssue.Kind.MISSING, "empty field");
            return null;
        }
        if (b[from] != '*') {
            FixedField small = smallInteger(b, from, to);
            if (small != null) {
                return small;
            }
            double v = plainReal(b, from, to);
            if (!Double.isNaN(v)) {
                return new FixedField(s.substring(from, to), v);
            }
        }
        return trimmedField(s.substring(from, to), line, name, nameSuffix);
    }

    /** FixedFields of the integers 0..999 as printed ({@code 17}), shared: iteration numbers and counts. */
    private static final FixedField[] SMALL_INTEGERS = new FixedField[1000];

    /**
     * The shared FixedField of the integer text {@code b[from, to)} (no blanks around it) when it is
     * 0..999 written without sign and leading zero, exactly as {@code Integer.toString} writes it
     * (so the kept text is the same); null for any other text.
     */
    private static FixedField smallInteger(byte[] b, int from, int to) {
        int len = to - from;
        if (len > 3 || (b[from] == '0' && len > 1)) {
            return null;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        FixedField f = SMALL_INTEGERS[v];
        if (f == null) {
            // a racing thread may make an equal one: FixedField is an immutable value, either is fine
            f = new FixedField(Integer.toString(v), (double) v);
            SMALL_INTEGERS[v] = f;
        }
        return f;
    }

    /**
     * The fast path of {@link #strictReal}: {@code [sign] digits [. digits]} with at most 15 digits
     * and nothing else, read from the bytes {@code b[from, to)} (no blanks around it); NaN for any
     * other text, which the caller then reads through strictReal. Same value as strictReal.
     */
    private static double plainReal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        int digits = 0;
        int fraction = 0;
        long mantissa = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            mantissa = mantissa * 10 + (b[i] - '0');
            i++;
            digits++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                mantissa = mantissa * 10 + (b[i] - '0');
                i++;
                digits++;
                fraction++;
            }
        }
        if (i != to || digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double v = mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    private static String fullName(String name, String suffix) {
        return suffix == null ? name : name + "." + suffix;
    }

    private FixedField trimmedField(String t, int line, String name) {
        return trimmedField(t, line, name, null);
    }

    private FixedField trimmedField(String t, int line, String name, String nameSuffix) {
        if (t.charAt(0) == '*' && allStars(t)) {
            issue(line, fullName(name, nameSuffix), ParseIssue.Kind.OVERFLOW,
                    "'" + t + "': the value did not fit its Fortran field");
            return new FixedField(t, null);
        }
        Double v = strictReal(t);
        if (v == null) {
            boolean merged = looksRunTogether(t);
            issue(line, fullName(name, nameSuffix), merged ? ParseIssue.Kind.RUN_TOGETHER : ParseIssue.Kind.UNEXPECTED,
                    "'" + t + "'" + (merged ? ": two numbers printed without a blank" : ": not a number"));
            return null;
        }
        return new FixedField(t, v);
    }

    /** Reads an integer field (i-format); null when absent, overflowed or unreadable (reported). */
    Integer integer(String raw, int line, String name) {
        return integerOf(field(raw, line, name), line, name);
    }

    /** {@link #integer(String, int, String)} of {@code s.substring(from, to)}. */
    Integer integer(String s, int from, int to, int line, String name) {
        // fast path, no FixedField: [sign] 1..9 digits is an integer that field + integerOf would
        // accept with the same value and without an issue; anything else goes the general way
        int a = from;
        int b = to;
        while (a < b && s.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) <= ' ') {
            b--;
        }
        int i = a;
        boolean negative = false;
        if (i < b && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (b > i && b - i <= 9) {
            int v = 0;
            for (; i < b; i++) {
                char c = s.charAt(i);
                if (!isDigit(c)) {
                    break;
                }
                v = v * 10 + (c - '0');
            }
            if (i == b) {
                return negative ? -v : v;
            }
        }
        return integerOf(field(s, from, to, line, name), line, name);
    }

    /** {@link #integer(String, int, int, int, String)} reading the digits from {@code b}, the characters of {@code s}. */
    Integer integer(String s, byte[] b, int from, int to, int line, String name) {
        int a = from;
        int e = to;
        while (a < e && (b[a] & 0xFF) <= ' ') {
            a++;
        }
        while (e > a && (b[e - 1] & 0xFF) <= ' ') {
            e--;
        }
        int i = a;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (e > i && e - i <= 9) {
            int v = 0;
            for (; i < e; i++) {
                int c = b[i];
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
            }
            if (i == e) {
                return negative ? -v : v;
            }
        }
        return integerOf(field(s, from, to, line, name), line, name);
    }

    /** {@link #realOrNaN(String, int, int, int, String)} reading a plain decimal from {@code b}, the characters of {@code s}. */
    double realOrNaN(String s, byte[] b, int from, int to, int line, String name) {
        return plainOrField(FortranNumbers.plainDecimalOrNaN(b, from, to), s, from, to, line, name);
    }

    /**
     * The value of {@link #field(String, int, int, int, String)}, or NaN when that would be null or
     * overflowed (reported the same way), for callers that keep only the number: a plain decimal is
     * read in place without creating the field's text.
     */
    double realOrNaN(String s, int from, int to, int line, String name) {
        // plainDecimalOrNaN accepts exactly the plain form of strictReal's fast path, with the same value
        return plainOrField(FortranNumbers.plainDecimalOrNaN(s, from, to), s, from, to, line, name);
    }

    /** The plain decimal already read, or, when there was none (NaN), the field's value the full way (NaN for absent or overflowed). */
    private double plainOrField(double plain, String s, int from, int to, int line, String name) {
        if (!Double.isNaN(plain)) {
            return plain;
        }
        FixedField f = field(s, from, to, line, name);
        return f == null ? Double.NaN : f.valueOrNaN();
    }

    private Integer integerOf(FixedField f, int line, String name) {
        if (f == null || f.value() == null) {
            return null;
        }
        double d = f.value();
        if (d != Math.rint(d) || f.raw().indexOf('.') >= 0) {
            issue(line, name, ParseIssue.Kind.UNEXPECTED, "'" + f.raw() + "': not an integer");
            return null;
        }
        return (int) d;
    }

    /**
     * Reads {@code count} whitespace-separated fields of one label (e.g. the two values after
     * {@code ef=}). When the number of tokens is wrong the fields ran together or are missing; all are
     * then reported and returned as null.
     */
    List<FixedField> fields(String raw, int count, int line, String name) {
        List<FixedField> out = new ArrayList<>(count);
        List<String> tokens = raw == null ? List.of() : tokens(raw);
        if (tokens.size() != count) {
            boolean merged = tokens.size() < count && tokens.stream().anyMatch(FieldReader::looksRunTogether);
            issue(line, name, merged ? ParseIssue.Kind.RUN_TOGETHER : ParseIssue.Kind.UNEXPECTED,
                    "expected " + count + " values, found '" + (raw == null ? "" : raw.trim()) + "'");
            for (int i = 0; i < count; i++) {
                out.add(null);
            }
            return out;
        }
        for (int i = 0; i < count; i++) {
            out.add(field(tokens.get(i), line, count == 1 ? name : name + "[" + i + "]"));
        }
        return out;
    }

    /**
     * Reads {@code count} reals of width {@code width} when the text has exactly that length (the
     * Fortran layout), else by whitespace with a count check. Unreadable entries become NaN (reported).
     */
    double[] vector(String raw, int count, int width, int line, String name) {
        double[] out = new double[count];
        List<String> parts = new ArrayList<>(count);
        if (raw != null && raw.length() == count * width) {
            for (int i = 0; i < count; i++) {
                parts.add(raw.substring(i * width, (i + 1) * width));
            }
        } else if (raw != null) {
            parts.addAll(tokens(raw));
        }
        if (parts.size() != count) {
            issue(line, name, ParseIssue.Kind.RUN_TOGETHER,
                    "expected " + count + " values, found '" + (raw == null ? "" : raw.trim()) + "'");
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int i = 0; i < count; i++) {
            FixedField f = field(parts.get(i), line, name + "[" + i + "]");
            out[i] = f == null ? Double.NaN : f.valueOrNaN();
        }
        return out;
    }

    /** Text between the end of {@code label} and the start of {@code next} (or the end of the line); null when a label is missing. */
    static String between(String line, String label, String next, int from) {
        int i = line.indexOf(label, from);
        if (i < 0) {
            return null;
        }
        int start = i + label.length();
        if (next == null) {
            return line.substring(start);
        }
        int j = line.indexOf(next, start);
        return j < 0 ? null : line.substring(start, j);
    }

    /** The first whitespace-delimited word after {@code label}; null when the label is missing. */
    static String wordAfter(String line, String label) {
        int i = line.indexOf(label);
        if (i < 0) {
            return null;
        }
        int s = i + label.length();
        int n = line.length();
        while (s < n && line.charAt(s) == ' ') {
            s++;
        }
        int e = s;
        while (e < n && line.charAt(e) != ' ') {
            e++;
        }
        return line.substring(s, e);
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>(4);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            int st = i;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                i++;
            }
            if (i > st) {
                out.add(s.substring(st, i));
            }
        }
        return out;
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** A plain output number: [sign] digits [. digits] [letter exponent]. Null for anything else. */
    static Double strictReal(String t) {
        int n = t.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        int digits = 0;
        int fraction = 0;
        long mantissa = 0;
        while (i < n && isDigit(t.charAt(i))) {
            mantissa = mantissa * 10 + (t.charAt(i) - '0');
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                mantissa = mantissa * 10 + (t.charAt(i) - '0');
                i++;
                digits++;
                fraction++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i == n && digits <= 15) {
            // exact fast path: an integer below 2^53 divided by an exact power of ten is correctly
            // rounded, so this equals Double.parseDouble of the same text
            double v = mantissa / POW10[fraction];
            return negative ? -v : v;
        }
        if (i < n) {
            char e = t.charAt(i);
            if (e != 'e' && e != 'E' && e != 'd' && e != 'D') {
                return null;
            }
            int j = i + 1;
            if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) {
                j++;
            }
            int ed = 0;
            while (j < n && isDigit(t.charAt(j))) {
                j++;
                ed++;
            }
            if (ed == 0 || j != n) {
                return null;
            }
            // parseDecimal reads the d/D letter too and returns exactly what Double.parseDouble does,
            // without building a new string; it takes exponents of up to five digits
            return ed <= 5 ? FortranNumbers.parseDecimal(t, 0, n)
                    : Double.parseDouble(t.substring(0, i) + "E" + t.substring(i + 1));
        }
        return Double.parseDouble(t);
    }

    /** True when the text looks like two numbers without a blank: a sign after a digit, or two points. */
    static boolean looksRunTogether(String t) {
        int points = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                points++;
            } else if ((c == '-' || c == '+') && i > 0 && (isDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '.')
                    && !(t.charAt(i - 1) == 'E' || t.charAt(i - 1) == 'e')) {
                return true;
            }
        }
        return points > 1;
    }

    private static boolean allStars(String t) {
        for (int i = 0, n = t.length(); i < n; i++) {
            if (t.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
