package org.kkr4j.io.akaikkr.side;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * One row of reals written with {@code (1x, n f<width>.d)}. Blank-separated tokens are read first;
 * when they do not fit (two fields run together because a value filled its whole width), the row
 * is split by the Fortran widths and a {@link ParseIssue.Kind#RUN_TOGETHER} issue is reported.
 * An overflowed field ({@code ****}) and a printed {@code NaN} become NaN, flagged in the bit sets,
 * never a number.
 *
 * @param values      the values, NaN where overflowed or NaN
 * @param overflowed  indices of overflowed fields
 * @param notANumber  indices of fields printed as {@code NaN}
 */
record FortranRow(double[] values, BitSet overflowed, BitSet notANumber) {

    int size() {
        return values.length;
    }

    /**
     * Reads a row.
     *
     * @param expected number of values, or -1 for any number (at least one)
     * @param columns  names of the columns for messages; the last one is reused for further columns
     */
    static FortranRow read(SourceText src, int lineNo, int width, int expected, List<String> columns,
            List<ParseIssue> issues) {
        String line = src.line(lineNo);
        FortranRow plain = plainDecimals(line, expected);
        if (plain != null) {
            return plain;
        }
        String trimmed = line.strip();
        String[] tokens = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        FortranRow byTokens = parse(tokens);
        if (byTokens != null && tokens.length > 0 && (expected < 0 || tokens.length == expected)) {
            return byTokens;
        }
        FortranRow byWidths = byWidths(line, width, expected);
        if (byWidths != null) {
            for (int i = 0; i < byWidths.size(); i++) {
                int start = 1 + i * width;
                if (line.charAt(start) != ' ' && !byWidths.overflowed().get(i)) {
                    issues.add(new ParseIssue(src.name(), lineNo, column(columns, i), ParseIssue.Kind.RUN_TOGETHER,
                            "field " + (i + 1) + " '" + line.substring(start, start + width)
                                    + "' touches the previous one; split by the Fortran width " + width));
                }
            }
            return byWidths;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (cell(tokens[i]) == null) {
                throw new KkrFormatException(src.name(), lineNo, column(columns, i),
                        "'" + tokens[i] + "' is not a number");
            }
        }
        throw new KkrFormatException(src.name(), lineNo, column(columns, Math.max(0, tokens.length - 1)),
                "expected " + (expected < 0 ? "numbers" : expected + " numbers") + ", found " + tokens.length);
    }

    /**
     * The usual row, read without substrings: blank-separated plain decimals ({@code -0.7475000}),
     * as many as expected. Null for anything else (an exponent, an overflow, {@code NaN}, a wrong
     * count, other characters), which {@link #read} then handles the general way; for a row it
     * accepts, the general way gives the same values and no flags.
     */
    private static FortranRow plainDecimals(String line, int expected) {
        int n = line.length();
        double[] values = new double[expected > 0 ? expected : 8];
        int count = 0;
        int i = 0;
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            double v = FortranNumbers.plainDecimalOrNaN(line, start, i);
            if (Double.isNaN(v) || (expected >= 0 && count == expected)) {
                return null;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = v;
        }
        if (count == 0 || (expected >= 0 && count != expected)) {
            return null;
        }
        return new FortranRow(count == values.length ? values : Arrays.copyOf(values, count), new BitSet(),
                new BitSet());
    }

    private static String column(List<String> columns, int i) {
        return columns.get(Math.min(i, columns.size() - 1));
    }

    private static FortranRow byWidths(String line, int width, int expected) {
        int n = line.length() - 1;
        if (n <= 0 || n % width != 0 || line.charAt(0) != ' ') {
            return null;
        }
        int count = n / width;
        if (expected >= 0 && count != expected) {
            return null;
        }
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = line.substring(1 + i * width, 1 + (i + 1) * width).strip();
            if (fields[i].isEmpty()) {
                return null;
            }
        }
        return parse(fields);
    }

    private static FortranRow parse(String[] tokens) {
        double[] v = new double[tokens.length];
        BitSet over = new BitSet();
        BitSet nan = new BitSet();
        for (int i = 0; i < tokens.length; i++) {
            Double d = cell(tokens[i]);
            if (d == null) {
                return null;
            }
            v[i] = d;
            if (FortranNumbers.isOverflow(tokens[i])) {
                over.set(i);
            } else if (Double.isNaN(d)) {
                nan.set(i);
            }
        }
        return new FortranRow(v, over, nan);
    }

    /** A number, NaN for {@code NaN} or an overflow, null for anything else. */
    private static Double cell(String token) {
        if (FortranNumbers.isOverflow(token) || token.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return FortranNumbers.parseReal(token);
    }
}
