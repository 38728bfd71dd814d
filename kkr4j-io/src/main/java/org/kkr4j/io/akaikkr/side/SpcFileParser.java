package org.kkr4j.io.akaikkr.side;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.fortran.FortranNumbers;

/**
 * Reads Bloch-spectral-function files ({@code <file>_up.spc}, {@code <file>_dn.spc}) of every AkaiKKR
 * version and write format:
 * <ul>
 *   <li>format (a): optional header, {@code #  A(E,k) for spin = N}, then per k-point a blank line and
 *       rows {@code dist  E−E_F  A} in {@code (1x,3f15.7)};</li>
 *   <li>format (b): one row per k-point, one value per energy, {@code (1x,500f14.7)};</li>
 *   <li>format (c): one row per energy, one value per k-point, {@code (1x,500f14.7)}; a row longer than
 *       500 values continues on the next line. cpa2002v010 overwrites interior symmetry-point columns
 *       and points of the E_F row with the marker 250.0; these become NaN and are listed as markers.</li>
 * </ul>
 * cpa2002v010 writes no header; the 2022.0721 build and the patched 2021 release write
 * {@code ### header for format (a)}, the official 2021+ release {@code ### header for format (c)}.
 * Without a header the format is inferred from the layout (or given by the caller, e.g. from
 * {@code go=spcXY}) and the result says so.
 */
public final class SpcFileParser {

    /** The value cpa2002v010 writes into format (c) to mark symmetry points and E_F. */
    public static final double V010_MARKER = 250.0;

    private static final int WIDTH_A = 15;
    private static final int WIDTH_MATRIX = 14;
    private static final int VALUES_PER_LINE = 500;
    private static final Pattern HEADER = Pattern.compile("^###\\s*header for format \\(([abcABC])\\)\\s*$");
    private static final Pattern END_OF_HEADER = Pattern.compile("^###\\s*end of header\\s*$");
    private static final Pattern SPIN = Pattern.compile("^\\s*#\\s*A\\(E,k\\) for spin\\s*=\\s*(\\S*)\\s*$");
    private static final List<String> COLUMNS_A = List.of("kDistance", "energyRy", "spectralWeight");
    private static final List<String> COLUMNS_MATRIX = List.of("spectralWeight");

    private SpcFileParser() {
    }

    public static SpcFile parse(Path file) {
        return parse(SourceText.read(file));
    }

    /** Parses a file, inferring the format when there is no header. */
    public static SpcFile parse(SourceText src) {
        return parse(src, null);
    }

    /**
     * Parses a file whose write format the caller knows (e.g. {@code SpcFormat.fromWriteDigit(goMode.spcWrite())}).
     * A header or layout that contradicts it is an error. {@code expected} may be null (infer).
     */
    public static SpcFile parse(SourceText src, SpcFormat expected) {
        return new Run(src, expected).parse();
    }

    /**
     * Parses the two files of one run. When both hold data they must have the same format, energies
     * and number of k-points. A missing {@code down} file (some versions write none for a
     * non-magnetic run) gives a down-spin result without data and a {@code MISSING} issue.
     */
    public static SpcPair parsePair(Path up, Path down) {
        SpcFile u = parse(up);
        SpcFile d = Files.exists(down) ? parse(down) : missing(down);
        if (u.hasData() && d.hasData()) {
            if (!u.format().equals(d.format()) || u.kCount() != d.kCount() || u.energyCount() != d.energyCount()) {
                throw new KkrFormatException(d.source(), 0, "spectralWeight", "does not match " + u.source()
                        + ": " + describe(d) + " vs " + describe(u));
            }
        }
        return new SpcPair(u, d);
    }

    /** Some versions write no {@code _dn.spc} at all for a non-magnetic run: no data, said so. */
    private static SpcFile missing(Path file) {
        String name = file.toString();
        return new SpcFile(name, Optional.empty(), true, "file does not exist", OptionalInt.of(2), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of(), OptionalInt.empty(), List.of(), new double[0][],
                List.of(new ParseIssue(name, 0, "spectralWeight", ParseIssue.Kind.MISSING,
                        "no down-spin file (non-magnetic run?)")));
    }

    private static String describe(SpcFile f) {
        return "format " + f.format().map(x -> "(" + x.letter() + ")").orElse("?") + ", " + f.kCount()
                + " k-points x " + f.energyCount() + " energies";
    }

    /** State of one parse. */
    private static final class Run {
        final SourceText src;
        final SpcFormat expected;
        final List<ParseIssue> issues = new ArrayList<>();
        int next = 1;
        SpcHeader header;
        OptionalInt spin = OptionalInt.empty();
        int spinLine;

        Run(SourceText src, SpcFormat expected) {
            this.src = src;
            this.expected = expected;
        }

        SpcFile parse() {
            skipBlank();
            if (next <= src.lineCount() && HEADER.matcher(src.line(next)).matches()) {
                header = readHeader();
                skipBlank();
            }
            if (next <= src.lineCount()) {
                Matcher m = SPIN.matcher(src.line(next));
                if (m.matches()) {
                    spinLine = next;
                    Integer s = FortranNumbers.parseInteger(m.group(1));
                    if (s == null || (s != 1 && s != 2)) {
                        throw error(next, "spin", "spin must be 1 or 2, found '" + m.group(1) + "'");
                    }
                    spin = OptionalInt.of(s);
                    next++;
                }
            }
            checkSpinAgainstName();

            SpcFormat format;
            boolean inferred;
            String evidence;
            if (header != null) {
                format = header.format();
                inferred = false;
                evidence = "header '### header for format (" + format.letter() + ")' on line " + header.firstLine();
                if (expected != null && expected != format) {
                    throw error(header.firstLine(), "format", "header names format (" + format.letter()
                            + ") but format (" + expected.letter() + ") was expected");
                }
                if (format != SpcFormat.A && spinLine > 0) {
                    throw error(spinLine, "format", "a spin line is written only in format (a), but the header names ("
                            + format.letter() + ")");
                }
            } else if (spinLine > 0) {
                format = SpcFormat.A;
                inferred = true;
                evidence = "no header; the line '#  A(E,k) for spin =' (line " + spinLine
                        + ") is written only in format (a)";
                if (expected != null && expected != SpcFormat.A) {
                    throw error(spinLine, "format", "layout is format (a) but format (" + expected.letter()
                            + ") was expected");
                }
            } else if (expected != null) {
                format = expected;
                inferred = true;
                evidence = "no header; format (" + expected.letter() + ") given by the caller";
            } else {
                format = null;
                inferred = true;
                evidence = null;
            }

            if (format == SpcFormat.A) {
                if (spinLine == 0) {
                    throw error(Math.min(next, Math.max(1, src.lineCount())), "spin",
                            "format (a) needs the line '#  A(E,k) for spin = N'");
                }
                return readFormatA(inferred, evidence);
            }
            return readMatrix(format, inferred, evidence);
        }

        private void skipBlank() {
            while (next <= src.lineCount() && src.line(next).isBlank()) {
                next++;
            }
        }

        private void checkSpinAgainstName() {
            String name = src.name() == null ? "" : src.name();
            int byName = name.endsWith("_up.spc") ? 1 : name.endsWith("_dn.spc") ? 2 : 0;
            if (byName == 0) {
                return;
            }
            if (spin.isEmpty()) {
                spin = OptionalInt.of(byName);
            } else if (spin.getAsInt() != byName) {
                issues.add(new ParseIssue(src.name(), spinLine, "spin", ParseIssue.Kind.UNEXPECTED,
                        "the file says spin " + spin.getAsInt() + " but its name says " + (byName == 1 ? "up" : "down")
                                + "; the file's own line is used"));
            }
        }

        // ---- header ---------------------------------------------------------------------------

        private SpcHeader readHeader() {
            int first = next;
            Matcher hm = HEADER.matcher(src.line(first));
            hm.matches();
            SpcFormat format = SpcFormat.valueOf(hm.group(1).toUpperCase(java.util.Locale.ROOT));
            next++;
            int end = -1;
            for (int i = next; i <= src.lineCount(); i++) {
                if (END_OF_HEADER.matcher(src.line(i)).matches()) {
                    end = i;
                    break;
                }
                if (!src.line(i).startsWith("#")) {
                    throw error(i, "header", "header of line " + first + " ends without '### end of header'");
                }
            }
            if (end < 0) {
                throw error(src.lineCount(), "header", "header of line " + first + " ends without '### end of header'");
            }
            if (end == next) {
                throw error(end, "header", "header has no mesh line '# Emin Emax nE nSym'");
            }
            int meshLine = next;
            String mesh = src.line(meshLine).substring(1);
            OptionalDouble eMin;
            OptionalDouble eMax;
            OptionalInt nE;
            OptionalInt nSym;
            String[] tokens = mesh.strip().split("\\s+");
            if (tokens.length == 4 && FortranNumbers.parseReal(tokens[0]) != null
                    && FortranNumbers.parseReal(tokens[1]) != null && FortranNumbers.parseInteger(tokens[2]) != null
                    && FortranNumbers.parseInteger(tokens[3]) != null) {
                eMin = OptionalDouble.of(FortranNumbers.parseReal(tokens[0]));
                eMax = OptionalDouble.of(FortranNumbers.parseReal(tokens[1]));
                nE = OptionalInt.of(FortranNumbers.parseInteger(tokens[2]));
                nSym = OptionalInt.of(FortranNumbers.parseInteger(tokens[3]));
            } else {
                // (a,2e15.7,2i4) after the '#': split by widths so that run-together or overflowed fields are caught
                String padded = mesh.length() < 38 ? String.format("%-38s", mesh) : mesh;
                if (mesh.length() > 38 && !mesh.substring(38).isBlank()) {
                    throw error(meshLine, "header.mesh", "expected '# Emin Emax nE nSym', found '" + src.line(meshLine) + "'");
                }
                eMin = headerReal(meshLine, padded.substring(0, 15), "header.energyMin");
                eMax = headerReal(meshLine, padded.substring(15, 30), "header.energyMax");
                nE = headerInt(meshLine, padded.substring(30, 34), "header.energyCount");
                nSym = headerInt(meshLine, padded.substring(34, 38), "header.symmetryPointCount");
            }
            List<SymmetryPoint> points = new ArrayList<>();
            for (int i = meshLine + 1; i < end; i++) {
                points.addAll(readSymmetryPoints(i));
            }
            if (nSym.isPresent() && nSym.getAsInt() != points.size()) {
                issues.add(new ParseIssue(src.name(), meshLine + 1, "header.symmetryPoints", ParseIssue.Kind.UNEXPECTED,
                        "the header announces " + nSym.getAsInt() + " symmetry points but lists " + points.size()));
            }
            next = end + 1;
            return new SpcHeader(format, eMin, eMax, nE, nSym, points, first);
        }

        private OptionalDouble headerReal(int line, String field, String name) {
            String t = field.strip();
            if (FortranNumbers.isOverflow(t)) {
                issues.add(new ParseIssue(src.name(), line, name, ParseIssue.Kind.OVERFLOW, "'" + t + "'"));
                return OptionalDouble.empty();
            }
            Double v = FortranNumbers.parseReal(t);
            if (v == null) {
                throw error(line, name, "'" + t + "' is not a number");
            }
            return OptionalDouble.of(v);
        }

        private OptionalInt headerInt(int line, String field, String name) {
            String t = field.strip();
            if (FortranNumbers.isOverflow(t)) {
                issues.add(new ParseIssue(src.name(), line, name, ParseIssue.Kind.OVERFLOW, "'" + t + "'"));
                return OptionalInt.empty();
            }
            Integer v = FortranNumbers.parseInteger(t);
            if (v == null || v < 0) {
                throw error(line, name, "'" + t + "' is not a count");
            }
            return OptionalInt.of(v);
        }

        /** {@code #} then entries {@code (i4,1x,a16)}: fixed width, since labels contain blanks and digits. */
        private List<SymmetryPoint> readSymmetryPoints(int line) {
            String text = src.line(line).substring(1);
            List<SymmetryPoint> out = new ArrayList<>();
            for (int start = 0; start < text.length(); start += 21) {
                String chunk = text.substring(start, Math.min(text.length(), start + 21));
                if (chunk.isBlank()) {
                    continue;
                }
                if (chunk.length() < 6) {
                    throw error(line, "header.symmetryPoints", "entry " + (out.size() + 1) + " '" + chunk
                            + "' is cut short (expected i4, a blank and a label)");
                }
                String idx = chunk.substring(0, 4).strip();
                OptionalInt kIndex;
                if (FortranNumbers.isOverflow(idx)) {
                    issues.add(new ParseIssue(src.name(), line, "header.symmetryPoints[" + out.size() + "].kIndex",
                            ParseIssue.Kind.OVERFLOW, "'" + idx + "'"));
                    kIndex = OptionalInt.empty();
                } else {
                    Integer k = FortranNumbers.parseInteger(idx);
                    if (k == null || k < 1 || chunk.charAt(4) != ' ') {
                        throw error(line, "header.symmetryPoints[" + out.size() + "].kIndex", "expected a k-point index in columns "
                                + (start + 2) + "-" + (start + 5) + ", found '" + chunk.substring(0, 5) + "'");
                    }
                    kIndex = OptionalInt.of(k);
                }
                String raw = chunk.substring(5).strip();
                boolean quoted = raw.startsWith("'");
                String label = raw;
                boolean truncated = false;
                if (quoted) {
                    truncated = !(raw.length() >= 4 && raw.startsWith("'(") && raw.endsWith(")'"));
                    label = raw.replace("'", "");
                    if (label.startsWith("(")) {
                        label = label.substring(1);
                    }
                    if (label.endsWith(")")) {
                        label = label.substring(0, label.length() - 1);
                    }
                    label = label.strip();
                    if (truncated) {
                        issues.add(new ParseIssue(src.name(), line, "header.symmetryPoints[" + out.size() + "].label",
                                ParseIssue.Kind.TRUNCATED, "label '" + raw + "' was cut at 16 characters by the writer"));
                    }
                }
                out.add(new SymmetryPoint(kIndex, label, truncated));
            }
            return out;
        }

        /** {@code line.stripLeading().startsWith("#")}, without the stripped copy of every data row. */
        private static boolean isComment(String line) {
            int i = 0;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return i < line.length() && line.charAt(i) == '#';
        }

        // ---- format (a) -----------------------------------------------------------------------

        private SpcFile readFormatA(boolean inferred, String evidence) {
            List<double[]> blocks = new ArrayList<>();
            List<Double> distances = new ArrayList<>();
            double[] energies = null;
            List<double[]> current = new ArrayList<>();
            int blockStart = 0;
            int lastRowLine = 0;
            for (int i = next; i <= src.lineCount() + 1; i++) {
                boolean end = i > src.lineCount();
                String line = end ? "" : src.line(i);
                if (line.isBlank()) {
                    if (!current.isEmpty()) {
                        int expectedCount = energies != null ? energies.length
                                : header != null && header.energyCount().isPresent() ? header.energyCount().getAsInt() : -1;
                        if (expectedCount >= 0 && current.size() != expectedCount) {
                            throw error(lastRowLine, "spectralWeight", "k-point " + (blocks.size() + 1) + " (from line "
                                    + blockStart + ") has " + current.size() + " energies, expected " + expectedCount
                                    + (end ? " (file truncated?)" : ""));
                        }
                        double[] e = new double[current.size()];
                        double[] a = new double[current.size()];
                        for (int r = 0; r < current.size(); r++) {
                            e[r] = current.get(r)[1];
                            a[r] = current.get(r)[2];
                        }
                        if (energies == null) {
                            energies = e;
                        } else if (!Arrays.equals(energies, e)) {
                            issues.add(new ParseIssue(src.name(), blockStart, "energyRy", ParseIssue.Kind.UNEXPECTED,
                                    "k-point " + (blocks.size() + 1) + " lists other energies than k-point 1"));
                        }
                        distances.add(blockDistance(current, blockStart, blocks.size()));
                        blocks.add(a);
                        current = new ArrayList<>();
                    }
                    continue;
                }
                if (isComment(line)) {
                    throw error(i, "spectralWeight", "unexpected comment line in the data: '" + line.strip() + "'");
                }
                FortranRow row = FortranRow.read(src, i, WIDTH_A, 3, COLUMNS_A, issues);
                if (current.isEmpty()) {
                    blockStart = i;
                }
                double[] v = row.values();
                reportCell(row, 1, i, "energyRy");
                if (row.overflowed().get(2)) {
                    issues.add(new ParseIssue(src.name(), i, "spectralWeight", ParseIssue.Kind.OVERFLOW, "field filled with '*'"));
                }
                if (row.overflowed().get(0)) {
                    issues.add(new ParseIssue(src.name(), i, "kDistance", ParseIssue.Kind.OVERFLOW, "field filled with '*'"));
                }
                current.add(new double[] {v[0], v[1], v[2], row.notANumber().get(0) ? 1 : 0, row.notANumber().get(2) ? 1 : 0});
                lastRowLine = i;
            }
            if (blocks.isEmpty()) {
                return noData(SpcFormat.A, inferred, evidence);
            }
            if (header != null) {
                checkHeaderEnergies(energies);
            }
            double[] dist = distances.stream().mapToDouble(Double::doubleValue).toArray();
            return new SpcFile(src.name(), Optional.of(SpcFormat.A), inferred, evidence, spin, Optional.ofNullable(header),
                    Optional.of(energies), Optional.of(dist), header == null ? List.of() : header.symmetryPoints(),
                    List.of(), OptionalInt.empty(), List.of(), blocks.toArray(double[][]::new), issues);
        }

        private double blockDistance(List<double[]> rows, int firstLine, int k) {
            double d = rows.get(0)[0];
            boolean nan = rows.get(0)[3] == 1;
            int nanWeights = 0;
            for (double[] r : rows) {
                nanWeights += (int) r[4];
            }
            if (nanWeights > 0) {
                issues.add(new ParseIssue(src.name(), firstLine, "spectralWeight", ParseIssue.Kind.UNEXPECTED,
                        "k-point " + (k + 1) + ": " + nanWeights + " of " + rows.size() + " values printed as NaN"));
            }
            if (nan) {
                issues.add(new ParseIssue(src.name(), firstLine, "kDistance", ParseIssue.Kind.UNEXPECTED,
                        "k-point " + (k + 1) + ": distance printed as NaN (cpa2002v010 with brvtyp=aux divides by b/a = c/a = 0)"));
            }
            for (int r = 1; r < rows.size(); r++) {
                double x = rows.get(r)[0];
                if (!(Double.compare(x, d) == 0)) {
                    issues.add(new ParseIssue(src.name(), firstLine + r, "kDistance", ParseIssue.Kind.UNEXPECTED,
                            "k-point " + (k + 1) + ": distance changes within the k-point (" + d + " then " + x + ")"));
                    break;
                }
            }
            return d;
        }

        private void reportCell(FortranRow row, int i, int line, String field) {
            if (row.overflowed().get(i)) {
                issues.add(new ParseIssue(src.name(), line, field, ParseIssue.Kind.OVERFLOW, "field filled with '*'"));
            } else if (row.notANumber().get(i)) {
                issues.add(new ParseIssue(src.name(), line, field, ParseIssue.Kind.UNEXPECTED, "printed as NaN"));
            }
        }

        private void checkHeaderEnergies(double[] energies) {
            if (header.energyMinRy().isPresent() && Math.abs(header.energyMinRy().getAsDouble() - energies[0]) > 2e-6) {
                issues.add(new ParseIssue(src.name(), header.firstLine() + 1, "header.energyMin", ParseIssue.Kind.UNEXPECTED,
                        "header gives " + header.energyMinRy().getAsDouble() + ", first data row " + energies[0]));
            }
            if (header.energyMaxRy().isPresent()
                    && Math.abs(header.energyMaxRy().getAsDouble() - energies[energies.length - 1]) > 2e-6) {
                issues.add(new ParseIssue(src.name(), header.firstLine() + 1, "header.energyMax", ParseIssue.Kind.UNEXPECTED,
                        "header gives " + header.energyMaxRy().getAsDouble() + ", last data row " + energies[energies.length - 1]));
            }
        }

        private SpcFile noData(SpcFormat format, boolean inferred, String evidence) {
            String why = format == null ? "empty file" : evidence + "; no data rows";
            return new SpcFile(src.name(), Optional.ofNullable(format), inferred, why, spin, Optional.ofNullable(header),
                    Optional.empty(), Optional.empty(), header == null ? List.of() : header.symmetryPoints(), List.of(),
                    OptionalInt.empty(), List.of(), new double[0][], issues);
        }

        // ---- formats (b) and (c) --------------------------------------------------------------

        private SpcFile readMatrix(SpcFormat format, boolean inferred, String evidence) {
            List<FortranRow> lines = new ArrayList<>();
            List<Integer> lineNos = new ArrayList<>();
            for (int i = next; i <= src.lineCount(); i++) {
                String line = src.line(i);
                if (line.isBlank()) {
                    continue;
                }
                if (isComment(line)) {
                    throw error(i, "spectralWeight", "unexpected comment line in the data: '" + line.strip() + "'");
                }
                lines.add(FortranRow.read(src, i, WIDTH_MATRIX, -1, COLUMNS_MATRIX, issues));
                lineNos.add(i);
            }
            if (lines.isEmpty()) {
                return noData(format, inferred, evidence);
            }
            OptionalInt knownRows = format == SpcFormat.C && header != null ? header.energyCount() : OptionalInt.empty();
            int perRow = linesPerRow(lines, lineNos, knownRows);
            List<double[]> rows = new ArrayList<>();
            List<List<Integer>> overflowCols = new ArrayList<>();
            int width = -1;
            for (int start = 0; start < lines.size(); start += perRow) {
                int count = 0;
                for (int j = start; j < start + perRow; j++) {
                    count += lines.get(j).size();
                }
                if (width < 0) {
                    width = count;
                } else if (count != width) {
                    throw error(lineNos.get(start + perRow - 1), "spectralWeight", "row " + (rows.size() + 1) + " has "
                            + count + " values, expected " + width);
                }
                double[] row = new double[count];
                List<Integer> over = new ArrayList<>();
                int c = 0;
                for (int j = start; j < start + perRow; j++) {
                    FortranRow fr = lines.get(j);
                    for (int x = 0; x < fr.size(); x++, c++) {
                        row[c] = fr.values()[x];
                        if (fr.overflowed().get(x)) {
                            issues.add(new ParseIssue(src.name(), lineNos.get(j), "spectralWeight", ParseIssue.Kind.OVERFLOW,
                                    "value " + (x + 1) + " of the line filled with '*'"));
                        } else if (fr.notANumber().get(x)) {
                            issues.add(new ParseIssue(src.name(), lineNos.get(j), "spectralWeight", ParseIssue.Kind.UNEXPECTED,
                                    "value " + (x + 1) + " of the line printed as NaN"));
                        }
                        if (fr.overflowed().get(x) || fr.notANumber().get(x)) {
                            over.add(c);
                        }
                    }
                }
                rows.add(row);
                overflowCols.add(over);
            }
            if (knownRows.isPresent() && rows.size() != knownRows.getAsInt()) {
                throw error(lineNos.get(lineNos.size() - 1), "spectralWeight", "the header announces "
                        + knownRows.getAsInt() + " energies but the file has " + rows.size() + " rows (truncated?)");
            }

            List<Integer> markerCols = List.of();
            List<Integer> fermiCols = List.of();
            OptionalInt fermiRow = OptionalInt.empty();
            boolean lookForMarkers = header == null && format != SpcFormat.B;
            if (lookForMarkers) {
                markerCols = markerColumns(rows);
                int nkd = Math.max(3, width / 60);
                List<Integer> stride = new ArrayList<>();
                for (int kp = 0; kp < width; kp += nkd) {
                    stride.add(kp);
                }
                List<Integer> fermiRows = new ArrayList<>();
                for (int e = 0; e < rows.size(); e++) {
                    final double[] r = rows.get(e);
                    if (stride.stream().allMatch(kp -> r[kp] == V010_MARKER)
                            && !markerCols.containsAll(stride)) {
                        fermiRows.add(e);
                    }
                }
                if (!fermiRows.isEmpty()) {
                    fermiRow = OptionalInt.of(fermiRows.get(0));
                    fermiCols = stride;
                    if (fermiRows.size() > 1) {
                        issues.add(new ParseIssue(src.name(), lineNos.get(fermiRows.get(1) * perRow), "spectralWeight",
                                ParseIssue.Kind.UNEXPECTED, "several rows carry the E_F marker pattern (rows "
                                        + fermiRows.stream().map(x -> x + 1).toList() + "); all are treated as markers"));
                    }
                    for (int e : fermiRows) {
                        for (int kp : stride) {
                            rows.get(e)[kp] = Double.NaN;
                        }
                    }
                }
                for (double[] r : rows) {
                    for (int kp : markerCols) {
                        r[kp] = Double.NaN;
                    }
                }
                if (format == null) {
                    if (!markerCols.isEmpty() || fermiRow.isPresent()) {
                        format = SpcFormat.C;
                        evidence = "no header; 250.0 markers of cpa2002v010 format (c) found ("
                                + (markerCols.isEmpty() ? "" : markerCols.size() + " symmetry-point columns")
                                + (markerCols.isEmpty() || fermiRow.isEmpty() ? "" : ", ")
                                + (fermiRow.isEmpty() ? "" : "E_F row " + (fermiRow.getAsInt() + 1)) + ")";
                    } else {
                        format = SpcFormat.B;
                        evidence = "no header and no 250.0 markers: format (b) assumed (cpa2002v010 format (c) always"
                                + " marks E_F and interior symmetry points; the 2021 release gives (c) a header)";
                        markerCols = List.of();
                    }
                } else if (format == SpcFormat.B) {
                    markerCols = List.of();
                }
            }
            double[][] matrix;
            if (format == SpcFormat.C) {
                matrix = new double[width][rows.size()];
                for (int e = 0; e < rows.size(); e++) {
                    for (int k = 0; k < width; k++) {
                        matrix[k][e] = rows.get(e)[k];
                    }
                }
            } else {
                matrix = rows.toArray(double[][]::new);
            }
            Optional<double[]> energies = Optional.empty();
            if (format == SpcFormat.C && header != null && header.energyMinRy().isPresent()
                    && header.energyMaxRy().isPresent()) {
                int n = rows.size();
                double lo = header.energyMinRy().getAsDouble();
                double hi = header.energyMaxRy().getAsDouble();
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    e[i] = n == 1 ? lo : lo + i * (hi - lo) / (n - 1);
                }
                energies = Optional.of(e);
            }
            if (header != null) {
                for (SymmetryPoint p : header.symmetryPoints()) {
                    if (p.kIndex().isPresent() && p.kIndex().getAsInt() > matrix.length) {
                        issues.add(new ParseIssue(src.name(), header.firstLine() + 2, "header.symmetryPoints",
                                ParseIssue.Kind.UNEXPECTED, "k index " + p.kIndex().getAsInt() + " beyond the "
                                        + matrix.length + " k-points of the data"));
                    }
                }
            }
            return new SpcFile(src.name(), Optional.of(format), inferred, evidence, spin, Optional.ofNullable(header),
                    energies, Optional.empty(), header == null ? List.of() : header.symmetryPoints(), markerCols,
                    fermiRow, fermiCols, matrix, issues);
        }

        /** Columns (k-points) in which every energy holds the marker. */
        private static List<Integer> markerColumns(List<double[]> rows) {
            List<Integer> cols = new ArrayList<>();
            int width = rows.get(0).length;
            for (int k = 0; k < width; k++) {
                boolean all = true;
                for (double[] r : rows) {
                    if (r[k] != V010_MARKER) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    cols.add(k);
                }
            }
            return cols;
        }

        /**
         * How many physical lines make one logical row: Fortran starts a new line after 500 values, so a
         * row of n values takes ceil(n/500) lines, all but the last holding exactly 500.
         */
        private int linesPerRow(List<FortranRow> lines, List<Integer> lineNos, OptionalInt knownRows) {
            int firstShort = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).size() > VALUES_PER_LINE) {
                    throw error(lineNos.get(i), "spectralWeight", lines.get(i).size() + " values on one line; the writer"
                            + " puts at most " + VALUES_PER_LINE);
                }
                if (firstShort < 0 && lines.get(i).size() < VALUES_PER_LINE) {
                    firstShort = i;
                }
            }
            int perRow;
            if (firstShort >= 0) {
                perRow = firstShort + 1;
            } else if (knownRows.isPresent() && knownRows.getAsInt() > 0 && lines.size() % knownRows.getAsInt() == 0) {
                perRow = lines.size() / knownRows.getAsInt();
            } else {
                perRow = 1;
                issues.add(new ParseIssue(src.name(), lineNos.get(0), "spectralWeight", ParseIssue.Kind.UNEXPECTED,
                        "every line holds exactly " + VALUES_PER_LINE + " values, so wrapped rows cannot be told apart;"
                                + " read as one row per line"));
            }
            if (perRow > 1) {
                for (int start = 0; start < lines.size(); start += perRow) {
                    for (int j = start; j < start + perRow - 1; j++) {
                        if (j >= lines.size() || lines.get(j).size() != VALUES_PER_LINE) {
                            int at = Math.min(j, lines.size() - 1);
                            throw error(lineNos.get(at), "spectralWeight", "wrapped row " + (start / perRow + 1)
                                    + " is broken: line holds " + lines.get(at).size() + " values where "
                                    + VALUES_PER_LINE + " (a full line) were expected");
                        }
                    }
                    if (start + perRow - 1 >= lines.size()) {
                        throw error(lineNos.get(lines.size() - 1), "spectralWeight", "the last row is cut short (file truncated?)");
                    }
                }
            }
            return perRow;
        }

        private KkrFormatException error(int line, String field, String problem) {
            return new KkrFormatException(src.name(), line, field, problem);
        }
    }
}
