package org.kkr4j.io.akaikkr.output.modes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Reads one {@code DOS of component N} table of a dos run.
 *
 * <p>Rows are written as {@code (1x,f7.4,3x,4f10.4)} in v010 (the akaitools samples of the 2021+
 * release start with one more blank). The energy field is located on the first row (its last
 * character) and the values are then cut in 10-character slices from three columns further on, so a
 * value of 10⁴ or more, which fills its slice and touches the previous one, is still read
 * correctly (and reported as RUN_TOGETHER). When a row holds more values than the format has
 * descriptors, Fortran starts a new line from the beginning of the format: the continuation line
 * carries the next value in the energy slot. The number of lines per row is therefore found from
 * the data: the smallest grouping for which every row has the same number of fields and the
 * energies ascend.
 */
final class PdosTableReader {

    private static final int GAP = 3;
    private static final int WIDTH = 10;
    private static final String[] L_LABELS = {"s", "p", "d", "f", "g", "h", "i", "k"};

    private final RangeContext ctx;
    private final AkaiVersion dialect;

    PdosTableReader(RangeContext ctx, AkaiVersion dialect) {
        this.ctx = ctx;
        this.dialect = dialect;
    }

    /**
     * The last of the lines after {@code header} that consist of numbers only, up to the first other
     * line; {@code header} itself when there is none. The rows of a table are the lines
     * {@code header + 1 .. dataEnd}.
     */
    static int dataEnd(RangeContext ctx, int header) {
        // tested by position in the text: a row's String is not needed to find the table's end
        byte[] all = ctx.src.bytes();
        int n = header + 1;
        while (n <= ctx.to && isNumericLine(all, ctx.src.lineStart(n), ctx.src.lineEnd(n))) {
            n++;
        }
        return n - 1;
    }

    /** True when a block whose last row is {@code dataEnd} runs to the end of the range. */
    static boolean runsToEnd(RangeContext ctx, int dataEnd) {
        return dataEnd >= ctx.to;
    }

    /**
     * Tables end with a blank line (or at the end of the range). A non-blank line right after the
     * numeric rows is a row that is neither numbers nor an overflow: a format error.
     */
    static void requireBlankAfter(RangeContext ctx, int dataEnd, String field) {
        int next = dataEnd + 1;
        if (next <= ctx.to && !ctx.isBlank(next)) {
            throw ctx.error(next, field, "row is neither numbers nor an overflow: '" + ctx.line(next).trim() + "'");
        }
    }

    /** Bit c set for the characters below 64 a numeric line may hold: blank, '*', '+', '-', '.', digits. */
    private static final long NUMERIC_LOW = bits(" *+-.0123456789");
    /** Bit c set for the characters below 64 that make a line numeric: digits and '*'. */
    private static final long DIGIT_OR_STAR = bits("*0123456789");

    private static long bits(String chars) {
        long mask = 0;
        for (char c : chars.toCharArray()) {
            mask |= 1L << c;
        }
        return mask;
    }

    /** Digits or asterisks, with only blanks, points, signs and exponent letters besides. */
    static boolean isNumericLine(String s) {
        return isNumericLine(s, 0, s.length());
    }

    /** {@link #isNumericLine(String)} of {@code s[from, to)}. */
    static boolean isNumericLine(String s, int from, int to) {
        long seen = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 64) {
                long bit = 1L << c;
                if ((NUMERIC_LOW & bit) == 0) {
                    return false;
                }
                seen |= bit;
            } else if (c != 'E' && c != 'e') {
                return false;
            }
        }
        return (seen & DIGIT_OR_STAR) != 0;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    /** {@link #isNumericLine(String)} of the characters {@code s[from, to)}, one byte each (SourceText.bytes()). */
    static boolean isNumericLine(byte[] s, int from, int to) {
        // eight characters at a time while they are all blanks, '-', '.' or digits (the rows of the
        // tables this finds the end of), with the same answer: such characters are allowed and only
        // the digits count as seen; any other eight go through the per-character test
        long seen = 0;
        boolean digit = false;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(s, i);
            long plain = plainBytes(w);
            if (plain == HIGH) {
                digit |= digits(w) != 0;
                continue;
            }
            for (int k = i; k < i + 8; k++) {
                int c = s[k] & 0xFF;
                if (c < 64) {
                    long bit = 1L << c;
                    if ((NUMERIC_LOW & bit) == 0) {
                        return false;
                    }
                    seen |= bit;
                } else if (c != 'E' && c != 'e') {
                    return false;
                }
            }
        }
        for (; i < to; i++) {
            int c = s[i] & 0xFF;
            if (c < 64) {
                long bit = 1L << c;
                if ((NUMERIC_LOW & bit) == 0) {
                    return false;
                }
                seen |= bit;
            } else if (c != 'E' && c != 'e') {
                return false;
            }
        }
        return digit || (seen & DIGIT_OR_STAR) != 0;
    }

    /**
     * 0x80 in each byte of {@code w} that is a blank, '-', '.' or a digit, 0 in the others. The
     * additions stay within each byte because a byte with its top bit set is excluded first.
     */
    static long plainBytes(long w) {
        long low = ~w & HIGH; // bytes below 0x80
        long x = w & ~HIGH;
        long t = x ^ (0x20 * ONES);
        long blank = ~(((t & ~HIGH) + (0x7F * ONES)) | t) & HIGH; // exactly the bytes 0x20
        long minusOrPoint = (x + (0x80 - 0x2D) * ONES) & ~(x + (0x80 - 0x2F) * ONES) & HIGH; // 0x2D..0x2E
        return (digits(w) | blank | minusOrPoint) & low;
    }

    /** 0x80 in each byte of {@code w} that is a digit '0'..'9', 0 in the others. */
    static long digits(long w) {
        long low = ~w & HIGH;
        long x = w & ~HIGH;
        return (x + (0x80 - 0x30) * ONES) & ~(x + (0x80 - 0x3A) * ONES) & low & HIGH;
    }

    /**
     * The physical lines of one table, each cut into its slots: slot 0 is {@code [0, energyEnd)} of
     * the line (the energy or a wrapped value), slot k the k-th 10-character field after the gap.
     * Line i of the table is line {@code first + i} of the source, starting at {@code starts[i]} in
     * the text, with {@code slots[i]} slots. Characters are read from the source's bytes, so that
     * neither a line nor a field that reads normally is made into a String.
     */
    private static final class Cuts {
        final String text;
        final byte[] bytes;
        final int first;
        final int energyEnd;
        final int[] starts;
        final int[] slots;
        int count;

        Cuts(String text, byte[] bytes, int first, int energyEnd, int capacity) {
            this.text = text;
            this.bytes = bytes;
            this.first = first;
            this.energyEnd = energyEnd;
            this.starts = new int[capacity];
            this.slots = new int[capacity];
        }

        int line(int i) {
            return first + i;
        }

        int from(int i, int slot) {
            return slot == 0 ? starts[i] : starts[i] + energyEnd + GAP + (slot - 1) * WIDTH;
        }

        int to(int i, int slot) {
            return slot == 0 ? starts[i] + energyEnd : from(i, slot) + WIDTH;
        }

        /** The slot as text without blanks, for messages. */
        String slotText(int i, int slot) {
            return text.substring(from(i, slot), to(i, slot)).trim();
        }

        /** A value that fills its slot and touches the previous one; an overflow always fills it. */
        boolean touching(int i, int slot) {
            if (slot == 0) {
                return false;
            }
            int p = from(i, slot);
            return bytes[p] != ' ' && bytes[p - 1] != ' '
                    && !FortranNumbers.isOverflow(text.substring(p, p + WIDTH));
        }

        double valueOrNaN(int i, int slot) {
            return RangeContext.parseRealOrNaN(text, bytes, from(i, slot), to(i, slot));
        }

        /** Fields of the row made of lines {@code start .. start + per - 1}. */
        int fieldsOfRow(int start, int per) {
            int n = 0;
            for (int k = 0; k < per; k++) {
                n += slots[start + k];
            }
            return n;
        }
    }

    ComponentPdos read(int header, int dataEnd, int component, Integer lmxtyp, String field) {
        OptionalInt printed = printedIndex(header, component, field);
        boolean toEnd = runsToEnd(ctx, dataEnd);
        requireBlankAfter(ctx, dataEnd, field);
        if (dataEnd == header) {
            if (toEnd) {
                ctx.issue(header, field, ParseIssue.Kind.TRUNCATED, "the log ends after the header");
                return new ComponentPdos(component, printed, header, List.of(), false, List.of());
            }
            throw ctx.error(header + 1, field, "DOS of component block without rows: '"
                    + ctx.line(header + 1).trim() + "'");
        }
        int energyEnd = firstTokenEnd(ctx.line(header + 1));
        Cuts cuts = new Cuts(ctx.src.text(), ctx.src.bytes(), header + 1, energyEnd, dataEnd - header);
        boolean droppedPartial = false;
        for (int n = header + 1; n <= dataEnd; n++) {
            if (!cut(n, cuts)) {
                if (toEnd && n == dataEnd) {
                    ctx.issue(n, field, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped: '"
                            + ctx.line(n).trim() + "'");
                    droppedPartial = true;
                    break;
                }
                throw ctx.error(n, field, "row does not fit the PDOS layout (energy field ending at column "
                        + energyEnd + ", then " + WIDTH + "-character fields): '" + ctx.line(n) + "'");
            }
        }
        int size = cuts.count;
        // the energy slot of every line read once, as a plain decimal (NaN otherwise): both the
        // grouping into rows and the rows themselves need it
        double[] plainEnergy = new double[size];
        for (int i = 0; i < size; i++) {
            double e = FortranNumbers.fourDecimalsOrNaN(cuts.bytes, cuts.from(i, 0), cuts.to(i, 0));
            plainEnergy[i] = Double.isNaN(e) ? FortranNumbers.plainDecimalOrNaN(cuts.bytes, cuts.from(i, 0), cuts.to(i, 0)) : e;
        }
        int linesPerRow = linesPerRow(cuts, plainEnergy, toEnd);
        if (linesPerRow == 0) {
            throw ctx.error(header + 1, field, "cannot group the lines of this PDOS table into rows"
                    + " with the same number of values and ascending energies");
        }
        int complete = size / linesPerRow * linesPerRow;
        if (complete < size && !droppedPartial) {
            ctx.issue(cuts.line(complete), field, ParseIssue.Kind.TRUNCATED,
                    "incomplete last row dropped (the log ends inside it)");
        }
        int values = cuts.fieldsOfRow(0, linesPerRow) - 1;
        boolean total = hasTotal(values, lmxtyp, cuts, linesPerRow, complete, header + 1, field);
        List<String> columns = labels(total ? values - 1 : values, total);
        if (toEnd && !droppedPartial && complete == size) {
            ctx.issue(cuts.line(complete - 1), field, ParseIssue.Kind.TRUNCATED,
                    "the log ends inside this table");
        }
        // the field names of issues and errors, made once per table rather than once per value
        String energyField = field + ".energy";
        String[] valueFields = new String[columns.size()];
        for (int i = 0; i < valueFields.length; i++) {
            valueFields[i] = field + "." + columns.get(i);
        }
        List<PdosRow> rows = new ArrayList<>(complete / linesPerRow);
        for (int r = 0; r < complete; r += linesPerRow) {
            rows.add(row(cuts, r, linesPerRow, plainEnergy[r], energyField, valueFields));
        }
        return new ComponentPdos(component, printed, header, columns, total, rows);
    }

    private OptionalInt printedIndex(int header, int component, String field) {
        String text = ctx.line(header).trim().substring("DOS of component".length()).trim();
        Integer printed = ctx.integerOrNull(text, header, field + ".index");
        if (printed == null) {
            return OptionalInt.empty();
        }
        if (printed != component) {
            ctx.issue(header, field + ".index", ParseIssue.Kind.UNEXPECTED, "printed component " + printed
                    + " is block number " + component + " of this spin");
        }
        return OptionalInt.of(printed);
    }

    private static int firstTokenEnd(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    /** Cuts line {@code n} into slots and appends it to {@code cuts}; false when it does not fit the layout. */
    private boolean cut(int n, Cuts cuts) {
        // positions relative to the line, characters read from the whole text at start + position
        byte[] s = cuts.bytes;
        int energyEnd = cuts.energyEnd;
        int start = ctx.src.lineStart(n);
        // a numeric line has no blanks but spaces, so this is the length after stripTrailing()
        int len = ctx.src.lineEnd(n) - start;
        while (len > 0 && s[start + len - 1] == ' ') {
            len--;
        }
        if (len < energyEnd || s[start + energyEnd - 1] == ' ') {
            return false;
        }
        int slots;
        if (len == energyEnd) {
            slots = 1;
        } else {
            int valuesStart = energyEnd + GAP;
            if (len <= valuesStart || (len - valuesStart) % WIDTH != 0
                    || !isSpaces(s, start + energyEnd, start + valuesStart)) {
                return false;
            }
            for (int p = start + valuesStart; p < start + len; p += WIDTH) {
                if (isSpaces(s, p, p + WIDTH)) {
                    return false;
                }
            }
            slots = 1 + (len - valuesStart) / WIDTH;
        }
        cuts.starts[cuts.count] = start;
        cuts.slots[cuts.count++] = slots;
        return true;
    }

    private static boolean isSpaces(byte[] s, int from, int to) {
        // from the end: a right-justified value shows at once
        for (int i = to - 1; i >= from; i--) {
            if (s[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The smallest number of lines per row (1..4) consistent with the data, 0 when none is. */
    private static int linesPerRow(Cuts cuts, double[] plainEnergy, boolean toEnd) {
        int size = cuts.count;
        for (int per = 1; per <= Math.min(4, size); per++) {
            if (size % per != 0 && !toEnd) {
                continue;
            }
            int complete = size / per * per;
            if (complete == 0) {
                continue;
            }
            int fields = cuts.fieldsOfRow(0, per);
            int fullLine = cuts.slots[0];
            boolean ok = true;
            double previous = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < complete && ok; r += per) {
                ok = cuts.fieldsOfRow(r, per) == fields;
                for (int k = 0; k < per - 1 && ok; k++) {
                    // every line of a wrapped row but the last is full
                    ok = cuts.slots[r + k] == fullLine;
                }
                double e = Double.isNaN(plainEnergy[r]) ? cuts.valueOrNaN(r, 0) : plainEnergy[r];
                if (ok && !Double.isNaN(e)) {
                    ok = e > previous;
                    previous = e;
                }
            }
            if (ok) {
                return per;
            }
        }
        return 0;
    }

    /**
     * Whether the last value of a row is the printed total. The component's lmxtyp decides when it is
     * known; otherwise the dialect; with neither, the data: the last column is a total when it equals
     * the sum of the others within the rounding of the printed values on every row.
     */
    private boolean hasTotal(int values, Integer lmxtyp, Cuts cuts, int per, int complete, int line,
                             String field) {
        Boolean byDialect = dialect == null ? null : dialect == AkaiVersion.CPA2021V01;
        if (lmxtyp != null) {
            int l = lmxtyp + 1;
            boolean total;
            if (values == l) {
                total = false;
            } else if (values == l + 1) {
                total = true;
            } else {
                throw ctx.error(line, field, "PDOS row has " + values + " values but lmxtyp=" + lmxtyp
                        + " gives " + l + " angular momenta (" + (l + 1) + " with a total column)");
            }
            if (byDialect != null && byDialect != total) {
                ctx.issue(line, field, ParseIssue.Kind.UNEXPECTED, "dialect " + dialect + " expects "
                        + (byDialect ? "a" : "no") + " total column, the data have "
                        + (total ? "one" : "none") + "; the data are followed");
            }
            return total;
        }
        if (byDialect != null) {
            if (byDialect && values < 2) {
                throw ctx.error(line, field, "PDOS row has " + values + " value(s); dialect " + dialect
                        + " prints at least one l column and the total");
            }
            return byDialect;
        }
        return lastColumnIsSum(values, cuts, per, complete);
    }

    private static boolean lastColumnIsSum(int values, Cuts cuts, int per, int complete) {
        if (values < 2) {
            return false;
        }
        double tolerance = 0.5e-4 * values + 1e-9;
        boolean informative = false;
        for (int r = 0; r < complete; r += per) {
            double sum = 0;
            boolean finite = true;
            double last = Double.NaN;
            int slotsOfRow = cuts.fieldsOfRow(r, per);
            int index = 0;
            for (int k = 0; k < per && finite; k++) {
                int c = r + k;
                for (int i = 0; i < cuts.slots[c]; i++, index++) {
                    if (index == 0) {
                        continue; // the energy
                    }
                    double v = cuts.valueOrNaN(c, i);
                    if (index == slotsOfRow - 1) {
                        last = v;
                    } else if (Double.isNaN(v)) {
                        finite = false;
                        break;
                    } else {
                        sum += v;
                    }
                }
            }
            if (!finite || Double.isNaN(last)) {
                continue;
            }
            if (Math.abs(last - sum) > tolerance) {
                return false;
            }
            informative |= Math.abs(last) > 1e-2;
        }
        return informative;
    }

    private static List<String> labels(int lCount, boolean total) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < lCount; l++) {
            out.add(l < L_LABELS.length ? L_LABELS[l] : "l" + l);
        }
        if (total) {
            out.add("total");
        }
        return out;
    }

    private PdosRow row(Cuts cuts, int start, int per, double plainEnergy, String energyField,
                        String[] valueFields) {
        int line = cuts.line(start);
        // ctx.real returns the plain decimal when there is one; only other text needs its checks
        double energy = Double.isNaN(plainEnergy)
                ? ctx.real(cuts.text, cuts.bytes, cuts.from(start, 0), cuts.to(start, 0), line, energyField) : plainEnergy;
        double[] values = new double[cuts.fieldsOfRow(start, per) - 1];
        int column = 0;
        for (int k = 0; k < per; k++) {
            int c = start + k;
            for (int i = k == 0 ? 1 : 0; i < cuts.slots[c]; i++, column++) {
                String f = valueFields[column];
                if (cuts.touching(c, i)) {
                    ctx.issue(cuts.line(c), f, ParseIssue.Kind.RUN_TOGETHER, "'" + cuts.slotText(c, i)
                            + "' fills its 10-character field and touches the previous one; split by the"
                            + " Fortran field widths");
                }
                // f10.4 as printed, read at once; anything else (and an unreadable field) the general way
                int from = cuts.from(c, i);
                int to = cuts.to(c, i);
                double v = FortranNumbers.fourDecimalsOrNaN(cuts.bytes, from, to);
                values[column] = Double.isNaN(v) ? ctx.real(cuts.text, cuts.bytes, from, to, cuts.line(c), f) : v;
            }
        }
        return new PdosRow(line, energy, new DoubleArrayList(values));
    }
}
