package org.kkr4j.io.akaikkr.side;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Reads {@code <file>.info}. cpa2002v010 writes {@code (1x,f12.4,f20.7,f10.5)} (a, total energy,
 * total moment); the 2021 family writes a and the total energy only (a with three decimals). Both
 * layouts may appear in one file when versions shared a potential file. Lines are read by blank
 * separated tokens, or by the Fortran widths 1+12, 20, 10 when fields run together.
 */
public final class InfoFileParser {

    private static final int[] STARTS = {1, 13, 33};
    private static final int[] ENDS = {13, 33, 43};
    private static final String[] FIELDS = {"latticeConstantBohr", "totalEnergyRy", "totalMomentMuB"};

    private InfoFileParser() {
    }

    public static InfoFile parse(Path file) {
        return parse(SourceText.read(file));
    }

    public static InfoFile parse(SourceText src) {
        List<InfoFile.Entry> entries = new ArrayList<>();
        List<ParseIssue> issues = new ArrayList<>();
        for (int i = 1; i <= src.lineCount(); i++) {
            String line = src.line(i);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(src, i, line, issues);
            OptionalDouble[] v = new OptionalDouble[3];
            for (int f = 0; f < 3; f++) {
                v[f] = f < fields.length ? value(src, i, fields[f], FIELDS[f], issues) : OptionalDouble.empty();
            }
            InfoFile.Layout layout = fields.length == 3 ? InfoFile.Layout.A_ENERGY_MOMENT : InfoFile.Layout.A_ENERGY;
            entries.add(new InfoFile.Entry(i, layout, v[0], v[1], v[2]));
        }
        return new InfoFile(src.name(), entries, issues);
    }

    private static String[] split(SourceText src, int lineNo, String line, List<ParseIssue> issues) {
        String[] tokens = line.strip().split("\\s+");
        if ((tokens.length == 2 || tokens.length == 3) && allReadable(tokens)) {
            return tokens;
        }
        // fixed widths: a value that fills its field touches its neighbour
        String body = line.stripTrailing();
        int n = body.length() <= ENDS[1] ? 2 : 3;
        if (body.length() > ENDS[n - 1] || body.length() <= STARTS[n - 1] || body.charAt(0) != ' ') {
            throw new KkrFormatException(src.name(), lineNo, FIELDS[Math.min(tokens.length, 3) - 1],
                    "expected 'a  total-energy [moment]' (2 or 3 numbers), found '" + line.strip() + "'");
        }
        String padded = String.format("%-" + ENDS[n - 1] + "s", body);
        String[] fields = new String[n];
        for (int f = 0; f < n; f++) {
            fields[f] = padded.substring(STARTS[f], ENDS[f]).strip();
            if (fields[f].isEmpty() || readable(fields[f]) == null) {
                throw new KkrFormatException(src.name(), lineNo, FIELDS[f], "'" + padded.substring(STARTS[f], ENDS[f]).strip()
                        + "' (columns " + (STARTS[f] + 1) + "-" + ENDS[f] + ") is not a number");
            }
            if (f > 0 && padded.charAt(STARTS[f]) != ' ' && !FortranNumbers.isOverflow(fields[f])) {
                issues.add(new ParseIssue(src.name(), lineNo, FIELDS[f], ParseIssue.Kind.RUN_TOGETHER,
                        "'" + fields[f] + "' touches the previous field; split by the Fortran widths"));
            }
        }
        return fields;
    }

    private static boolean allReadable(String[] tokens) {
        for (String t : tokens) {
            if (readable(t) == null) {
                return false;
            }
        }
        return true;
    }

    private static Double readable(String t) {
        return FortranNumbers.isOverflow(t) ? Double.valueOf(Double.NaN) : FortranNumbers.parseReal(t);
    }

    private static OptionalDouble value(SourceText src, int lineNo, String field, String name, List<ParseIssue> issues) {
        if (FortranNumbers.isOverflow(field)) {
            issues.add(new ParseIssue(src.name(), lineNo, name, ParseIssue.Kind.OVERFLOW, "'" + field + "'"));
            return OptionalDouble.empty();
        }
        Double v = FortranNumbers.parseReal(field);
        if (v == null) {
            throw new KkrFormatException(src.name(), lineNo, name, "'" + field + "' is not a number");
        }
        return OptionalDouble.of(v);
    }
}
