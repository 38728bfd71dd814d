package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;

/**
 * Reads the mode-specific blocks of one deck of a specx log: DOS ({@code go=dos}), J_ij
 * ({@code go=j...}), the mean-field Tc ({@code go=tc}, {@code go=j}), transport ({@code go=cnd}) and
 * the result of a fixed-spin-moment run. Blocks are found by their captions, never by line numbers.
 *
 * <p>Errors: a block whose text does not fit its layout (a row that is neither numbers nor an
 * overflow, a table shorter than its siblings, a J_ij row with missing fields) raises
 * {@link KkrFormatException} naming the file, line and field. A block that runs to the end of the
 * range (the log of a killed run just stops) is returned as far as it was printed, with a TRUNCATED
 * issue.
 */
public final class ModeBlockParser {

    private static final Pattern MAGTYP = Pattern.compile("\\bmagtyp=\\s*(\\S+)");
    private static final Pattern TYPE_LINE = Pattern.compile("^\\s*type=\\S+.*\\blmxtyp=\\s*(\\d+)");
    private static final Pattern CND = Pattern.compile("^cnd([12])\\s+\\S+.*");

    private static final String FIXED_SPIN_MOMENT = "fixed spin moment=";
    private static final String FIXED_SPIN_FIELD = "field used to fix the spin=";
    /** The two labels cannot overlap, so a shorter line has not both: no need to search it. */
    private static final int FIXED_SPIN_MIN_LENGTH = FIXED_SPIN_MOMENT.length() + FIXED_SPIN_FIELD.length();

    private ModeBlockParser() {
    }

    /**
     * @param src       the whole log
     * @param fromLine  first line of the deck, 1-based
     * @param toLine    last line of the deck, 1-based, inclusive
     * @param dialect   the AkaiKKR version that wrote the log, or null when unknown (the PDOS layout
     *                  is then taken from the lmxtyp echo of the deck or from the data)
     * @param typeNames the deck's type names, used to split J_ij labels {@code T1-T2} when a name
     *                  contains {@code -}; may be empty
     */
    public static ModeResults parse(SourceText src, int fromLine, int toLine, AkaiVersion dialect,
                                    List<String> typeNames) {
        return parse(src, fromLine, toLine, fromLine, dialect, typeNames);
    }

    /**
     * {@link #parse(SourceText, int, int, AkaiVersion, List)} for a caller that has already tested
     * every line of the deck with {@link #mayOpenBlock(String)}: the lines before
     * {@code firstCandidateLine} are then read only for the deck's context (magtyp, lmxtyp of each
     * type), which is all the full scan would take from them. The log parser uses it so that the
     * self-consistent part of a deck (most of its lines) is not searched for captions twice.
     *
     * @param firstCandidateLine the first line of the range for which {@code mayOpenBlock} is true
     *                           ({@code toLine + 1} when there is none), 1-based
     */
    public static ModeResults parse(SourceText src, int fromLine, int toLine, int firstCandidateLine,
                                    AkaiVersion dialect, List<String> typeNames) {
        if (fromLine < 1 || toLine > src.lineCount() || fromLine > toLine + 1) {
            throw new IllegalArgumentException("line range " + fromLine + ".." + toLine + " outside "
                    + src.name() + " (" + src.lineCount() + " lines)");
        }
        if (firstCandidateLine < fromLine || firstCandidateLine > toLine + 1) {
            throw new IllegalArgumentException("first candidate line " + firstCandidateLine + " outside "
                    + fromLine + ".." + toLine);
        }
        RangeContext ctx = new RangeContext(src, fromLine, toLine);
        return new Scan(ctx, dialect, typeNames == null ? List.of() : List.copyOf(typeNames)).run(firstCandidateLine);
    }

    /**
     * True when the scan might read a block from this line: a superset of the lines {@code Scan.run}
     * acts on besides the context echo (every caption test, loosened where it uses a regex, and
     * every line long enough to hold both fixed-spin labels). A deck none of whose lines passes has
     * no mode block: the scan would return {@link ModeResults#NONE}, with no issue, so the log parser
     * skips it. Keep in step with the caption tests in {@code Scan.run}.
     */
    public static boolean mayOpenBlock(String line) {
        return mayOpenBlock(line, Scan.trimStart(line));
    }

    /**
     * {@link #mayOpenBlock(String)} for a caller that knows where {@code line.trim()} would start
     * ({@code p}, the first character above a blank, or the length of a blank line).
     */
    public static boolean mayOpenBlock(String line, int p) {
        if (p == line.length()) {
            return false;
        }
        boolean caption = switch (line.charAt(p)) {
            case 'D' -> line.startsWith("DOS of component", p);
            case 't' -> line.startsWith("total DOS", p);
            case 'i' -> line.startsWith("integrated DOS", p);
            case 'd' -> line.startsWith("dlimit=", p);
            case 'J' -> line.startsWith("J_ij", p);
            case 'p' -> line.startsWith("pair#", p);
            case 's' -> line.startsWith("sublat", p);
            case 'T' -> line.startsWith("Tc (in mean field approximation)", p);
            case '*' -> line.startsWith("*** vertex correction made", p);
            // "cnd" covers both the cnd1/cnd2 lines and "cnductivity"
            case 'c' -> line.startsWith("conductivity component=", p) || line.startsWith("cnd", p);
            case 'r' -> line.startsWith("resistivity", p);
            default -> false;
        };
        return caption || (line.length() - p >= FIXED_SPIN_MIN_LENGTH && line.contains(FIXED_SPIN_MOMENT)
                && line.contains(FIXED_SPIN_FIELD));
    }

    /** Whole file as one deck. */
    public static ModeResults parse(SourceText src, AkaiVersion dialect, List<String> typeNames) {
        return parse(src, 1, src.lineCount(), dialect, typeNames);
    }

    private static final class Scan {
        private final RangeContext ctx;
        private final AkaiVersion dialect;
        private final List<String> typeNames;

        Scan(RangeContext ctx, AkaiVersion dialect, List<String> typeNames) {
            this.ctx = ctx;
            this.dialect = dialect;
            this.typeNames = typeNames;
        }

        /** @param firstCandidate lines before it hold no caption: only their context is read */
        /** What the blocks need from the deck's echo: whether magtyp is nmag, and each component's lmxtyp. */
        private Optional<Boolean> nonMagnetic = Optional.empty();
        private final List<Integer> lmxtyp = new ArrayList<>();
        private Integer currentLmxtyp;

        /**
         * Reads the echo lines the blocks depend on (magtyp, type and component lines); true when the line
         * was a type or component line and needs no caption test.
         */
        private boolean readContext(String line, int p) {
            Matcher m;
            if (nonMagnetic.isEmpty() && line.contains("magtyp=") && (m = MAGTYP.matcher(line)).find()) {
                nonMagnetic = Optional.of(m.group(1).equals("nmag"));
            }
            char c = line.charAt(p);
            int q = c == 't' || c == 'c' ? regexSpaceEnd(line) : -1;
            if (c == 't' && line.startsWith("type=", q) && (m = TYPE_LINE.matcher(line)).find()) {
                currentLmxtyp = Integer.parseInt(m.group(1));
                return true;
            }
            if (c == 'c' && currentLmxtyp != null && isComponentLine(line, q)) {
                lmxtyp.add(currentLmxtyp);
                return true;
            }
            return false;
        }

        ModeResults run(int firstCandidate) {
            List<DosReader.Header> dosHeaders = new ArrayList<>();
            TransportReader transport = new TransportReader(ctx);
            JijReader jijReader = new JijReader(ctx, typeNames);
            int jijLine = 0;
            Optional<Double> dlimit = Optional.empty();
            List<JijPairBlock> jijBlocks = List.of();
            List<JijPairListRow> pairList = new ArrayList<>();
            List<MolecularFieldRow> molecularFields = new ArrayList<>();
            boolean tcSeen = false;
            Optional<Double> tc = Optional.empty();
            int tcLine = 0;
            FixedSpinResult fixedSpin = null;

            // the deck's echo, before the first line that may open a block: the same context tests
            // as in the full loop below, whose caption tests would all fail here
            for (int n = ctx.from; n < firstCandidate; n++) {
                if (!mayAct(n, nonMagnetic.isEmpty())) {
                    continue;
                }
                String line = ctx.line(n);
                int p = trimStart(n);
                if (p < line.length()) {
                    readContext(line, p);
                }
            }
            for (int n = firstCandidate; n <= ctx.to; n++) {
                if (!mayAct(n, nonMagnetic.isEmpty())) {
                    continue;
                }
                String line = ctx.line(n);
                // where line.trim() would start, found without creating the trimmed copy; its end is
                // found only for the few lines that need it
                int p = trimStart(n);
                if (p == line.length()) {
                    continue;
                }
                if (readContext(line, p)) {
                    continue;
                }
                Matcher m;
                // the first character guards every caption test: most lines fail it at once
                char c = line.charAt(p);
                if (c == 'D' && line.startsWith("DOS of component", p)) {
                    if (n < ctx.to && ctx.line(n + 1).trim().startsWith("energy")) {
                        n = transport.pdos(n);
                    } else {
                        int dataEnd = PdosTableReader.dataEnd(ctx, n);
                        dosHeaders.add(new DosReader.Header(n, DosReader.Kind.COMPONENT, dataEnd));
                        n = dataEnd;
                    }
                } else if (c == 't' && isWhole(line, p, "total DOS")) {
                    int dataEnd = PdosTableReader.dataEnd(ctx, n);
                    dosHeaders.add(new DosReader.Header(n, DosReader.Kind.TOTAL, dataEnd));
                    n = dataEnd;
                } else if (c == 'i' && isWhole(line, p, "integrated DOS")) {
                    int dataEnd = PdosTableReader.dataEnd(ctx, n);
                    dosHeaders.add(new DosReader.Header(n, DosReader.Kind.INTEGRATED, dataEnd));
                    n = dataEnd;
                } else if (c == 'd' && line.startsWith("dlimit=", p)) {
                    dlimit = ctx.scalar(line.substring(p + "dlimit=".length(), trimEnd(line)), n, "jij.dlimit");
                } else if (c == 'J' && isWhole(line, p, "J_ij")) {
                    JijReader.Table table = jijReader.readTable(n);
                    jijLine = n;
                    jijBlocks = table.blocks();
                    n = table.next() - 1;
                } else if (c == 'p' && line.startsWith("pair#", p)) {
                    n = jijReader.readPairList(n, pairList);
                } else if (c == 's' && line.startsWith("sublat", p) && line.indexOf("Hmf", p) >= 0) {
                    tcSeen = true;
                    n = readMolecularFields(n, molecularFields);
                } else if (c == 'T' && line.startsWith("Tc (in mean field approximation)", p)) {
                    tcSeen = true;
                    tcLine = n;
                    tc = readTc(n, line.substring(p, trimEnd(line)));
                } else if (c == '*' && isWhole(line, p, "*** vertex correction made")) {
                    n = transport.vertexCorrection(n);
                } else if (c == 'c' && line.startsWith("conductivity component=", p)) {
                    n = transport.conductivity(n);
                } else if (c == 'c' && line.startsWith("cnd", p) && (m = CND.matcher(line.substring(p, trimEnd(line)))).matches()) {
                    transport.spinConductivity(n, Integer.parseInt(m.group(1)));
                } else if (c == 'c' && line.startsWith("cnductivity", p)) {
                    transport.totalConductivity(n);
                } else if (c == 'r' && line.startsWith("resistivity", p)) {
                    transport.resistivity(n);
                } else if (line.length() - p >= FIXED_SPIN_MIN_LENGTH && line.contains(FIXED_SPIN_MOMENT)
                        && line.contains(FIXED_SPIN_FIELD)) {
                    fixedSpin = readFixedSpin(n, line.substring(p, trimEnd(line)));
                }
            }

            Optional<DosResult> dos = new DosReader(ctx, dialect, lmxtyp, nonMagnetic).read(dosHeaders);
            Optional<JijResult> jij = jijLine == 0 ? Optional.empty()
                    : Optional.of(new JijResult(jijLine, dlimit, jijBlocks, pairList));
            Optional<CurieTemperatureResult> curie = Optional.empty();
            if (tcSeen) {
                if (tcLine == 0) {
                    ctx.issue(ctx.to, "tc", ParseIssue.Kind.TRUNCATED, "molecular-field table without a Tc line");
                }
                curie = Optional.of(new CurieTemperatureResult(molecularFields, tc, tcLine));
            } else if (jijLine != 0) {
                ctx.issue(jijLine, "tc", ParseIssue.Kind.MISSING, "J_ij table without a Tc line");
            }
            Optional<TransportResult> cnd = transport.result();
            return new ModeResults(dos, jij, curie, cnd, Optional.ofNullable(fixedSpin), ctx.issues());
        }

        /**
         * False for a line that every test of the loops in {@link #run} would pass over (blank; no
         * caption letter first; no '=' while magtyp is still wanted; too short or without an 'f' for
         * the fixed-spin labels), found by position in the source text so that the String of such a
         * line (the rows between and around the tables) is not made. A superset of the lines the
         * loops act on: keep in step with their tests.
         */
        private boolean mayAct(int n, boolean wantMagtyp) {
            byte[] b = ctx.src.bytes();
            int end = ctx.src.lineEnd(n);
            int p = ctx.src.lineStart(n);
            while (p < end && (b[p] & 0xFF) <= ' ') {
                p++;
            }
            if (p == end) {
                return false;
            }
            String all = ctx.src.text();
            switch ((char) (b[p] & 0xFF)) {
                case 't', 'c', 'D', 'i', 'd', 'J', 'p', 's', 'T', '*', 'r' -> {
                    return true;
                }
                default -> {
                    // the magtyp= and fixed-spin tests look at the whole line, whatever it starts with
                    return (wantMagtyp && all.indexOf('=', p, end) >= 0)
                            || (end - p >= FIXED_SPIN_MIN_LENGTH && all.indexOf('f', p, end) >= 0);
                }
            }
        }

        /** Where {@code String.trim()} would start in line {@code n}, as an offset in the line. */
        private int trimStart(int n) {
            byte[] b = ctx.src.bytes();
            int start = ctx.src.lineStart(n);
            int end = ctx.src.lineEnd(n);
            int i = start;
            while (i < end && (b[i] & 0xFF) <= ' ') {
                i++;
            }
            return i - start;
        }

        /** Where {@code String.trim()} would start: the first character above a blank. */
        private static int trimStart(String line) {
            int i = 0;
            int n = line.length();
            while (i < n && line.charAt(i) <= ' ') {
                i++;
            }
            return i;
        }

        /** Where {@code String.trim()} would end (exclusive). */
        private static int trimEnd(String line) {
            int i = line.length();
            while (i > 0 && line.charAt(i - 1) <= ' ') {
                i--;
            }
            return i;
        }

        /** The end of the leading run of regex {@code \s} characters, as {@code ^\s*} would match. */
        private static int regexSpaceEnd(String line) {
            int i = 0;
            int n = line.length();
            while (i < n && isRegexSpace(line.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean isRegexSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        /** {@code ^\s*(component=|cmpnt\s)}, given the end {@code q} of the leading blanks. */
        private static boolean isComponentLine(String line, int q) {
            if (line.startsWith("component=", q)) {
                return true;
            }
            int after = q + "cmpnt".length();
            return line.startsWith("cmpnt", q) && after < line.length() && isRegexSpace(line.charAt(after));
        }

        /** True when the line trimmed from {@code p} on is exactly {@code text}. */
        private static boolean isWhole(String line, int p, String text) {
            return line.startsWith(text, p) && trimEnd(line) == p + text.length();
        }

        private int readMolecularFields(int header, List<MolecularFieldRow> out) {
            int n = header + 1;
            if (n <= ctx.to && ctx.line(n).trim().matches("-+")) {
                n++;
            }
            for (; n <= ctx.to && PdosTableReader.isNumericLine(ctx.line(n)); n++) {
                List<String> t = RangeContext.tokens(ctx.line(n));
                if (t.size() != 4) {
                    if (n == ctx.to) {
                        ctx.issue(n, "tc.molecularField", ParseIssue.Kind.TRUNCATED, "incomplete last row dropped");
                        n++;
                        break;
                    }
                    throw ctx.error(n, "tc.molecularField", "expected sublat cmpnt Hmf(Ry) Hmf(meV): '"
                            + ctx.line(n).trim() + "'");
                }
                Integer sub = ctx.integerOrNull(t.get(0), n, "tc.molecularField.sublat");
                Integer cmp = ctx.integerOrNull(t.get(1), n, "tc.molecularField.cmpnt");
                double ry = ctx.real(t.get(2), n, "tc.molecularField.Hmf(Ry)");
                double mev = ctx.real(t.get(3), n, "tc.molecularField.Hmf(meV)");
                if (sub == null || cmp == null) {
                    ctx.issue(n, "tc.molecularField", ParseIssue.Kind.OVERFLOW, "row left out: index overflowed");
                    continue;
                }
                out.add(new MolecularFieldRow(n, sub, cmp, ry, mev));
            }
            if (n > ctx.to) {
                ctx.issue(ctx.to, "tc.molecularField", ParseIssue.Kind.TRUNCATED, "the log ends inside the table");
            }
            if (n <= ctx.to && !ctx.isBlank(n) && !ctx.line(n).trim().startsWith("Tc (in mean field")) {
                throw ctx.error(n, "tc.molecularField", "row is neither numbers nor an overflow: '"
                        + ctx.line(n).trim() + "'");
            }
            return n - 1;
        }

        private Optional<Double> readTc(int n, String t) {
            String v = t.substring(t.indexOf('=') + 1).trim();
            if (!v.endsWith("K")) {
                throw ctx.error(n, "tc", "Tc value without the unit K: '" + t + "'");
            }
            return ctx.scalar(v.substring(0, v.length() - 1), n, "tc");
        }

        private FixedSpinResult readFixedSpin(int n, String t) {
            int a = t.indexOf("fixed spin moment=") + "fixed spin moment=".length();
            int b = t.indexOf("field used to fix the spin=");
            if (b < a) {
                throw ctx.error(n, "fsm", "unexpected fixed-spin result line: '" + t + "'");
            }
            Optional<Double> moment = ctx.scalar(t.substring(a, b), n, "fsm.moment");
            Optional<Double> field = ctx.scalar(t.substring(b + "field used to fix the spin=".length()), n,
                    "fsm.field");
            return new FixedSpinResult(n, moment, field);
        }
    }
}
