package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kkr4j.io.ParseIssue;

/**
 * Reads the J_ij table of {@code go=j...}: after the caption {@code J_ij}, one block per type pair
 * (label {@code T1-T2}, a header ending in {@code mult} or {@code dgn}, rows of twelve numbers),
 * blocks separated by blank lines; the table ends at the Tc line. The long pair list after Tc is read
 * separately ({@link #readPairList}).
 */
final class JijReader {

    private static final int ROW_FIELDS = 12;
    private static final int PAIR_FIELDS = 11;
    private static final int[] ROW_INT_POSITIONS = {0, 1, 2, 3, 4, 11};
    private static final String[] ROW_INT_NAMES = {"index", "site1", "site2", "comp1", "comp2"};
    private static final String[] ROW_REAL_NAMES = {"cell.a", "cell.b", "cell.c", "distance", "J_ij", "J_ij(meV)"};
    private static final String PAIR_LIST = "jij.pairList";
    private static final int[] PAIR_INT_POSITIONS = {0, 1, 2, 3, 4, 5, 6, 7, 10};
    private static final String[] PAIR_INT_FIELDS = fieldNames(PAIR_LIST,
            "pair", "atom1", "atom2", "comp1", "comp2", "cell1", "cell2", "cell3", "index");
    private static final String PAIR_DISTANCE = PAIR_LIST + ".distance";
    private static final String PAIR_J = PAIR_LIST + ".J(meV)";

    private static String[] fieldNames(String prefix, String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = prefix + "." + names[i];
        }
        return out;
    }

    private final RangeContext ctx;
    private final List<String> typeNames;

    JijReader(RangeContext ctx, List<String> typeNames) {
        this.ctx = ctx;
        this.typeNames = typeNames;
    }

    /** Reads from the {@code J_ij} caption; returns the blocks and the line after the table. */
    record Table(List<JijPairBlock> blocks, int next) {
    }

    Table readTable(int caption) {
        List<JijPairBlock> blocks = new ArrayList<>();
        int n = caption + 1;
        while (n <= ctx.to) {
            String t = ctx.line(n).trim();
            if (t.isEmpty()) {
                n++;
                continue;
            }
            if (n + 1 > ctx.to) {
                ctx.issue(n, "jij", ParseIssue.Kind.TRUNCATED, "the log ends after the pair label");
                return new Table(blocks, n + 1);
            }
            String header = ctx.line(n + 1).trim();
            if (t.contains(" ") || !header.startsWith("index")) {
                break;
            }
            Block b = readBlock(n, t, header);
            blocks.add(b.block());
            n = b.next();
        }
        if (n > ctx.to) {
            ctx.issue(ctx.to, "jij", ParseIssue.Kind.TRUNCATED, "the log ends inside the J_ij table"
                    + " (no Tc line after it)");
        }
        if (blocks.isEmpty()) {
            if (n <= ctx.to) {
                throw ctx.error(n, "jij", "J_ij caption not followed by a pair label and header: '"
                        + ctx.line(n).trim() + "'");
            }
        }
        return new Table(blocks, n);
    }

    private record Block(JijPairBlock block, int next) {
    }

    private Block readBlock(int labelLine, String label, String header) {
        List<String> headerTokens = RangeContext.tokens(header);
        String multLabel = headerTokens.get(headerTokens.size() - 1);
        String[] types = splitLabel(label, labelLine);
        String field = "jij[" + label + "]";
        List<JijRow> rows = new ArrayList<>();
        // field names for issues, made once per block rather than once per value
        String[] intFields = new String[ROW_INT_NAMES.length + 1];
        for (int k = 0; k < ROW_INT_NAMES.length; k++) {
            intFields[k] = field + "." + ROW_INT_NAMES[k];
        }
        intFields[ROW_INT_NAMES.length] = field + "." + multLabel;
        String[] realFields = new String[ROW_REAL_NAMES.length];
        for (int k = 0; k < ROW_REAL_NAMES.length; k++) {
            realFields[k] = field + "." + ROW_REAL_NAMES[k];
        }
        int n = labelLine + 2;
        for (; n <= ctx.to; n++) {
            String s = ctx.line(n);
            if (s.isBlank()) {
                break;
            }
            if (!PdosTableReader.isNumericLine(s)) {
                throw ctx.error(n, field, "row is neither numbers nor an overflow: '" + s.trim() + "'");
            }
            List<String> t = RangeContext.tokens(s);
            if (t.size() != ROW_FIELDS) {
                if (n == ctx.to) {
                    ctx.issue(n, field, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped: '"
                            + s.trim() + "'");
                    n++;
                    break;
                }
                throw ctx.error(n, field, "J_ij row has " + t.size() + " fields, expected " + ROW_FIELDS
                        + " (index site1 site2 comp1 comp2 cell(3) distance J_ij J_ij(meV) "
                        + multLabel + "): '" + s.trim() + "'");
            }
            Integer[] ints = new Integer[6];
            boolean identified = true;
            for (int k = 0; k < ROW_INT_POSITIONS.length; k++) {
                ints[k] = ctx.integerOrNull(t.get(ROW_INT_POSITIONS[k]), n, intFields[k]);
                identified &= ints[k] != null;
            }
            double[] reals = new double[6];
            for (int k = 0; k < 6; k++) {
                reals[k] = ctx.real(t.get(5 + k), n, realFields[k]);
            }
            if (!identified) {
                ctx.issue(n, field, ParseIssue.Kind.OVERFLOW, "row left out: an integer identifying the"
                        + " pair overflowed");
                continue;
            }
            rows.add(new JijRow(n, ints[0], ints[1], ints[2], ints[3], ints[4], reals[0], reals[1],
                    reals[2], reals[3], reals[4], reals[5], ints[5]));
        }
        return new Block(new JijPairBlock(labelLine, label, Optional.ofNullable(types[0]),
                Optional.ofNullable(types[1]), multLabel, rows), n);
    }

    /**
     * Splits {@code T1-T2}. A label with one {@code -} splits there. With more, the deck's type names
     * decide: the split is accepted when exactly one position gives two known names. Otherwise the
     * label is kept whole and an issue says so.
     */
    private String[] splitLabel(String label, int line) {
        List<Integer> dashes = new ArrayList<>();
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) == '-') {
                dashes.add(i);
            }
        }
        if (dashes.size() == 1 && typeNames.isEmpty()) {
            int d = dashes.get(0);
            return new String[] {label.substring(0, d), label.substring(d + 1)};
        }
        List<String[]> known = new ArrayList<>();
        for (int d : dashes) {
            String a = label.substring(0, d);
            String b = label.substring(d + 1);
            if (typeNames.contains(a) && typeNames.contains(b)) {
                known.add(new String[] {a, b});
            }
        }
        if (known.size() == 1) {
            return known.get(0);
        }
        if (dashes.size() == 1 && known.isEmpty()) {
            int d = dashes.get(0);
            ctx.issue(line, "jij.label", ParseIssue.Kind.UNEXPECTED, "'" + label
                    + "' splits into names that are not among the deck's types " + typeNames);
            return new String[] {label.substring(0, d), label.substring(d + 1)};
        }
        ctx.issue(line, "jij.label", ParseIssue.Kind.UNEXPECTED, "cannot split '" + label
                + "' into two type names unambiguously" + (typeNames.isEmpty() ? " (no type names given)"
                : " with the types " + typeNames) + "; kept whole");
        return new String[] {null, null};
    }

    /** Reads the rows after the {@code pair#} header into {@code rows}; returns the last line read. */
    int readPairList(int header, List<JijPairListRow> rows) {
        String field = PAIR_LIST;
        int[] bounds = new int[2 * PAIR_FIELDS];
        for (int n = header + 1; n <= ctx.to; n++) {
            String s = ctx.line(n);
            if (s.isBlank()) {
                return n - 1;
            }
            if (plainPairFields(s, bounds)) {
                JijPairListRow row = plainPairRow(s, n, bounds);
                if (row != null) {
                    rows.add(row);
                    continue;
                }
            }
            String unbracketed = s.replace('(', ' ').replace(')', ' ');
            List<String> t = RangeContext.tokens(unbracketed);
            if (t.size() != PAIR_FIELDS || !PdosTableReader.isNumericLine(unbracketed)) {
                if (n == ctx.to) {
                    ctx.issue(n, field, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped: '"
                            + s.trim() + "'");
                    return n;
                }
                throw ctx.error(n, field, "pair row has " + t.size() + " fields, expected " + PAIR_FIELDS
                        + " (pair# atom1 atom2 comp1 comp2 (cell) distance J(meV) index): '" + s.trim() + "'");
            }
            Integer[] ints = new Integer[PAIR_INT_POSITIONS.length];
            boolean identified = true;
            for (int k = 0; k < PAIR_INT_POSITIONS.length; k++) {
                ints[k] = ctx.integerOrNull(t.get(PAIR_INT_POSITIONS[k]), n, PAIR_INT_FIELDS[k]);
                identified &= ints[k] != null;
            }
            double distance = ctx.real(t.get(8), n, PAIR_DISTANCE);
            double jMeV = ctx.real(t.get(9), n, PAIR_J);
            if (!identified) {
                ctx.issue(n, field, ParseIssue.Kind.OVERFLOW, "row left out: an integer identifying the"
                        + " pair overflowed");
                continue;
            }
            rows.add(new JijPairListRow(n, ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], ints[6],
                    ints[7], distance, jMeV, ints[8]));
        }
        if (!rows.isEmpty()) {
            ctx.issue(ctx.to, field, ParseIssue.Kind.TRUNCATED, "the log ends inside the pair list");
        }
        return ctx.to;
    }

    /**
     * The fast path of a pair row, read in place: true (with the start and end of each field in
     * {@code bounds}) when the row has exactly {@link #PAIR_FIELDS} fields and only the characters
     * of numbers, blanks and brackets, with no asterisk. On such a row the general path (brackets
     * turned into blanks, {@code RangeContext.tokens}, the numeric-line test) finds the same fields;
     * any other row takes that path, which also reports it.
     */
    private static boolean plainPairFields(String s, int[] bounds) {
        int count = 0;
        boolean digit = false;
        int start = -1;
        for (int i = 0, n = s.length(); i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            if (c == ' ' || c == '(' || c == ')') {
                if (start >= 0) {
                    if (count == PAIR_FIELDS) {
                        return false;
                    }
                    bounds[2 * count] = start;
                    bounds[2 * count + 1] = i;
                    count++;
                    start = -1;
                }
            } else if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e') {
                digit |= c >= '0' && c <= '9';
                if (start < 0) {
                    start = i;
                }
            } else {
                return false;
            }
        }
        return digit && count == PAIR_FIELDS;
    }

    /**
     * The row of a line accepted by {@link #plainPairFields}; null when an integer field is not
     * plain digits (the general path then reads, or rejects, the row).
     */
    private JijPairListRow plainPairRow(String s, int n, int[] bounds) {
        int[] ints = new int[PAIR_INT_POSITIONS.length];
        for (int k = 0; k < PAIR_INT_POSITIONS.length; k++) {
            int f = PAIR_INT_POSITIONS[k];
            int v = plainInteger(s, bounds[2 * f], bounds[2 * f + 1]);
            if (v == Integer.MIN_VALUE) {
                return null;
            }
            ints[k] = v;
        }
        // RangeContext.real of the range is real() of the token: same fast path, same fallback
        double distance = ctx.real(s, bounds[16], bounds[17], n, PAIR_DISTANCE);
        double jMeV = ctx.real(s, bounds[18], bounds[19], n, PAIR_J);
        return new JijPairListRow(n, ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], ints[6], ints[7],
                distance, jMeV, ints[8]);
    }

    /**
     * {@code [sign] 1..9 digits} as FortranNumbers.parseInteger reads it; Integer.MIN_VALUE for
     * anything else (which cannot come out of nine digits).
     */
    private static int plainInteger(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i == to || to - i > 9) {
            return Integer.MIN_VALUE;
        }
        int v = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }
}
