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
    List<DosPoint> read(int header, String field, boolean endsWithBlank) {
        List<Integer> lines = PdosTableReader.dataLines(ctx, header);
        boolean toEnd = PdosTableReader.runsToEnd(ctx, header, lines);
        if (endsWithBlank) {
            PdosTableReader.requireBlankAfter(ctx, header, lines, field);
        }
        List<DosPoint> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = lines.get(i);
            String s = ctx.line(n).stripTrailing();
            String energy;
            String value;
            if (s.length() == ROW_LENGTH) {
                energy = s.substring(0, ENERGY_END);
                value = s.substring(ENERGY_END);
                if (s.charAt(ENERGY_END - 1) != ' ' && s.charAt(ENERGY_END) != ' '
                        && !FortranNumbers.isOverflow(value)) {
                    ctx.issue(n, field, ParseIssue.Kind.RUN_TOGETHER, "'" + value.trim()
                            + "' fills its 13-character field and touches the energy; split by the"
                            + " Fortran field widths");
                }
            } else {
                List<String> t = RangeContext.tokens(s);
                if (t.size() != 2) {
                    if (toEnd && i == lines.size() - 1) {
                        ctx.issue(n, field, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped: '"
                                + s.trim() + "'");
                        return out;
                    }
                    throw ctx.error(n, field, "expected an energy and a value: '" + s + "'");
                }
                energy = t.get(0);
                value = t.get(1);
            }
            out.add(new DosPoint(n, ctx.real(energy, n, field + ".energy"), ctx.real(value, n, field)));
        }
        if (toEnd) {
            ctx.issue(lines.isEmpty() ? header : lines.get(lines.size() - 1), field,
                    ParseIssue.Kind.TRUNCATED, "the log ends inside this table");
        }
        return out;
    }
}
