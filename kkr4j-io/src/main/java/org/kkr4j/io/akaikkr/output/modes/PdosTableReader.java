package org.kkr4j.io.akaikkr.output.modes;

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

    /** The lines after {@code header} that consist of numbers only, up to the first other line. */
    static List<Integer> dataLines(RangeContext ctx, int header) {
        List<Integer> out = new ArrayList<>();
        for (int n = header + 1; n <= ctx.to; n++) {
            if (!isNumericLine(ctx.line(n))) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    /** True when the block that starts after {@code header} runs to the end of the range. */
    static boolean runsToEnd(RangeContext ctx, int header, List<Integer> lines) {
        int last = lines.isEmpty() ? header : lines.get(lines.size() - 1);
        return last >= ctx.to;
    }

    /**
     * Tables end with a blank line (or at the end of the range). A non-blank line right after the
     * numeric rows is a row that is neither numbers nor an overflow: a format error.
     */
    static void requireBlankAfter(RangeContext ctx, int header, List<Integer> lines, String field) {
        int next = (lines.isEmpty() ? header : lines.get(lines.size() - 1)) + 1;
        if (next <= ctx.to && !ctx.isBlank(next)) {
            throw ctx.error(next, field, "row is neither numbers nor an overflow: '" + ctx.line(next).trim() + "'");
        }
    }

    static boolean isNumericLine(String s) {
        if (s.isBlank()) {
            return false;
        }
        boolean digitOrStar = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '*') {
                digitOrStar = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'E' && c != 'e' && c != ' ') {
                return false;
            }
        }
        return digitOrStar;
    }

    /** One physical line cut into its slots: slot 0 is the energy (or a wrapped value). */
    private record Cut(int line, List<String> slots, List<Boolean> touching) {
    }

    ComponentPdos read(int header, int component, Integer lmxtyp, String field) {
        OptionalInt printed = printedIndex(header, component, field);
        List<Integer> lines = dataLines(ctx, header);
        boolean toEnd = runsToEnd(ctx, header, lines);
        requireBlankAfter(ctx, header, lines, field);
        if (lines.isEmpty()) {
            if (toEnd) {
                ctx.issue(header, field, ParseIssue.Kind.TRUNCATED, "the log ends after the header");
                return new ComponentPdos(component, printed, header, List.of(), false, List.of());
            }
            throw ctx.error(header + 1, field, "DOS of component block without rows: '"
                    + ctx.line(header + 1).trim() + "'");
        }
        String first = ctx.line(lines.get(0)).stripTrailing();
        int energyEnd = firstTokenEnd(first);
        List<Cut> cuts = new ArrayList<>();
        boolean droppedPartial = false;
        for (int i = 0; i < lines.size(); i++) {
            int n = lines.get(i);
            Cut cut = cut(n, energyEnd);
            if (cut == null) {
                if (toEnd && i == lines.size() - 1) {
                    ctx.issue(n, field, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped: '"
                            + ctx.line(n).trim() + "'");
                    droppedPartial = true;
                    break;
                }
                throw ctx.error(n, field, "row does not fit the PDOS layout (energy field ending at column "
                        + energyEnd + ", then " + WIDTH + "-character fields): '" + ctx.line(n) + "'");
            }
            cuts.add(cut);
        }
        int linesPerRow = linesPerRow(cuts, toEnd);
        if (linesPerRow == 0) {
            throw ctx.error(lines.get(0), field, "cannot group the lines of this PDOS table into rows"
                    + " with the same number of values and ascending energies");
        }
        int complete = cuts.size() / linesPerRow * linesPerRow;
        if (complete < cuts.size() && !droppedPartial) {
            ctx.issue(cuts.get(complete).line(), field, ParseIssue.Kind.TRUNCATED,
                    "incomplete last row dropped (the log ends inside it)");
        }
        int values = fieldsOfRow(cuts, 0, linesPerRow) - 1;
        boolean total = hasTotal(values, lmxtyp, cuts, linesPerRow, complete, lines.get(0), field);
        List<String> columns = labels(total ? values - 1 : values, total);
        if (toEnd && !droppedPartial && complete == cuts.size()) {
            ctx.issue(cuts.get(complete - 1).line(), field, ParseIssue.Kind.TRUNCATED,
                    "the log ends inside this table");
        }
        List<PdosRow> rows = new ArrayList<>();
        for (int r = 0; r < complete; r += linesPerRow) {
            rows.add(row(cuts, r, linesPerRow, columns, field));
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

    /** Cuts a line into slots, or null when it does not fit the layout. */
    private Cut cut(int n, int energyEnd) {
        String s = ctx.line(n).stripTrailing();
        int len = s.length();
        if (len < energyEnd || s.charAt(energyEnd - 1) == ' ') {
            return null;
        }
        List<String> slots = new ArrayList<>();
        List<Boolean> touching = new ArrayList<>();
        slots.add(s.substring(0, energyEnd).trim());
        touching.add(false);
        if (len == energyEnd) {
            return new Cut(n, slots, touching);
        }
        int valuesStart = energyEnd + GAP;
        if (len <= valuesStart || (len - valuesStart) % WIDTH != 0
                || !s.substring(energyEnd, valuesStart).isBlank()) {
            return null;
        }
        for (int p = valuesStart; p < len; p += WIDTH) {
            String slice = s.substring(p, p + WIDTH);
            if (slice.isBlank()) {
                return null;
            }
            slots.add(slice.trim());
            // an overflowed field always fills its width; only a number doing so has run together
            touching.add(slice.charAt(0) != ' ' && s.charAt(p - 1) != ' ' && !FortranNumbers.isOverflow(slice));
        }
        return new Cut(n, slots, touching);
    }

    /** The smallest number of lines per row (1..4) consistent with the data, 0 when none is. */
    private static int linesPerRow(List<Cut> cuts, boolean toEnd) {
        for (int per = 1; per <= Math.min(4, cuts.size()); per++) {
            if (cuts.size() % per != 0 && !toEnd) {
                continue;
            }
            int complete = cuts.size() / per * per;
            if (complete == 0) {
                continue;
            }
            int fields = fieldsOfRow(cuts, 0, per);
            int fullLine = cuts.get(0).slots().size();
            boolean ok = true;
            double previous = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < complete && ok; r += per) {
                ok = fieldsOfRow(cuts, r, per) == fields;
                for (int k = 0; k < per - 1 && ok; k++) {
                    // every line of a wrapped row but the last is full
                    ok = cuts.get(r + k).slots().size() == fullLine;
                }
                Double e = FortranNumbers.parseReal(cuts.get(r).slots().get(0));
                if (ok && e != null) {
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

    private static int fieldsOfRow(List<Cut> cuts, int start, int per) {
        int n = 0;
        for (int k = 0; k < per; k++) {
            n += cuts.get(start + k).slots().size();
        }
        return n;
    }

    /**
     * Whether the last value of a row is the printed total. The component's lmxtyp decides when it is
     * known; otherwise the dialect; with neither, the data: the last column is a total when it equals
     * the sum of the others within the rounding of the printed values on every row.
     */
    private boolean hasTotal(int values, Integer lmxtyp, List<Cut> cuts, int per, int complete, int line,
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

    private static boolean lastColumnIsSum(int values, List<Cut> cuts, int per, int complete) {
        if (values < 2) {
            return false;
        }
        double tolerance = 0.5e-4 * values + 1e-9;
        boolean informative = false;
        for (int r = 0; r < complete; r += per) {
            List<String> slots = new ArrayList<>();
            for (int k = 0; k < per; k++) {
                slots.addAll(cuts.get(r + k).slots());
            }
            double sum = 0;
            boolean finite = true;
            for (int i = 1; i < slots.size() - 1; i++) {
                Double v = FortranNumbers.parseReal(slots.get(i));
                if (v == null) {
                    finite = false;
                    break;
                }
                sum += v;
            }
            Double last = FortranNumbers.parseReal(slots.get(slots.size() - 1));
            if (!finite || last == null) {
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

    private PdosRow row(List<Cut> cuts, int start, int per, List<String> columns, String field) {
        List<String> slots = new ArrayList<>();
        List<Boolean> touching = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        for (int k = 0; k < per; k++) {
            Cut c = cuts.get(start + k);
            slots.addAll(c.slots());
            touching.addAll(c.touching());
            for (int i = 0; i < c.slots().size(); i++) {
                lineOf.add(c.line());
            }
        }
        int line = cuts.get(start).line();
        double energy = ctx.real(slots.get(0), line, field + ".energy");
        List<Double> values = new ArrayList<>(slots.size() - 1);
        for (int i = 1; i < slots.size(); i++) {
            String f = field + "." + columns.get(i - 1);
            if (touching.get(i)) {
                ctx.issue(lineOf.get(i), f, ParseIssue.Kind.RUN_TOGETHER, "'" + slots.get(i)
                        + "' fills its 10-character field and touches the previous one; split by the"
                        + " Fortran field widths");
            }
            values.add(ctx.real(slots.get(i), lineOf.get(i), f));
        }
        return new PdosRow(line, energy, values);
    }
}
