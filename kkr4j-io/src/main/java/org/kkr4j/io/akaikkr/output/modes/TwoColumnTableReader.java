package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;

import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Reads the {@code total DOS} and {@code integrated DOS} tables, written as
 * {@code (1x,f12.7,f13.5)}: a value of 10⁷ or more fills its 13 characters and touches the energy,
 * so rows of the full 26 characters are cut by the field widths. Rows of another length (a dialect
 * with other widths) are read as two blank-separated numbers.
 */
final class TwoColumnTableReader {

    private static final int ENERGY_END = 13;
    private static final int ROW_LENGTH = 26;

    private final RangeContext ctx;

    TwoColumnTableReader(RangeContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param endsWithBlank whether a blank line must follow the rows (total DOS); the integrated DOS
     *                      of the last spin is followed directly by the iteration line
     */
    List<DosPoint> read(int header, int dataEnd, String field, boolean endsWithBlank) {
        boolean toEnd = PdosTableReader.runsToEnd(ctx, dataEnd);
        if (endsWithBlank) {
            PdosTableReader.requireBlankAfter(ctx, dataEnd, field);
        }
        List<DosPoint> out = new ArrayList<>(dataEnd - header);
        String energyField = field + ".energy";
        // rows of the usual layout are read by position in the whole text, without a line String
        String all = ctx.src.text();
        byte[] bytes = ctx.src.bytes();
        for (int n = header + 1; n <= dataEnd; n++) {
            int start = ctx.src.lineStart(n);
            // a numeric line has no blanks but spaces: this is the length after stripTrailing()
            int len = ctx.src.lineEnd(n) - start;
            while (len > 0 && bytes[start + len - 1] == ' ') {
                len--;
            }
            if (len == ROW_LENGTH) {
                int valueStart = start + ENERGY_END;
                int valueEnd = start + len;
                if (bytes[valueStart - 1] != ' ' && bytes[valueStart] != ' '
                        && !FortranNumbers.isOverflow(all.substring(valueStart, valueEnd))) {
                    ctx.issue(n, field, ParseIssue.Kind.RUN_TOGETHER, "'" + all.substring(valueStart, valueEnd).trim()
                            + "' fills its 13-character field and touches the energy; split by the"
                            + " Fortran field widths");
                }
                double energy = ctx.real(all, bytes, start, valueStart, n, energyField);
                out.add(new DosPoint(n, energy, ctx.real(all, bytes, valueStart, valueEnd, n, field)));
                continue;
            }
            String s = ctx.line(n).substring(0, len);
            List<String> t = RangeContext.tokens(s);
            if (t.size() != 2) {
                if (toEnd && n == dataEnd) {
                    ctx.issue(n, field, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped: '"
                            + s.trim() + "'");
                    return out;
                }
                throw ctx.error(n, field, "expected an energy and a value: '" + s + "'");
            }
            out.add(new DosPoint(n, ctx.real(t.get(0), n, energyField), ctx.real(t.get(1), n, field)));
        }
        if (toEnd) {
            ctx.issue(dataEnd, field,
                    ParseIssue.Kind.TRUNCATED, "the log ends inside this table");
        }
        return out;
    }
}
