package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * The line range of one deck being read, with the issues collected so far. Every number leaves
 * through {@link #real} or {@link #scalar}, so that an overflowed field can never become a value.
 */
final class RangeContext {

    final SourceText src;
    final int from;
    final int to;
    private final List<ParseIssue> issues = new ArrayList<>();

    RangeContext(SourceText src, int from, int to) {
        this.src = src;
        this.from = from;
        this.to = to;
    }

    String line(int n) {
        return src.line(n);
    }

    boolean isBlank(int n) {
        return src.line(n).isBlank();
    }

    String name() {
        return src.name();
    }

    List<ParseIssue> issues() {
        return List.copyOf(issues);
    }

    void issue(int line, String field, ParseIssue.Kind kind, String detail) {
        issues.add(new ParseIssue(src.name(), line, field, kind, detail));
    }

    KkrFormatException error(int line, String field, String problem) {
        return new KkrFormatException(src.name(), line, field, problem);
    }

    /**
     * A real number from one field: NaN plus an OVERFLOW issue for {@code ****}; anything else that
     * is not a number is a format error.
     */
    double real(String raw, int line, String field) {
        // a plain decimal has no asterisk and reads the same here: skip the trim and the substring
        double plain = FortranNumbers.plainDecimalOrNaN(raw, 0, raw.length());
        if (!Double.isNaN(plain)) {
            return plain;
        }
        return realOf(raw.trim(), line, field);
    }

    /** {@link #real(String, int, String)} of a field without its blanks. */
    private double realOf(String t, int line, String field) {
        if (FortranNumbers.isOverflow(t)) {
            issue(line, field, ParseIssue.Kind.OVERFLOW, "field printed as '" + t + "'");
            return Double.NaN;
        }
        Double v = FortranNumbers.parseReal(t);
        if (v == null) {
            throw error(line, field, "not a number: '" + t + "'");
        }
        return v;
    }

    /**
     * {@link #real(String, int, String)} of {@code s.substring(from, to)}: a plain decimal is read in
     * place (the usual case in tables), anything else through the substring.
     */
    double real(String s, int from, int to, int line, String field) {
        return plainOrReal(FortranNumbers.plainDecimalOrNaN(s, from, to), s, from, to, line, field);
    }

    /**
     * {@link #real(String, int, int, int, String)} of the text {@code s} whose characters are also
     * given one byte each in {@code bytes} (SourceText.bytes()): the plain decimal is read from the bytes.
     */
    double real(String s, byte[] bytes, int from, int to, int line, String field) {
        return plainOrReal(FortranNumbers.plainDecimalOrNaN(bytes, from, to), s, from, to, line, field);
    }

    /** The plain decimal already read, or, when there was none (NaN), the field read the full way. */
    private double plainOrReal(double plain, String s, int from, int to, int line, String field) {
        return Double.isNaN(plain) ? realOf(s.substring(from, to).trim(), line, field) : plain;
    }

    /** {@link #parseRealOrNaN(String, int, int)} reading the plain decimal from {@code bytes}, the characters of {@code s}. */
    static double parseRealOrNaN(String s, byte[] bytes, int from, int to) {
        return plainOrParsed(FortranNumbers.plainDecimalOrNaN(bytes, from, to), s, from, to);
    }

    /**
     * {@code FortranNumbers.parseReal} of {@code s.substring(from, to)}, with NaN where that returns
     * null (it never returns NaN itself: a Fortran real has digits).
     */
    static double parseRealOrNaN(String s, int from, int to) {
        return plainOrParsed(FortranNumbers.plainDecimalOrNaN(s, from, to), s, from, to);
    }

    /** The plain decimal already read, or, when there was none (NaN), {@code parseReal} of the text (NaN for null). */
    private static double plainOrParsed(double plain, String s, int from, int to) {
        if (!Double.isNaN(plain)) {
            return plain;
        }
        Double slow = FortranNumbers.parseReal(s.substring(from, to));
        return slow == null ? Double.NaN : slow;
    }

    /** A single quantity: empty plus an OVERFLOW issue for {@code ****}. */
    Optional<Double> scalar(String raw, int line, String field) {
        double v = real(raw, line, field);
        return Double.isNaN(v) ? Optional.empty() : Optional.of(v);
    }

    /** An integer field; null (with an OVERFLOW issue) when it overflowed. */
    Integer integerOrNull(String raw, int line, String field) {
        String t = raw.trim();
        if (FortranNumbers.isOverflow(t)) {
            issue(line, field, ParseIssue.Kind.OVERFLOW, "integer field printed as '" + t + "'");
            return null;
        }
        Integer v = FortranNumbers.parseInteger(t);
        if (v == null) {
            throw error(line, field, "not an integer: '" + t + "'");
        }
        return v;
    }

    /**
     * Splits a line into blank-separated tokens, and also between a run of asterisks and a number
     * written against it: an overflowed fixed-width field fills its whole width, so nothing
     * separates it from its neighbour.
     */
    static List<String> tokens(String line) {
        // the tokens of line.trim().split("\\s+"), found without a regex
        List<String> out = new ArrayList<>();
        int from = 0;
        int to = line.length();
        while (from < to && line.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) <= ' ') {
            to--;
        }
        int i = from;
        while (i < to) {
            while (i < to && isRegexSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < to && !isRegexSpace(line.charAt(i))) {
                i++;
            }
            for (int k = start + 1; k < i; k++) {
                if ((line.charAt(k) == '*') != (line.charAt(k - 1) == '*')) {
                    out.add(line.substring(start, k));
                    start = k;
                }
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** A character of the regex class {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
