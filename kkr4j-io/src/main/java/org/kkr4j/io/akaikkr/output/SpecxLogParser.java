package org.kkr4j.io.akaikkr.output;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.output.modes.ModeBlockParser;
import org.kkr4j.io.akaikkr.output.modes.ModeResults;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.fortran.FixedField;

/**
 * Reads the standard output of specx (every AkaiKKR dialect kkr4j knows) in one pass over the lines.
 *
 * <p>Lines are dispatched on their first non-blank character and a {@code startsWith} of the label;
 * numeric rows (energy mesh, core levels, DOS tables ...) are read only when the preceding label line
 * said what they are, and skipped otherwise. Mode-specific blocks (DOS, J_ij, Tc, cnd, fsm result) are
 * skipped: they stay inside their deck's line range for a separate parser.
 *
 * <p>Outcome of the whole log: OPTION_ERROR when the option reader stopped specx; MODE_NOT_SUPPORTED
 * when there is no deck but a footer; STOPPED_BY_ERROR when a deck (or the preamble) ends with
 * {@code ***err in}; TRUNCATED when a deck is cut short or the footer is missing (except geom runs,
 * which never print one); GEOMETRY_ONLY when every deck is a geom deck; otherwise NOT_CONVERGED when
 * any deck did not converge, CONVERGED when any deck is an SCF deck, else COMPLETED.
 *
 * <p>Garbage (empty file, binary bytes before any specx text, a text file without date, deck or
 * footer) raises {@link KkrFormatException}. Binary bytes after specx text (a file padded with NUL
 * bytes after a crash) end the reading there with an issue, which usually makes the log TRUNCATED.
 */
public final class SpecxLogParser {

    private enum Ctx {
        NONE, MESH_VALUES, ENERGY_MESH, PRIM, RECIP, RMS_CONT, CORE_UP, CORE_DOWN, HF_TOTAL, HF_CORE, DENS_TOTAL,
        DENS_CORE, OCC_UP, OCC_DOWN, STOP_CODE
    }

    private static final List<DialectFamily> ALL_BUT_V010 =
            List.of(DialectFamily.CPA2021V01, DialectFamily.V2022_0721, DialectFamily.V2022_0721_CND);
    private static final List<DialectFamily> V2022_BOTH =
            List.of(DialectFamily.V2022_0721, DialectFamily.V2022_0721_CND);

    private final SourceText text;
    private final String source;
    private final List<ParseIssue> issues = new ArrayList<>();
    private final FieldReader fr;

    // preamble
    private String date;
    private String time;
    private final List<TextLine> debugLines = new ArrayList<>();
    private final List<OptionEcho> preambleOptions = new ArrayList<>();
    private final List<OptionMessage> optionMessages = new ArrayList<>();
    private final List<LogMessage> preambleMessages = new ArrayList<>();
    private final List<DialectEvidence> evidence = new ArrayList<>();

    private final List<Deck> decks = new ArrayList<>();
    private DeckBuilder cur;
    private MeshHeader pendingMesh;
    private int pendingMeshLine;
    private String[] meshLabels;
    private int[] meshLabelEnds;

    private Ctx ctx = Ctx.NONE;
    private int rmsColumn;

    // footer candidate: the trailing run of footer lines
    private int footerStart;
    private Double totalCpu;
    private Double elapsed;
    private Integer threads;
    private String os;
    private String host;
    private String machine;
    private Integer numcor;
    private boolean sawTotalCpu;

    private int lastLine;
    /** Marks (by identity) the stage "SCF iteration n" of a deck, whose text is built only at its end. */
    private static final String SCF_ITERATION = new String("SCF iteration");
    /**
     * Lines on which {@link ModeBlockParser#mayOpenBlock} is true, in order: only the first one
     * after each possible deck start (a mesh header or 'data read in'), which is all
     * {@link #withModeBlocks} needs to know where a deck's mode scan must begin.
     */
    private int[] modeCandidates = new int[8];
    private int modeCandidateCount;
    /** True from a possible deck start until the next candidate line is recorded. */
    private boolean modeCandidateWanted = true;
    private final List<TextLine> brokenIterations = new ArrayList<>();
    private int endOfText;
    private boolean recognised;

    private SpecxLogParser(SourceText text) {
        this.text = text;
        this.source = text.name();
        this.fr = new FieldReader(source, issues);
    }

    /**
     * Parses a specx log. Never fails on a truncated or unconverged log (see {@link SpecxLog#outcome()}
     * and {@link SpecxLog#requireComplete()}).
     *
     * @throws KkrFormatException for an empty file, binary bytes or text that is not a specx log
     */
    public static SpecxLog parse(SourceText log) {
        return new SpecxLogParser(log).run();
    }

    private SpecxLog run() {
        List<String> lines = text.lines();
        // the blank and binary tests and the skip of ignored numeric rows read the text by position,
        // so that no String is made for a line nothing here keeps (blank lines, tables of mode blocks)
        String all = text.text();
        byte[] bytes = text.bytes();
        int n = lines.size();
        boolean anyText = false;
        endOfText = n;
        for (int i = 0; i < n; i++) {
            int no = i + 1;
            int start = text.lineStart(no);
            int end = text.lineEnd(no);
            // a full scan of the first lines catches binary files; later, NUL padding after a crash
            // shows in the first or last character of a line
            int bad = i < FULL_BINARY_SCAN_LINES || suspicious(bytes, start, end) ? binaryColumn(bytes, start, end) : -1;
            if (bad >= 0) {
                if (!recognised) {
                    throw new KkrFormatException(source, no, "log", String.format(
                            "binary byte 0x%02X at column %d: not a specx output", (int) all.charAt(bad), bad - start + 1));
                }
                fr.issue(no, "log", ParseIssue.Kind.UNEXPECTED, String.format(
                        "binary byte 0x%02X at column %d; the %d lines from here on are not read",
                        (int) all.charAt(bad), bad - start + 1, n - i));
                endOfText = i;
                break;
            }
            int q = firstNonBlank(bytes, start, end);
            if (q < 0) {
                if (ctx != Ctx.STOP_CODE) {
                    ctx = Ctx.NONE;
                }
                continue;
            }
            anyText = true;
            lastLine = no;
            if (numericRowInPlace(all, bytes, q, start, end, no) || iterationLineInPlace(all, bytes, q, start, end, no)) {
                // as in handle(): neither is a footer line
                footerStart = 0;
                continue;
            }
            String line = lines.get(i);
            if (modeCandidateWanted && ModeBlockParser.mayOpenBlock(line, trimStart(bytes, q, end) - start)) {
                addModeCandidate(no);
            }
            handle(line, q - start, no);
        }
        if (!anyText) {
            throw new KkrFormatException(source, 0, "log", "empty file: not a specx output");
        }
        if (!recognised) {
            throw new KkrFormatException(source, 1, "log",
                    "not a specx output: no date line, no 'data read in', no option message and no footer");
        }
        return finish();
    }

    /**
     * Handles the line {@code all[start, end)}, whose first non-blank character is at {@code q}, as
     * {@link #handle} would, when it is a numeric row that needs no line String: an energy-mesh row
     * (read by position), or a row that {@link #numericRow} would pass to {@link #preambleDateTime}
     * only to be ignored (after the preamble, outside every numeric context; mostly the tables of
     * mode blocks). False, with nothing done, for any other line. A numeric row is never a
     * mode-block candidate unless it holds an 'f' (the fixed-spin line, the only candidate without a
     * caption), so such rows go the general way.
     */
    private boolean numericRowInPlace(String all, byte[] bytes, int q, int start, int end, int no) {
        int c = bytes[q];
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.')) {
            return false;
        }
        if (modeCandidateWanted && all.indexOf('f', q, end) >= 0) {
            return false;
        }
        switch (ctx) {
            case ENERGY_MESH -> {
                energyMeshRow(all, bytes, start, end, no);
                return true;
            }
            case NONE, PRIM, RECIP, OCC_UP, OCC_DOWN -> {
                return cur != null || !decks.isEmpty();
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Handles an SCF iteration line ({@code itr=} first) as {@link #handle} and {@link #labelLine}
     * would, reading it by position; false, with nothing done, for any other line and in the
     * contexts where labelLine would try the line as a lattice vector first. An iteration line
     * starts with no caption and holds no 'f' unless it is garbled: then it goes the general way,
     * which tests it as a mode-block candidate.
     */
    private boolean iterationLineInPlace(String all, byte[] bytes, int q, int start, int end, int no) {
        if (bytes[q] != 'i' || q + 4 > end || bytes[q + 1] != 't' || bytes[q + 2] != 'r' || bytes[q + 3] != '='
                || ctx == Ctx.PRIM || ctx == Ctx.RECIP) {
            return false;
        }
        // the printed layout holds no 'f' up to the err= field: only that field's text is left to test
        boolean printed = printedIterationLayout(bytes, q, end);
        if (modeCandidateWanted && (printed ? hasF(bytes, q + ITR_ERR + 6, end) : all.indexOf('f', q, end) >= 0)) {
            return false;
        }
        if (printed) {
            itrFields(all, bytes, start, end, q, q + ITR_NEU, q + ITR_MOMENT, q + ITR_TE, q + ITR_ERR, no);
        } else {
            itrLine(all, bytes, start, end, q, no);
        }
        ctx = Ctx.NONE;
        return true;
    }

    /*
     * Where the labels of an iteration line stand after itr= when it is printed by its format
     * (1x,a2,'itr=',i3,' neu=',f10.4,'  moment=',f8.4,'  te=',f16.8,'  err=',f7.3), as every
     * version does.
     */
    private static final int ITR_NEU = 7;
    private static final int ITR_MOMENT = 22;
    private static final int ITR_TE = 39;
    private static final int ITR_ERR = 60;
    /** The labels from itr= to err= at their printed columns; blanks stand for the fields between them. */
    private static final String ITR_LAYOUT = "itr=    neu=            moment=          te=                  err=";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /*
     * The first 64 columns of the layout as eight words read little-endian: the label characters
     * (ITR_WANT where ITR_LABEL has 0xFF), and 0x80 in ITR_FIELD for each column of an i3, f10.4,
     * f8.4 or f16.8 field.
     */
    private static final long[] ITR_WANT = new long[8];
    private static final long[] ITR_LABEL = new long[8];
    private static final long[] ITR_FIELD = new long[8];

    static {
        for (int i = 0; i < 64; i++) {
            int shift = 8 * (i % 8);
            boolean field = (i >= 4 && i < ITR_NEU) || (i >= ITR_NEU + 5 && i < ITR_MOMENT)
                    || (i >= ITR_MOMENT + 9 && i < ITR_TE) || (i >= ITR_TE + 5 && i < ITR_ERR);
            if (field) {
                ITR_FIELD[i / 8] |= 0x80L << shift;
            } else {
                ITR_WANT[i / 8] |= (long) ITR_LAYOUT.charAt(i) << shift;
                ITR_LABEL[i / 8] |= 0xFFL << shift;
            }
        }
    }

    /**
     * True when the line from {@code it} ({@code itr=}) holds each label where the format prints it
     * and no letter (no byte from 'A' on) in the i3, f10.4, f8.4 and f16.8 fields between them.
     * Each label is then the first of its kind after the one before (a match anywhere earlier
     * would need one of its letters in a field or at a label column that holds another character),
     * so the positions are those the label search of {@link #itrLine(String, byte[], int, int,
     * int, int)} finds; and the line holds no 'f' up to the err field. Eight columns at a time.
     */
    static boolean printedIterationLayout(byte[] b, int it, int end) {
        if (end - it < ITR_LAYOUT.length() || b[it + 64] != 'r' || b[it + 65] != '=') {
            return false;
        }
        for (int k = 0; k < 8; k++) {
            long w = (long) LONGS.get(b, it + 8 * k);
            // a byte below 0x80 gets its top bit from the addition exactly when it is 'A' (0x41) or
            // above; a byte from 0x80 on has it already (carries only add flags, never clear one)
            long letters = (w + 0x3F3F3F3F3F3F3F3FL) | w;
            if (((w ^ ITR_WANT[k]) & ITR_LABEL[k]) != 0 || (letters & ITR_FIELD[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasF(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 'f') {
                return true;
            }
        }
        return false;
    }

    private static final int FULL_BINARY_SCAN_LINES = 64;

    // the character tests below read the text one byte per character (SourceText.bytes())

    private static boolean suspicious(byte[] s, int from, int to) {
        return to > from && (isBinary(s[from] & 0xFF) || isBinary(s[to - 1] & 0xFF));
    }

    private static boolean isBinary(int c) {
        return (c < 0x20 && c != '\t' && c != '\f') || (c >= 0x7F && c < 0xA0);
    }

    /** Position of the first binary character of {@code s[from, to)}, -1 when none. */
    private static int binaryColumn(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isBinary(s[i] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where {@code String.trim()} of the line would start: the first character above a blank from
     * {@code from} on (the line's first non-blank, since blanks are below it), {@code to} when none.
     */
    private static int trimStart(byte[] s, int from, int to) {
        while (from < to && (s[from] & 0xFF) <= ' ') {
            from++;
        }
        return from;
    }

    /** Position of the first non-blank character of {@code s[from, to)}, -1 when none. */
    private static int firstNonBlank(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = s[i];
            if (c != ' ' && c != '\t' && c != '\f') {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ dispatch

    private void handle(String line, int p, int no) {
        char c = line.charAt(p);
        boolean footerLine = false;
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.'
                || (c == '*' && ctx != Ctx.NONE && !starLabel(line, p))) {
            // an overflowed first field starts a numeric row with asterisks
            numericRow(line, p, no);
        } else {
            footerLine = labelLine(line, p, c, no);
        }
        if (!footerLine) {
            footerStart = 0;
        }
    }

    private static boolean starLabel(String line, int p) {
        return line.startsWith("***wrn", p) || line.startsWith("***msg", p) || line.startsWith("***err", p)
                || line.startsWith("*** ", p) || line.startsWith("***** ", p) || line.indexOf("itr=", p) >= 0;
    }

    /** Handles a line that starts with a label; returns true when it is a footer line. */
    private boolean labelLine(String line, int p, char c, int no) {
        if (ctx == Ctx.OCC_UP || ctx == Ctx.OCC_DOWN) {
            if (p + 1 < line.length() && line.charAt(p + 1) == ' ' && "spdfgh".indexOf(c) >= 0) {
                occupationRow(line, p, no);
                return false;
            }
        }
        if (ctx == Ctx.PRIM || ctx == Ctx.RECIP) {
            if (vectorRow(line, p, no)) {
                return false;
            }
        }
        Ctx next = Ctx.NONE;
        switch (c) {
            case '*' -> starLine(line, p, no);
            case 'a' -> {
                if (line.startsWith("alpha=", p)) {
                    alpha(line, no);
                } else if (line.startsWith("atoms in the unit cell", p) && cur != null) {
                    cur.stage = "atoms in the unit cell";
                }
            }
            case 'b' -> {
                if (line.startsWith("brvtyp=", p)) {
                    echoLine(line, p, no);
                } else if (line.startsWith("bravais=", p)) {
                    bravais(line, no);
                } else if (line.startsWith("band energy=", p)) {
                    summaryEnergy(line, no);
                }
            }
            case 'c' -> {
                if (line.startsWith("complex energy mesh", p)) {
                    if (cur != null) {
                        cur.echoOpen = false;
                        cur.stage = "complex energy mesh";
                        next = Ctx.ENERGY_MESH;
                    }
                } else if (line.startsWith("component=", p)) {
                    component(line, p, no, false);
                } else if (line.startsWith("cmpnt", p)) {
                    component(line, p, no, true);
                } else if (line.startsWith("core level", p)) {
                    next = line.indexOf("down", p) > 0 ? Ctx.CORE_DOWN : Ctx.CORE_UP;
                } else if (line.startsWith("core contribution", p)) {
                    next = cur != null && cur.comp != null && cur.comp.lastBlockHyperfine ? Ctx.HF_CORE : Ctx.DENS_CORE;
                } else if (line.startsWith("core charge in the muffin-tin sphere", p)) {
                    if (comp(no) != null) {
                        comp(no).coreCharge = fieldBetween(line, no, "=", null, p, "coreChargeInMuffinTin");
                    }
                } else if (line.startsWith("charge density at the nucleus", p)) {
                    next = Ctx.DENS_TOTAL;
                }
            }
            case 'd' -> {
                if (line.startsWith("data read in", p)) {
                    startDeck(no);
                } else if (line.startsWith("debug", p)) {
                    debug(line, p, no);
                }
            }
            case 'e' -> {
                if (line.startsWith("edelt=", p)) {
                    echoLine(line, p, no);
                } else if (line.startsWith("ew=", p)) {
                    energyWindow(line, no);
                } else if (line.startsWith("ef=", p)) {
                    fermi(line, no);
                } else if (line.startsWith("elapsed time", p)) {
                    footerElapsed(line, no);
                    return true;
                }
            }
            case 'f' -> {
                if (line.startsWith("file to be accessed=", p)) {
                    if (cur != null) {
                        cur.echoOpen = false;
                        cur.fileAccessed = line.substring(p + "file to be accessed=".length()).trim();
                        cur.stage = "setup before the lattice";
                    }
                } else if (line.startsWith("fixed spin moment=", p)) {
                    if (cur != null && cur.iterations.isEmpty() && cur.fixedSpinMoment == null) {
                        cur.fixedSpinMoment = fieldBetween(line, no, "=", null, p, "fixedSpinMoment");
                        cur.fixedSpinMomentLine = no;
                    }
                } else if (line.startsWith("failed to read", p)) {
                    optionMessage(line, p, no, OptionMessage.Kind.MISSING_END_OPTION);
                    next = Ctx.STOP_CODE;
                }
            }
            case 'g' -> {
                if (line.startsWith("go=", p)) {
                    echoLine(line, p, no);
                }
            }
            case 'h' -> {
                if (line.startsWith("hyperfine field", p)) {
                    next = Ctx.HF_TOTAL;
                }
            }
            case 'i' -> {
                if (line.startsWith("itr=", p)) {
                    itrLine(no, p);
                } else if (line.startsWith("interval=", p)) {
                    interval(line, no);
                }
            }
            case 'l' -> {
                if (line.startsWith("last=", p)) {
                    bzMesh(line, no);
                } else if (line.startsWith("lattice constant", p) && cur != null) {
                    cur.echoOpen = false;
                    cur.stage = "lattice";
                }
            }
            case 'm' -> {
                if (line.startsWith("meshr", p)) {
                    meshHeaderLabels(line, no);
                    next = Ctx.MESH_VALUES;
                } else if (line.startsWith("magtyp=", p) || line.startsWith("maxitr=", p)) {
                    echoLine(line, p, no);
                } else if (line.startsWith("magnetization=", p)) {
                    magnetization(line, no);
                }
            }
            case 'n' -> {
                if (line.startsWith("ntyp=", p)) {
                    echoLine(line, p, no);
                } else if (line.startsWith("nfa=", p)) {
                    foldNumbers(line, no);
                } else if (line.startsWith("numcor:", p)) {
                    markFooter(no);
                    numcor = fr.integer(line, p + 7, line.length(), no, "footer.numcor");
                    return true;
                }
            }
            case 'o' -> {
                if (line.startsWith("optnwrt:", p)) {
                    optionEcho(line, p, no);
                } else if (line.startsWith("orbital occupation", p)) {
                    next = line.indexOf("down", p) > 0 ? Ctx.OCC_DOWN : Ctx.OCC_UP;
                    if (comp(no) != null) {
                        (next == Ctx.OCC_UP ? comp(no).occUp : comp(no).occDown).clear();
                    }
                } else if (line.startsWith("orbital current", p)) {
                    if (comp(no) != null) {
                        List<FixedField> f = fr.fields(FieldReader.between(line, "=", null, p), 2, no, "orbitalCurrent");
                        comp(no).orbitalCurrentUp = f.get(0);
                        comp(no).orbitalCurrentDown = f.get(1);
                    }
                }
            }
            case 'p' -> {
                if (line.startsWith("position=", p)) {
                    position(line, no);
                } else if (line.startsWith("preta=", p)) {
                    ewald(line, no);
                } else if (line.startsWith("primitive translation vectors", p)) {
                    vectorCaption(line, no);
                    next = Ctx.PRIM;
                }
            }
            case 'r' -> {
                if (line.startsWith("record=", p)) {
                    echoLine(line, p, no);
                } else if (line.startsWith("rms err=", p)) {
                    rms(line, p, no);
                    next = Ctx.RMS_CONT;
                } else if (line.startsWith("rmt(", p)) {
                    rmtEcho(line, no);
                } else if (line.startsWith("reciprocal lattice vectors", p)) {
                    next = Ctx.RECIP;
                }
            }
            case 's' -> {
                if (line.startsWith("sdftyp=", p)) {
                    scfSettings(line, no);
                } else if (line.startsWith("spin moment=", p)) {
                    if (comp(no) != null) {
                        comp(no).spinMoment = fieldBetween(line, no, "spin moment=", "orbital moment=", p,
                                "spinMoment");
                        comp(no).orbitalMoment = fieldBetween(line, no, "orbital moment=", null, p,
                                "orbitalMoment");
                    }
                } else if (line.startsWith("sbtime report", p)) {
                    if (cur != null) {
                        cur.sbtime = no;
                        cur.closeComponent(no - 1);
                        cur.stage = "sbtime report";
                    }
                }
            }
            case 't' -> {
                if (line.startsWith("type=", p)) {
                    siteType(line, p, no);
                } else if (line.startsWith("total charge=", p)) {
                    totalCharge(line, p, no);
                } else if (line.startsWith("total energy=", p)) {
                    summaryEnergy(line, no);
                } else if (line.startsWith("total cpu", p)) {
                    markFooter(no);
                    totalCpu = seconds(FieldReader.between(line, "total cpu", "sec", p), no, "footer.totalCpu");
                    sawTotalCpu = true;
                    return true;
                } else if (line.startsWith("type of site", p) && cur != null) {
                    cur.stage = "type of site";
                }
            }
            case 'u' -> {
                if (line.startsWith("unit cell volume=", p)) {
                    if (cur != null && cur.lattice != null) {
                        cur.lattice.volume = fieldBetween(line, no, "unit cell volume=", "(", p,
                                "lattice.unitCellVolume");
                    }
                } else if (line.startsWith("unknown token:", p)) {
                    optionMessage(line, p, no, OptionMessage.Kind.UNKNOWN_TOKEN);
                    next = Ctx.STOP_CODE;
                } else if (line.startsWith("unknown array label", p)) {
                    optionMessage(line, p, no, OptionMessage.Kind.UNKNOWN_ARRAY_LABEL);
                }
            }
            case 'v' -> {
                if (line.startsWith("valence charge in the cell", p)) {
                    valenceCharge(line, p, no);
                } else if (line.startsWith("volume filling=", p)) {
                    if (cur != null && cur.lattice != null) {
                        cur.lattice.filling = fieldBetween(line, no, "volume filling=", "%", p,
                                "lattice.volumeFilling");
                    }
                }
            }
            case 'H' -> {
                if (line.startsWith("Host:", p)) {
                    markFooter(no);
                    host = line.substring(p + 5).trim();
                    return true;
                }
            }
            case 'M' -> {
                if (line.startsWith("Machine:", p)) {
                    markFooter(no);
                    machine = line.substring(p + 8).trim();
                    return true;
                }
            }
            case 'O' -> {
                if (line.startsWith("OS:", p)) {
                    markFooter(no);
                    os = line.substring(p + 3).trim();
                    evidence(no, "OS footer", List.of(DialectFamily.CPA2021V01));
                    return true;
                }
            }
            case 'S' -> {
                if (line.startsWith("STOP", p) && line.indexOf("geom", p) > 0 && cur != null) {
                    cur.geomStop = no;
                }
            }
            default -> {
                // a label kkr4j does not read here (symop, DOS headers, J_ij tables ...)
            }
        }
        ctx = next;
        return false;
    }

    /** The date ({@code 24-Sep-2026}) and time ({@code 11:15:03}) lines that open every log. */
    private void preambleDateTime(String line) {
        if (cur != null || !decks.isEmpty()) {
            return;
        }
        String t = line.trim();
        if (date == null) {
            int dash = t.indexOf('-');
            if (t.length() >= 10 && t.length() <= 11 && dash > 0 && dash < 3 && t.charAt(t.length() - 5) == '-') {
                date = t;
                recognised = true;
            }
        } else if (time == null && t.length() == 8 && t.charAt(2) == ':' && t.charAt(5) == ':') {
            time = t;
        }
    }

    private void numericRow(String line, int p, int no) {
        switch (ctx) {
            case MESH_VALUES -> meshValues(line, no);
            case ENERGY_MESH -> energyMeshRow(text.text(), text.bytes(), text.lineStart(no), text.lineEnd(no), no);
            case RMS_CONT -> rmsContinuation(line, no);
            case CORE_UP, CORE_DOWN -> coreLevels(line, no, ctx == Ctx.CORE_UP);
            case HF_TOTAL -> hyperfineTotal(line, no);
            case HF_CORE -> shellRow(line, no, true);
            case DENS_TOTAL -> densityTotal(line, no);
            case DENS_CORE -> shellRow(line, no, false);
            case STOP_CODE -> {
                Integer code = FieldReader.strictReal(line.trim()) == null ? null
                        : fr.integer(line.trim(), no, "option.stopCode");
                if (!optionMessages.isEmpty() && code != null) {
                    OptionMessage m = optionMessages.remove(optionMessages.size() - 1);
                    optionMessages.add(new OptionMessage(m.line(), m.kind(), m.text(), code));
                }
                ctx = Ctx.NONE;
            }
            default -> preambleDateTime(line);
        }
    }

    // ------------------------------------------------------------------ preamble, decks

    private void debug(String line, int p, int no) {
        String t = line.substring(p).stripTrailing();
        if (cur == null) {
            debugLines.add(new TextLine(no, t));
        }
        recognised = true;
        if (t.startsWith("debug bnd2_type")) {
            evidence(no, "debug bnd2_type line", V2022_BOTH);
        } else if (t.startsWith("debug spmain")) {
            evidence(no, "debug spmain line (cnd build)", List.of(DialectFamily.V2022_0721_CND));
        }
    }

    private void optionEcho(String line, int p, int no) {
        String rest = line.substring(p + "optnwrt:".length()).trim();
        int sp = rest.indexOf(' ');
        OptionEcho e = sp < 0 ? new OptionEcho(no, rest, "") : new OptionEcho(no, rest.substring(0, sp), rest.substring(sp).trim());
        if (cur == null) {
            preambleOptions.add(e);
        } else {
            cur.options.add(e);
        }
        recognised = true;
        evidence(no, "optnwrt: option echo", ALL_BUT_V010);
    }

    private void optionMessage(String line, int p, int no, OptionMessage.Kind kind) {
        optionMessages.add(new OptionMessage(no, kind, line.substring(p).stripTrailing(), null));
        recognised = true;
        evidence(no, "option reader message", ALL_BUT_V010);
    }

    private void meshHeaderLabels(String line, int no) {
        List<String> labels = FieldReader.tokens(line);
        meshLabels = labels.toArray(new String[0]);
        meshLabelEnds = new int[meshLabels.length];
        int from = 0;
        for (int i = 0; i < meshLabels.length; i++) {
            int at = line.indexOf(meshLabels[i], from);
            meshLabelEnds[i] = at + meshLabels[i].length();
            from = meshLabelEnds[i];
        }
        pendingMeshLine = no;
        pendingMesh = new MeshHeader(no, null, null, null, null);
        modeCandidateWanted = true;
        recognised = true;
    }

    private void meshValues(String line, int no) {
        ctx = Ctx.NONE;
        if (meshLabels == null || meshLabels.length != 4) {
            fr.issue(no, "meshHeader", ParseIssue.Kind.UNEXPECTED, "header does not have the four labels meshr mse ng mxl");
            return;
        }
        Integer[] v = new Integer[4];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int end = Math.min(meshLabelEnds[i], line.length());
            String raw = start < end ? line.substring(start, end) : "";
            v[i] = fr.integer(raw, no, "meshHeader." + meshLabels[i]);
            start = end;
        }
        if (start < line.length() && !line.substring(start).isBlank()) {
            fr.issue(no, "meshHeader", ParseIssue.Kind.UNEXPECTED, "text after the mxl column: '" + line.substring(start).trim() + "'");
        }
        pendingMesh = new MeshHeader(pendingMeshLine, v[0], v[1], v[2], v[3]);
    }

    private void startDeck(int no) {
        int first = no;
        MeshHeader mesh = null;
        if (pendingMesh != null && (cur == null || pendingMeshLine > cur.dataLine)) {
            first = pendingMeshLine;
            mesh = pendingMesh;
        }
        if (cur != null) {
            decks.add(cur.build(first - 1, true, false));
        }
        pendingMesh = null;
        modeCandidateWanted = true;
        cur = new DeckBuilder(decks.size(), first, no, mesh);
        recognised = true;
    }

    private LogMessage message(String line, int p, LogMessage.Kind kind, int no) {
        int in = line.indexOf(" in ", p);
        int dots = line.indexOf("...", p);
        String routine = null;
        String msg;
        if (in >= 0 && dots > in) {
            routine = line.substring(in + 4, dots).trim();
            msg = line.substring(dots + 3).trim();
        } else {
            msg = line.substring(p + 6).trim();
        }
        LogMessage m = new LogMessage(no, kind, routine, msg);
        if (cur != null) {
            cur.messages.add(m);
            if (kind == LogMessage.Kind.ERROR && cur.errorStop == null) {
                cur.errorStop = m;
            }
        } else {
            preambleMessages.add(m);
        }
        recognised = true;
        return m;
    }

    private void starLine(String line, int p, int no) {
        if (line.startsWith("***wrn", p)) {
            message(line, p, LogMessage.Kind.WARNING, no);
        } else if (line.startsWith("***msg", p)) {
            message(line, p, LogMessage.Kind.MESSAGE, no);
        } else if (line.startsWith("***err", p)) {
            message(line, p, LogMessage.Kind.ERROR, no);
        } else if (line.startsWith("*** no convergence", p)) {
            if (cur != null) {
                cur.noConvergence = no;
            }
        } else if (line.startsWith("*** type-", p)) {
            componentHeader(line, p, no);
        } else if (line.startsWith("***** self-consistent iteration starts", p)) {
            if (cur != null) {
                cur.scfStart = no;
                cur.stage = "start of the SCF loop";
            }
        } else {
            int it = line.indexOf("itr=", p);
            if (it >= 0 && it - p <= 2) {
                itrLine(no, it);
            }
        }
    }

    // ------------------------------------------------------------------ input echo

    private void echoLine(String line, int p, int no) {
        if (cur == null || !cur.echoOpen) {
            return;
        }
        DeckBuilder d = cur;
        if (line.startsWith("go=", p)) {
            goEcho(line, p, no);
        } else if (line.startsWith("brvtyp=", p)) {
            d.brvtyp = FieldReader.wordAfter(line, "brvtyp=");
            d.echoA = fieldBetween(line, no, " a=", " c/a=", p, "input.a");
            d.echoCa = fieldBetween(line, no, "c/a=", " b/a=", p, "input.c/a");
            d.echoBa = fieldBetween(line, no, "b/a=", null, p, "input.b/a");
        } else if (line.startsWith("edelt=", p)) {
            d.edelt = fieldBetween(line, no, "edelt=", " ewidth=", p, "input.edelt");
            d.ewidth = fieldBetween(line, no, "ewidth=", " reltyp=", p, "input.ewidth");
            d.reltyp = FieldReader.wordAfter(line, "reltyp=");
            d.sdftyp = FieldReader.wordAfter(line, "sdftyp=");
        } else if (line.startsWith("magtyp=", p)) {
            d.magtyp = FieldReader.wordAfter(line, "magtyp=");
            if (line.indexOf("record=", p) < 0) {
                evidence(no, "magtyp alone on its line", List.of(DialectFamily.CPA2002V010));
            } else {
                recordLine(line, no);
                evidence(no, "magtyp and record on one line", ALL_BUT_V010);
            }
        } else if (line.startsWith("record=", p)) {
            recordLine(line, no);
        } else if (line.startsWith("maxitr=", p)) {
            d.maxitr = fieldBetween(line, no, "maxitr=", " pmix=", p, "input.maxitr");
            int mix = line.indexOf("mixtyp=", p);
            d.pmix = fieldBetween(line, no, "pmix=", mix < 0 ? null : " mixtyp=", p, "input.pmix");
            if (mix >= 0) {
                d.mixtyp = FieldReader.wordAfter(line, "mixtyp=");
                evidence(no, "mixtyp=", ALL_BUT_V010);
            } else {
                evidence(no, "pmix= without mixtyp=", List.of(DialectFamily.CPA2002V010));
            }
        } else if (line.startsWith("ntyp=", p)) {
            d.ntyp = fieldBetween(line, no, "ntyp=", " natm=", p, "input.ntyp");
            d.natm = fieldBetween(line, no, "natm=", " ncmpx=", p, "input.natm");
            d.ncmpx = fieldBetween(line, no, "ncmpx=", null, p, "input.ncmpx");
        }
        d.stage = "input echo";
    }

    private void recordLine(String line, int no) {
        cur.record = FieldReader.wordAfter(line, "record=");
        cur.outtyp = FieldReader.wordAfter(line, "outtyp=");
        cur.bzqlty = FieldReader.wordAfter(line, "bzqlty=");
    }

    private void goEcho(String line, int p, int no) {
        DeckBuilder d = cur;
        int fileAt = line.indexOf("file=", p);
        int valueStart = p + 3;
        String raw = fileAt < 0 ? line.substring(valueStart) : line.substring(valueStart, fileAt);
        d.goText = raw.trim();
        d.goWidth = fileAt < 0 ? 0 : fileAt - valueStart - 2;
        d.potentialFile = fileAt < 0 ? null : line.substring(fileAt + 5).trim();
        if (d.goWidth == 3) {
            evidence(no, "go= echo 3 characters wide", List.of(DialectFamily.CPA2002V010, DialectFamily.CPA2021V01));
        } else if (d.goWidth == 6) {
            evidence(no, "go= echo 6 characters wide", V2022_BOTH);
        }
        String t = d.goText.toLowerCase(java.util.Locale.ROOT);
        d.goTruncated = d.goWidth == 3 && t.length() >= 3;
        if (d.goTruncated) {
            // a full three-letter mode is not cut; spc/geo/j.. may be
            switch (t) {
                case "dos", "dsp", "fsm", "log", "mcd", "xmd", "cnd", "sbk" -> d.goTruncated = false;
                default -> {
                    // keep truncated
                }
            }
        }
        GoMode mode = GoMode.parse(t).orElse(null);
        if (d.goTruncated) {
            d.goMode = null;
            if (t.startsWith("spc")) {
                d.goKind = GoMode.Kind.SPC;
            } else if (t.startsWith("geo")) {
                d.goKind = GoMode.Kind.GEOM;
            } else if (t.startsWith("j")) {
                d.goKind = GoMode.Kind.J;
            } else {
                d.goKind = mode == null ? null : mode.kind();
            }
        } else {
            d.goMode = mode;
            d.goKind = mode == null ? null : mode.kind();
            if (mode == null) {
                fr.issue(no, "input.go", ParseIssue.Kind.UNEXPECTED, "'" + d.goText + "' is not a go mode kkr4j knows");
            }
        }
    }

    // ------------------------------------------------------------------ lattice, types, atoms

    private void alpha(String line, int no) {
        if (cur == null || !cur.setupOpen()) {
            return;
        }
        if (cur.lattice != null && cur.lattice.alpha == null && !cur.echoOpen) {
            LatticeBuilder l = cur.lattice;
            l.alpha = fieldBetween(line, no, "alpha=", " beta=", 0, "lattice.alpha");
            l.beta = fieldBetween(line, no, "beta=", " gamma=", 0, "lattice.beta");
            l.gamma = fieldBetween(line, no, "gamma=", null, 0, "lattice.gamma");
        } else if (cur.echoOpen) {
            cur.echoAlpha = fieldBetween(line, no, "alpha=", " beta=", 0, "input.alpha");
            cur.echoBeta = fieldBetween(line, no, "beta=", " gamma=", 0, "input.beta");
            cur.echoGamma = fieldBetween(line, no, "gamma=", null, 0, "input.gamma");
        }
    }

    private void bravais(String line, int no) {
        if (cur == null || !cur.setupOpen()) {
            return;
        }
        cur.echoOpen = false;
        LatticeBuilder l = new LatticeBuilder();
        l.line = no;
        l.bravais = FieldReader.wordAfter(line, "bravais=");
        l.a = fieldBetween(line, no, " a=", " c/a=", 0, "lattice.a");
        l.ca = fieldBetween(line, no, "c/a=", " b/a=", 0, "lattice.c/a");
        l.ba = fieldBetween(line, no, "b/a=", null, 0, "lattice.b/a");
        cur.lattice = l;
        cur.stage = "lattice";
    }

    private void vectorCaption(String line, int no) {
        if (line.contains("(in unit of a)")) {
            evidence(no, "(in unit of a)", List.of(DialectFamily.CPA2002V010));
        } else if (line.contains("(in units of a)")) {
            evidence(no, "(in units of a)", ALL_BUT_V010);
        }
    }

    /** Reads {@code a=( x y z)} / {@code ga=( ...)} rows; false when the line is not one. */
    private boolean vectorRow(String line, int p, int no) {
        if (cur == null || cur.lattice == null || !cur.setupOpen()) {
            return false;
        }
        boolean prim = ctx == Ctx.PRIM;
        int row;
        String[] names = prim ? new String[] {"a=(", "b=(", "c=("} : new String[] {"ga=(", "gb=(", "gc=("};
        for (row = 0; row < 3; row++) {
            if (line.startsWith(names[row], p)) {
                break;
            }
        }
        if (row == 3) {
            return false;
        }
        int open = p + names[row].length();
        int close = line.indexOf(')', open);
        String inner = close < 0 ? null : line.substring(open, close);
        double[] v = fr.vector(inner, 3, 9, no, (prim ? "lattice.primitiveVector" : "lattice.reciprocalVector") + row);
        double[][] target = prim ? cur.lattice.prim : cur.lattice.recip;
        target[row] = v;
        return true;
    }

    private void siteType(String line, int p, int no) {
        if (cur == null || !cur.setupOpen()) {
            return;
        }
        int nameStart = p + 5;
        int rmtAt = line.indexOf("rmt=", nameStart);
        if (rmtAt < 0) {
            fr.issue(no, "type", ParseIssue.Kind.UNEXPECTED, "no rmt= on the type line");
            return;
        }
        String name = line.substring(nameStart, rmtAt).trim();
        int width = rmtAt - nameStart - 2;
        if (width == 40) {
            evidence(no, "type name field 40 characters wide", V2022_BOTH);
        } else if (width == 8) {
            evidence(no, "type name field 8 characters wide",
                    List.of(DialectFamily.CPA2002V010, DialectFamily.CPA2021V01));
        } else if (width == name.length() && width > 0) {
            // cpa2002v010 pads every name to 8 characters, 2022.0721 to 40; the patched 2021 build does not pad
            evidence(no, "type name not padded", List.of(DialectFamily.CPA2021V01));
        }
        SiteTypeBuilder t = new SiteTypeBuilder();
        t.line = no;
        t.name = name;
        t.width = width;
        t.rmt = fieldBetween(line, no, "rmt=", " field=", p, "type.rmt");
        t.field = fieldBetween(line, no, "field=", " lmxtyp=", p, "type.field");
        t.lmxtyp = fieldBetween(line, no, "lmxtyp=", null, p, "type.lmxtyp");
        cur.types.add(t);
        cur.stage = "type of site";
    }

    private void component(String line, int p, int no, boolean cnd) {
        if (cur == null || !cur.setupOpen() || cur.types.isEmpty()) {
            return;
        }
        SiteTypeBuilder t = cur.types.get(cur.types.size() - 1);
        Integer index;
        double[] dsp = null;
        FixedField anclr;
        FixedField conc;
        if (cnd) {
            index = fr.integer(FieldReader.between(line, "cmpnt", " dsp=", p), no, "type.component.index");
            dsp = fr.vector(FieldReader.between(line, "dsp=", " anclr=", p), 3, -1, no, "type.component.displacement");
            anclr = fieldBetween(line, no, "anclr=", " x=", p, "type.component.anclr");
            conc = fieldBetween(line, no, " x=", null, p, "type.component.x");
            evidence(no, "cmpnt n dsp= component line", List.of(DialectFamily.V2022_0721_CND));
        } else {
            index = fr.integer(FieldReader.between(line, "component=", " anclr=", p), no, "type.component.index");
            anclr = fieldBetween(line, no, "anclr=", " conc=", p, "type.component.anclr");
            conc = fieldBetween(line, no, "conc=", null, p, "type.component.conc");
        }
        if (anclr != null && anclr.raw().endsWith(".")) {
            evidence(no, "anclr= printed f5.0", List.of(DialectFamily.CPA2002V010));
        }
        t.components.add(new TypeComponent(no, index == null ? t.components.size() + 1 : index, dsp, anclr, conc));
    }

    private void position(String line, int no) {
        if (cur == null || !cur.setupOpen()) {
            return;
        }
        int typeAt = line.indexOf("type=");
        String coords = FieldReader.between(line, "position=", "  type=", 0);
        double[] v = fr.vector(coords, 3, 13, no, "atom.position");
        String name = typeAt < 0 ? null : line.substring(typeAt + 5).trim();
        if (name == null) {
            fr.issue(no, "atom.type", ParseIssue.Kind.MISSING, "no type= on the position line");
        }
        cur.atoms.add(new AtomSite(no, v, name));
        cur.stage = "atoms in the unit cell";
    }

    private void rmtEcho(String line, int no) {
        if (cur == null) {
            return;
        }
        int from = 0;
        while (true) {
            int at = line.indexOf("rmt(", from);
            if (at < 0) {
                break;
            }
            int eq = line.indexOf(")=", at);
            if (eq < 0) {
                break;
            }
            int next = line.indexOf("rmt(", eq);
            String raw = next < 0 ? line.substring(eq + 2) : line.substring(eq + 2, next);
            cur.rmt.add(fr.field(raw, no, "input.rmt"));
            from = eq + 2;
        }
    }

    // ------------------------------------------------------------------ setup lines

    /**
     * Reads the mesh points of the line {@code line[from, to)} of the source text, whose characters
     * are also {@code bytes[from, to)}.
     */
    private void energyMeshRow(String line, byte[] bytes, int from, int to, int no) {
        if (cur == null) {
            return;
        }
        while (from < to) {
            int open = line.indexOf('(', from, to);
            if (open < 0) {
                break;
            }
            int close = line.indexOf(')', open, to);
            int comma = line.indexOf(',', open, to);
            if (close < 0 || comma < 0 || comma > close) {
                fr.issue(no, "energyMesh", ParseIssue.Kind.UNEXPECTED, "unbalanced mesh entry");
                return;
            }
            Integer k = fr.integer(line, bytes, from, open, no, "energyMesh.index");
            // only the numbers are kept: read in place (NaN: unreadable or overflowed, reported)
            double re = fr.realOrNaN(line, bytes, open + 1, comma, no, "energyMesh.re");
            double im = fr.realOrNaN(line, bytes, comma + 1, close, no, "energyMesh.im");
            if (k != null && !Double.isNaN(re) && !Double.isNaN(im)) {
                cur.meshPoints.add(new EnergyMeshPoint(k, re, im));
            }
            from = close + 1;
        }
    }

    /**
     * {@code fr.field(FieldReader.between(line, label, next, from), no, name)} for {@code line}, the
     * text of line {@code no}: the field is read from the source bytes, and only the text the
     * FixedField keeps becomes a String.
     */
    private FixedField fieldBetween(String line, int no, String label, String next, int from, String name) {
        int i = line.indexOf(label, from);
        int end = -1;
        if (i >= 0) {
            end = next == null ? line.length() : line.indexOf(next, i + label.length());
        }
        if (end < 0) {
            return fr.field(null, no, name);
        }
        return fieldAt(no, i + label.length(), end, name, null);
    }

    /** {@code fr.field(line, from, to, no, name, suffix)} of the text of line {@code no}, read from the source bytes. */
    private FixedField fieldAt(int no, int from, int to, String name, String suffix) {
        int base = text.lineStart(no);
        return fr.field(text.text(), text.bytes(), base + from, base + to, no, name, suffix);
    }

    private void energyWindow(String line, int no) {
        if (cur == null) {
            return;
        }
        cur.windows.add(new EnergyWindow(no, fieldBetween(line, no, "ew=", " ez=", 0, "ew"),
                fieldBetween(line, no, "ez=", null, 0, "ez"), cur.iterations.size()));
    }

    private void ewald(String line, int no) {
        if (cur == null) {
            return;
        }
        cur.ewald.add(new EwaldParameters(no, fieldBetween(line, no, "preta=", " eta=", 0, "preta"),
                fieldBetween(line, no, " eta=", null, 0, "eta")));
    }

    private void bzMesh(String line, int no) {
        if (cur == null) {
            return;
        }
        String ntLabel;
        Integer nt;
        Integer np = fr.integer(FieldReader.between(line, "np=", " n", 0), no, "bz.np");
        if (line.contains("ngpt=")) {
            ntLabel = "ngpt";
            nt = fr.integer(FieldReader.between(line, "ngpt=", " nrpt=", 0), no, "bz.ngpt");
            evidence(no, "ngpt= on the BZ line", List.of(DialectFamily.CPA2021V01));
        } else {
            ntLabel = "nt";
            nt = fr.integer(FieldReader.between(line, " nt=", " nrpt=", 0), no, "bz.nt");
            evidence(no, "nt= on the BZ line", List.of(DialectFamily.CPA2002V010, DialectFamily.V2022_0721,
                    DialectFamily.V2022_0721_CND));
        }
        boolean hasNd = line.contains(" nd=");
        cur.bz.add(new BrillouinZoneMesh(no, fr.integer(FieldReader.between(line, "last=", " np=", 0), no, "bz.last"), np,
                nt, ntLabel, fr.integer(FieldReader.between(line, "nrpt=", " nk=", 0), no, "bz.nrpt"),
                fr.integer(FieldReader.between(line, " nk=", hasNd ? " nd=" : null, 0), no, "bz.nk"),
                hasNd ? fr.integer(FieldReader.between(line, " nd=", null, 0), no, "bz.nd") : null));
    }

    private void foldNumbers(String line, int no) {
        if (cur == null) {
            return;
        }
        cur.fold = new FoldNumbers(no, fr.integer(FieldReader.between(line, "nfa=", " nfb=", 0), no, "nfa"),
                fr.integer(FieldReader.between(line, "nfb=", " nfc=", 0), no, "nfb"),
                fr.integer(FieldReader.between(line, "nfc=", null, 0), no, "nfc"));
    }

    // ------------------------------------------------------------------ SCF loop and summary

    /** {@link #itrLine(String, byte[], int, int, int, int)} of line {@code no}, {@code itr=} at {@code itColumn}. */
    private void itrLine(int no, int itColumn) {
        int start = text.lineStart(no);
        itrLine(text.text(), text.bytes(), start, text.lineEnd(no), start + itColumn, no);
    }

    /**
     * Reads the iteration line {@code text[start, end)} of the source text (its characters also
     * {@code bytes[start, end)}), so that its String need not be made.
     *
     * @param it where {@code itr=} starts: its first occurrence, only blanks and CPA flags precede it
     */
    private void itrLine(String text, byte[] bytes, int start, int end, int it, int no) {
        if (cur == null) {
            return;
        }
        int neu = text.indexOf(" neu=", it, end);
        if (neu < 0) {
            if (text.indexOf("chr,spn", it, end) >= 0) {
                summaryLine(text.substring(start, end), no);
                return;
            }
            if (text.indexOf("rms error", it, end) >= 0) {
                return; // atomic-potential iterations of record=init
            }
        }
        int mom = neu < 0 ? -1 : text.indexOf("  moment=", neu, end);
        int te = mom < 0 ? -1 : text.indexOf("  te=", mom, end);
        int err = te < 0 ? -1 : text.indexOf("  err=", te, end);
        if (err < 0) {
            // TRUNCATED when it is the last line of the log, decided at the end
            brokenIterations.add(new TextLine(no, text.substring(start, end).trim()));
            return;
        }
        itrFields(text, bytes, start, end, it, neu, mom, te, err, no);
    }

    /** Reads the fields of an iteration line whose labels {@code itr= neu= moment= te= err=} start at the positions given. */
    private void itrFields(String text, byte[] bytes, int start, int end, int it, int neu, int mom, int te, int err,
                           int no) {
        if (cur == null) {
            return;
        }
        // most iterations print no CPA flag: share one blank text rather than a substring per line
        int column = it - start;
        String flags = column >= 2 ? (text.charAt(it - 2) == ' ' && text.charAt(it - 1) == ' ' ? "  "
                : text.substring(it - 2, it)) : (column == 1 ? " " + text.charAt(start) : "  ");
        ScfIteration s = new ScfIteration(no, flags,
                fr.field(text, bytes, it + 4, neu, no, "iteration.itr"),
                fr.field(text, bytes, neu + 5, mom, no, "iteration.neu"),
                fr.field(text, bytes, mom + 9, te, no, "iteration.moment"),
                fr.field(text, bytes, te + 5, err, no, "iteration.te"),
                fr.field(text, bytes, err + 6, end, no, "iteration.err"));
        cur.iterations.add(s);
        // the text is built only when the deck is (one concatenation per iteration line otherwise)
        cur.stage = SCF_ITERATION;
    }

    private void interval(String line, int no) {
        if (cur == null || cur.iterations.isEmpty()) {
            return; // the atomic-potential solver prints interval= too
        }
        cur.intervalLine = no;
        cur.interval = fieldBetween(line, no, "interval=", "cpu time=", 0, "interval");
        cur.cpuTime = fieldBetween(line, no, "cpu time=", "sec", 0, "cpuTime");
    }

    private void scfSettings(String line, int no) {
        if (cur == null || cur.iterations.isEmpty()) {
            return;
        }
        cur.settingsLine = no;
        cur.usedSdftyp = FieldReader.wordAfter(line, "sdftyp=");
        cur.usedReltyp = FieldReader.wordAfter(line, "reltyp=");
        cur.dmpc = fieldBetween(line, no, "dmpc=", null, 0, "dmpc");
    }

    private void summaryLine(String line, int no) {
        SummaryBuilder s = new SummaryBuilder();
        s.line = no;
        s.itr = fieldBetween(line, no, "itr=", " neu", 0, "summary.itr");
        s.neu = fieldBetween(line, no, " neu", " chr,spn", 0, "summary.neu");
        List<FixedField> cs = fr.fields(FieldReader.between(line, "chr,spn", " intc,ints", 0), 2, no, "summary.chr,spn");
        s.chr = cs.get(0);
        s.spn = cs.get(1);
        List<FixedField> ii = fr.fields(FieldReader.between(line, "intc,ints", null, 0), 2, no, "summary.intc,ints");
        s.intc = ii.get(0);
        s.ints = ii.get(1);
        cur.summary = s;
        cur.closeComponent(no - 1);
        cur.stage = "final summary";
    }

    private void rms(String line, int p, int no) {
        if (cur == null || cur.summary == null) {
            return;
        }
        rmsColumn = p + "rms err=".length();
        rmsFields(line, no);
    }

    private void rmsContinuation(String line, int no) {
        if (cur == null || cur.summary == null) {
            return;
        }
        rmsFields(line, no);
    }

    /** The rms list is f7.3 fields from the column after {@code rms err=}, also on its continuation lines. */
    private void rmsFields(String line, int no) {
        int n = line.length();
        for (int s = rmsColumn; s < n; s += 7) {
            String raw = line.substring(s, Math.min(s + 7, n));
            if (raw.isBlank()) {
                continue;
            }
            FixedField f = fr.field(raw, no, "summary.rmsErr");
            cur.summary.rms.add(f);
        }
    }

    private void fermi(String line, int no) {
        if (cur == null || cur.summary == null) {
            return;
        }
        int defAt = line.indexOf("def=");
        List<FixedField> ef = fr.fields(FieldReader.between(line, "ef=", defAt < 0 ? null : "def=", 0), 2, no, "summary.ef");
        cur.summary.efUp = ef.get(0);
        cur.summary.efDown = ef.get(1);
        if (defAt >= 0) {
            List<FixedField> def = fr.fields(line.substring(defAt + 4), 2, no, "summary.def");
            cur.summary.defUp = def.get(0);
            cur.summary.defDown = def.get(1);
        }
    }

    private void summaryEnergy(String line, int no) {
        if (cur == null || cur.summary == null) {
            return;
        }
        int band = line.indexOf("band energy=");
        if (band >= 0) {
            cur.summary.band = fieldBetween(line, no, "band energy=", "total energy=", 0, "summary.bandEnergy");
            evidence(no, "band energy= in the summary", ALL_BUT_V010);
        } else {
            evidence(no, "total energy= alone in the summary", List.of(DialectFamily.CPA2002V010));
        }
        cur.summary.total = fieldBetween(line, no, "total energy=", null, 0, "summary.totalEnergy");
        cur.summary.totalLine = no;
    }

    private void magnetization(String line, int no) {
        if (cur == null || cur.summary == null) {
            return;
        }
        String raw = FieldReader.between(line, "magnetization=", null, 0);
        if (raw != null) {
            raw = raw.trim();
            if (raw.endsWith("T")) {
                raw = raw.substring(0, raw.length() - 1);
            }
        }
        cur.summary.magnetization = fr.field(raw, no, "summary.magnetization");
    }

    // ------------------------------------------------------------------ component blocks

    /** The open component block, marking line {@code no} as part of it; null outside component blocks. */
    private ComponentBuilder comp(int no) {
        ComponentBuilder c = cur == null ? null : cur.comp;
        if (c != null) {
            c.last = no;
        }
        return c;
    }

    private void componentHeader(String line, int p, int no) {
        if (cur == null) {
            return;
        }
        cur.closeComponent(no - 1);
        ComponentBuilder c = new ComponentBuilder();
        c.line = no;
        String rest = line.substring(p + "*** type-".length());
        List<String> tok = FieldReader.tokens(rest);
        c.typeName = tok.isEmpty() ? null : tok.get(0);
        int zAt = rest.indexOf("(z=");
        if (zAt > 0) {
            List<String> before = FieldReader.tokens(rest.substring(0, zAt));
            c.element = before.size() >= 2 ? before.get(before.size() - 1) : null;
            int close = rest.indexOf(')', zAt);
            c.z = fr.field(close < 0 ? null : rest.substring(zAt + 3, close), no, "component.z");
        } else {
            fr.issue(no, "component.z", ParseIssue.Kind.MISSING, "no (z= ...) on the component header");
        }
        c.last = no;
        cur.comp = c;
        cur.stage = "component results (" + c.typeName + " " + c.element + ")";
    }

    private void valenceCharge(String line, int p, int no) {
        ComponentBuilder c = comp(no);
        if (c == null) {
            return;
        }
        boolean down = line.indexOf("down", p) > 0;
        int eq = line.indexOf('=', p);
        List<ShellValue> vals = tagged(line, eq + 1, "", no, "component.valenceCharge");
        if (down) {
            c.valDown = vals;
        } else {
            c.valUp = vals;
        }
    }

    private void totalCharge(String line, int p, int no) {
        ComponentBuilder c = comp(no);
        if (c == null) {
            return;
        }
        int vAt = line.indexOf("valence charge", p);
        c.totalCharge = fieldBetween(line, no, "total charge=", vAt < 0 ? null : "valence charge", p,
                "component.totalCharge");
        if (vAt >= 0) {
            List<FixedField> f = fr.fields(FieldReader.between(line, "(up/down)=", null, vAt), 2, no, "component.valenceCharge(up/down)");
            c.valUpTotal = f.get(0);
            c.valDownTotal = f.get(1);
        }
    }

    private void occupationRow(String line, int p, int no) {
        ComponentBuilder c = comp(no);
        if (c == null) {
            return;
        }
        String l = String.valueOf(line.charAt(p));
        List<String> tok = FieldReader.tokens(line.substring(p + 1));
        double[] v = new double[tok.size()];
        for (int i = 0; i < v.length; i++) {
            FixedField f = fr.field(tok.get(i), no, "component.orbitalOccupation." + l);
            v[i] = f == null ? Double.NaN : f.valueOrNaN();
        }
        (ctx == Ctx.OCC_UP ? c.occUp : c.occDown).add(new OrbitalOccupation(l, v));
    }

    private void coreLevels(String line, int no, boolean up) {
        ComponentBuilder c = comp(no);
        if (c == null) {
            return;
        }
        int from = 0;
        while (true) {
            int at = line.indexOf(" Ry(", from);
            if (at < 0) {
                break;
            }
            int close = line.indexOf(')', at);
            if (close < 0) {
                fr.issue(no, "component.coreLevel", ParseIssue.Kind.UNEXPECTED, "no ')' after Ry(");
                break;
            }
            String state = line.substring(at + 4, close).trim();
            boolean star = close + 1 < line.length() && line.charAt(close + 1) == '*';
            FixedField v = fieldAt(no, from, at, "component.coreLevel", state);
            (up ? c.coreUp : c.coreDown).add(new CoreLevel(no, state, v, star));
            from = close + (star ? 2 : 1);
        }
    }

    private void hyperfineTotal(String line, int no) {
        ComponentBuilder c = comp(no);
        ctx = Ctx.NONE;
        if (c == null) {
            return;
        }
        int kg = line.indexOf("kG");
        c.hfLine = no;
        c.hfTotal = fr.field(kg < 0 ? null : line.substring(0, kg), no, "component.hyperfine.total");
        // a vacancy (z=0) prints the total alone
        if (line.contains("(core=")) {
            c.hfCore = fieldBetween(line, no, "core=", "kG", 0, "component.hyperfine.core");
            c.hfValence = fieldBetween(line, no, "valence=", "kG", 0, "component.hyperfine.valence");
        }
        if (line.contains("orbital=")) {
            c.hfOrbital = fieldBetween(line, no, "orbital=", "kG", 0, "component.hyperfine.orbital");
        }
        c.hasHyperfine = true;
        c.lastBlockHyperfine = true;
    }

    private void densityTotal(String line, int no) {
        ComponentBuilder c = comp(no);
        ctx = Ctx.NONE;
        if (c == null) {
            return;
        }
        int open = line.indexOf("(core=");
        c.densLine = no;
        // a vacancy (z=0) prints the total alone
        c.densTotal = fr.field(open < 0 ? line : line.substring(0, open), no, "component.density.total");
        if (open >= 0) {
            c.densCore = fieldBetween(line, no, "core=", " valence=", 0, "component.density.core");
            c.densValence = fieldBetween(line, no, "valence=", ")", 0, "component.density.valence");
        }
        c.hasDensity = true;
        c.lastBlockHyperfine = false;
    }

    private void shellRow(String line, int no, boolean hyperfine) {
        ComponentBuilder c = comp(no);
        if (c == null) {
            return;
        }
        List<ShellValue> vals = tagged(line, 0, hyperfine ? "kG" : "",
                no, hyperfine ? "component.hyperfine.coreContribution" : "component.density.coreContribution");
        (hyperfine ? c.hfShells : c.densShells).addAll(vals);
    }

    /** Reads {@code value[unit](label)} items, e.g. {@code 0.20778(s)} or {@code -20.144 kG(1s)}. */
    private List<ShellValue> tagged(String line, int from, String unit, int no, String field) {
        List<ShellValue> out = new ArrayList<>(4);
        while (true) {
            int open = line.indexOf('(', from);
            if (open < 0) {
                break;
            }
            int close = line.indexOf(')', open);
            if (close < 0) {
                fr.issue(no, field, ParseIssue.Kind.UNEXPECTED, "no ')' after '('");
                break;
            }
            // the value is line[from, end): up to the '(' or to the last unit before it; read in
            // place, with the field name built only for an issue
            int end = open;
            if (!unit.isEmpty()) {
                int u = line.lastIndexOf(unit, open - unit.length());
                if (u >= from) {
                    end = u;
                }
            }
            String label = line.substring(open + 1, close).trim();
            out.add(new ShellValue(label, fieldAt(no, from, end, field, label)));
            from = close + 1;
        }
        return out;
    }

    // ------------------------------------------------------------------ footer

    private void markFooter(int no) {
        if (footerStart == 0) {
            footerStart = no;
            totalCpu = null;
            elapsed = null;
            threads = null;
            os = null;
            host = null;
            machine = null;
            numcor = null;
            sawTotalCpu = false;
        }
        recognised = true;
    }

    private void footerElapsed(String line, int no) {
        markFooter(no);
        String secRaw = FieldReader.between(line, "elapsed time", "sec", 0);
        String thrRaw = FieldReader.between(line, "(", "thread", 0);
        elapsed = seconds(secRaw, no, "footer.elapsed");
        threads = thrRaw == null ? null : fr.integer(thrRaw, no, "footer.threads");
    }

    private Double seconds(String raw, int no, String field) {
        FixedField f = fr.field(raw, no, field);
        return f == null ? null : f.value();
    }

    private void evidence(int line, String marker, List<DialectFamily> families) {
        for (DialectEvidence e : evidence) {
            if (e.marker().equals(marker)) {
                return; // the first occurrence is enough
            }
        }
        evidence.add(new DialectEvidence(line, marker, families));
    }

    // ------------------------------------------------------------------ end of file

    private SpecxLog finish() {
        int totalLines = endOfText;
        for (TextLine b : brokenIterations) {
            fr.issue(b.line(), "iteration", b.line() == lastLine ? ParseIssue.Kind.TRUNCATED : ParseIssue.Kind.UNEXPECTED,
                    "iteration line without the labels neu= moment= te= err=: '" + b.text() + "'");
        }
        Footer footer = null;
        if (footerStart > 0) {
            if (elapsed != null || threads != null) {
                footer = new Footer(footerStart, totalCpu, elapsed, threads, os, host, machine, numcor);
                if (sawTotalCpu && os == null) {
                    evidence(footerStart, "total cpu footer", List.of(DialectFamily.CPA2002V010,
                            DialectFamily.V2022_0721_CND));
                }
            } else {
                fr.issue(footerStart, "footer", ParseIssue.Kind.TRUNCATED, "footer without its 'elapsed time' line");
            }
        }
        boolean pendingNewDeck = pendingMesh != null && (cur == null ? true : pendingMeshLine > cur.dataLine);
        if (cur != null) {
            int last = footer != null ? footer.firstLine() - 1 : totalLines;
            if (pendingNewDeck && cur != null) {
                last = pendingMeshLine - 1;
            }
            decks.add(cur.build(last, false, footer != null));
        }
        RunOutcome outcome;
        String detail;
        Deck lastDeck = decks.isEmpty() ? null : decks.get(decks.size() - 1);
        OptionMessage fatalOption = optionMessages.stream().filter(OptionMessage::fatal).findFirst().orElse(null);
        LogMessage preambleError = preambleMessages.stream().filter(m -> m.kind() == LogMessage.Kind.ERROR)
                .findFirst().orElse(null);
        Deck stopped = decks.stream().filter(d -> d.outcome() == RunOutcome.STOPPED_BY_ERROR).findFirst().orElse(null);
        Deck truncated = decks.stream().filter(d -> d.outcome() == RunOutcome.TRUNCATED).findFirst().orElse(null);
        if (fatalOption != null) {
            outcome = RunOutcome.OPTION_ERROR;
            detail = "the option reader stopped specx at line " + fatalOption.line() + ": " + fatalOption.text()
                    + (fatalOption.stopCode() == null ? "" : " (stop " + fatalOption.stopCode() + ")");
        } else if (preambleError != null) {
            outcome = RunOutcome.STOPPED_BY_ERROR;
            detail = "stopped by error at line " + preambleError.line() + " in " + preambleError.routine() + ": "
                    + preambleError.text();
        } else if (decks.isEmpty()) {
            if (footer != null) {
                outcome = RunOutcome.MODE_NOT_SUPPORTED;
                detail = "no 'data read in': the binary skipped the card (a go mode it does not have)";
            } else {
                outcome = RunOutcome.TRUNCATED;
                detail = "log ends at line " + lastLine + " before any deck: no 'data read in', no footer";
            }
        } else if (stopped != null) {
            outcome = RunOutcome.STOPPED_BY_ERROR;
            LogMessage e = stopped.errorStop();
            detail = "deck " + (stopped.index() + 1) + " stopped by error at line " + e.line() + " in " + e.routine()
                    + ": " + e.text();
        } else if (truncated != null) {
            outcome = RunOutcome.TRUNCATED;
            List<String> missing = new ArrayList<>(truncated.missing());
            if (footer == null && !missing.contains("footer")) {
                missing.add("footer");
            }
            detail = "log ends at line " + lastLine + " in " + truncated.stage() + " of deck " + (truncated.index() + 1)
                    + ": no " + String.join(", no ", missing);
        } else if (pendingNewDeck) {
            outcome = RunOutcome.TRUNCATED;
            detail = "log ends at line " + lastLine + " after the mesh header of a new deck (line " + pendingMeshLine
                    + "): no 'data read in', no footer";
        } else if (decks.stream().allMatch(d -> d.outcome() == RunOutcome.GEOMETRY_ONLY)) {
            outcome = RunOutcome.GEOMETRY_ONLY;
            detail = "geom run: stops after the structure by design";
        } else if (footer == null) {
            outcome = RunOutcome.TRUNCATED;
            detail = "log ends at line " + lastLine + " after " + lastDeck.stage() + " of deck " + (lastDeck.index() + 1)
                    + ": no footer";
        } else if (decks.stream().anyMatch(d -> d.outcome() == RunOutcome.NOT_CONVERGED)) {
            outcome = RunOutcome.NOT_CONVERGED;
            detail = "not converged: deck(s) " + decks.stream().filter(d -> d.outcome() == RunOutcome.NOT_CONVERGED)
                    .map(d -> String.valueOf(d.index() + 1)).reduce((a, b) -> a + ", " + b).orElse("");
        } else if (decks.stream().anyMatch(d -> d.outcome() == RunOutcome.CONVERGED)) {
            outcome = RunOutcome.CONVERGED;
            detail = "every SCF deck converged";
        } else {
            outcome = RunOutcome.COMPLETED;
            detail = "post-processing finished";
        }
        if (footer == null && outcome != RunOutcome.GEOMETRY_ONLY && outcome != RunOutcome.TRUNCATED
                && outcome != RunOutcome.OPTION_ERROR && outcome != RunOutcome.STOPPED_BY_ERROR) {
            fr.issue(lastLine, "footer", ParseIssue.Kind.MISSING, "no footer");
        }
        if (outcome == RunOutcome.TRUNCATED) {
            fr.issue(lastLine, "log", ParseIssue.Kind.TRUNCATED, detail);
        }
        DetectedDialect dialect = decideDialect(decks.isEmpty() && footer != null && footer.totalCpuSec() != null
                && footer.os() == null ? footer.firstLine() : 0);
        Preamble pre = new Preamble(date, time, debugLines, preambleOptions, optionMessages, preambleMessages);
        issues.sort(java.util.Comparator.comparingInt(ParseIssue::line));
        return new SpecxLog(source, text.lineCount(), dialect, pre, withModeBlocks(decks, dialect), footer, outcome,
                detail, issues);
    }

    private void addModeCandidate(int no) {
        if (modeCandidateCount == modeCandidates.length) {
            modeCandidates = java.util.Arrays.copyOf(modeCandidates, 2 * modeCandidateCount);
        }
        modeCandidates[modeCandidateCount++] = no;
        modeCandidateWanted = false;
    }

    /**
     * The first line of {@code from..to} that may open a mode block, {@code to + 1} when none does.
     * Every deck starts at a mesh header or 'data read in' line, after which the first candidate
     * is always recorded, so the first recorded line inside the range is the deck's first one.
     */
    private int firstModeCandidate(int from, int to) {
        int i = java.util.Arrays.binarySearch(modeCandidates, 0, modeCandidateCount, from);
        if (i < 0) {
            i = -i - 1;
        }
        return i < modeCandidateCount && modeCandidates[i] <= to ? modeCandidates[i] : to + 1;
    }

    /**
     * Attaches the blocks only some modes print, parsed over each deck's own line range. A deck
     * without a line that may open a block has none ({@link ModeResults#NONE}, which the scan would
     * also return), so it is not scanned; otherwise the scan reads only the context of the lines
     * before the first candidate.
     */
    private List<Deck> withModeBlocks(List<Deck> decks, DetectedDialect dialect) {
        List<Deck> out = new ArrayList<>(decks.size());
        AkaiVersion version = dialect.version().orElse(null);
        for (Deck d : decks) {
            if (d.input() == null || d.lastLine() < d.firstLine()) {
                out.add(d);
                continue;
            }
            int firstCandidate = firstModeCandidate(d.firstLine(), d.lastLine());
            if (firstCandidate > d.lastLine()) {
                out.add(d.withModes(ModeResults.NONE));
                continue;
            }
            List<String> typeNames = new ArrayList<>(d.types().size());
            for (SiteType t : d.types()) {
                typeNames.add(t.name());
            }
            out.add(d.withModes(ModeBlockParser.parse(text, d.firstLine(), d.lastLine(), firstCandidate, version,
                    typeNames)));
        }
        return out;
    }

    private DetectedDialect decideDialect(int skippedModeFooterLine) {
        if (skippedModeFooterLine > 0) {
            evidence(skippedModeFooterLine, "no 'data read in' but a 'total cpu' footer (unknown modes are skipped)",
                    List.of(DialectFamily.CPA2002V010));
        }
        // the families compatible with every marker; CND is named only on a marker of its own
        EnumSet<DialectFamily> common = EnumSet.of(DialectFamily.CPA2002V010, DialectFamily.CPA2021V01,
                DialectFamily.V2022_0721, DialectFamily.V2022_0721_CND);
        for (DialectEvidence e : evidence) {
            common.retainAll(e.indicates());
        }
        if (!evidence.isEmpty() && common.size() == 1) {
            return new DetectedDialect(common.iterator().next(), evidence);
        }
        if (!evidence.isEmpty() && common.equals(EnumSet.of(DialectFamily.V2022_0721, DialectFamily.V2022_0721_CND))) {
            return new DetectedDialect(DialectFamily.V2022_0721, evidence);
        }
        DialectFamily family = DialectFamily.UNKNOWN;
        if (hasOnly(Set.of(DialectFamily.V2022_0721_CND))) {
            family = DialectFamily.V2022_0721_CND;
        } else if (hasOnly(EnumSet.of(DialectFamily.V2022_0721, DialectFamily.V2022_0721_CND))) {
            family = DialectFamily.V2022_0721;
        } else if (hasOnly(Set.of(DialectFamily.CPA2021V01))) {
            family = DialectFamily.CPA2021V01;
        } else if (hasOnly(Set.of(DialectFamily.CPA2002V010))) {
            family = DialectFamily.CPA2002V010;
        }
        if (family != DialectFamily.UNKNOWN && common.isEmpty()) {
            for (DialectEvidence e : evidence) {
                if (!e.indicates().contains(family)) {
                    fr.issue(e.line(), "dialect", ParseIssue.Kind.UNEXPECTED,
                            "marker '" + e.marker() + "' is not printed by " + family + "; dialect markers disagree");
                }
            }
        }
        return new DetectedDialect(family, evidence);
    }

    private boolean hasOnly(Set<DialectFamily> families) {
        for (DialectEvidence e : evidence) {
            if (families.containsAll(e.indicates())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ builders

    private static final class LatticeBuilder {
        int line;
        String bravais;
        FixedField a;
        FixedField ca;
        FixedField ba;
        FixedField alpha;
        FixedField beta;
        FixedField gamma;
        FixedField volume;
        FixedField filling;
        final double[][] prim = new double[3][];
        final double[][] recip = new double[3][];

        LatticeBlock build() {
            return new LatticeBlock(line, bravais, a, ca, ba, alpha, beta, gamma, volume, filling,
                    complete(prim) ? prim : null, complete(recip) ? recip : null);
        }

        private static boolean complete(double[][] m) {
            return m[0] != null && m[1] != null && m[2] != null;
        }
    }

    private static final class SiteTypeBuilder {
        int line;
        String name;
        int width;
        FixedField rmt;
        FixedField field;
        FixedField lmxtyp;
        final List<TypeComponent> components = new ArrayList<>();

        SiteType build() {
            return new SiteType(line, name, width, rmt, field, lmxtyp, components);
        }
    }

    private static final class SummaryBuilder {
        int line;
        FixedField itr;
        FixedField neu;
        FixedField chr;
        FixedField spn;
        FixedField intc;
        FixedField ints;
        final List<FixedField> rms = new ArrayList<>();
        FixedField efUp;
        FixedField efDown;
        FixedField defUp;
        FixedField defDown;
        FixedField band;
        FixedField total;
        FixedField magnetization;
        int totalLine;

        FinalSummary build() {
            return new FinalSummary(line, itr, neu, chr, spn, intc, ints, rms, efUp, efDown, defUp, defDown, band, total,
                    magnetization, totalLine);
        }
    }

    private static final class ComponentBuilder {
        int line;
        int last;
        String typeName;
        String element;
        FixedField z;
        FixedField coreCharge;
        List<ShellValue> valUp = List.of();
        List<ShellValue> valDown = List.of();
        FixedField totalCharge;
        FixedField valUpTotal;
        FixedField valDownTotal;
        FixedField spinMoment;
        FixedField orbitalMoment;
        FixedField orbitalCurrentUp;
        FixedField orbitalCurrentDown;
        final List<OrbitalOccupation> occUp = new ArrayList<>();
        final List<OrbitalOccupation> occDown = new ArrayList<>();
        final List<CoreLevel> coreUp = new ArrayList<>();
        final List<CoreLevel> coreDown = new ArrayList<>();
        boolean hasHyperfine;
        boolean lastBlockHyperfine;
        int hfLine;
        FixedField hfTotal;
        FixedField hfCore;
        FixedField hfValence;
        FixedField hfOrbital;
        final List<ShellValue> hfShells = new ArrayList<>();
        boolean hasDensity;
        int densLine;
        FixedField densTotal;
        FixedField densCore;
        FixedField densValence;
        final List<ShellValue> densShells = new ArrayList<>();

        ComponentResult build(int lastLine) {
            HyperfineField hf = hasHyperfine ? new HyperfineField(hfLine, hfTotal, hfCore, hfValence, hfOrbital, hfShells) : null;
            ChargeDensityAtNucleus dn = hasDensity
                    ? new ChargeDensityAtNucleus(densLine, densTotal, densCore, densValence, densShells) : null;
            return new ComponentResult(line, typeName, element, z, coreCharge, valUp, valDown, totalCharge, valUpTotal,
                    valDownTotal, spinMoment, orbitalMoment, orbitalCurrentUp, orbitalCurrentDown, occUp, occDown,
                    coreUp, coreDown, hf, dn, lastLine);
        }
    }

    private final class DeckBuilder {
        final int index;
        final int firstLine;
        final int dataLine;
        final MeshHeader mesh;
        /** Where the deck got to; {@link #SCF_ITERATION} stands for "SCF iteration" + the itr of the last one. */
        String stage = "input echo";
        boolean echoOpen = true;
        String goText;
        int goWidth;
        boolean goTruncated;
        GoMode.Kind goKind;
        GoMode goMode;
        String potentialFile;
        String brvtyp;
        FixedField echoA;
        FixedField echoCa;
        FixedField echoBa;
        FixedField echoAlpha;
        FixedField echoBeta;
        FixedField echoGamma;
        FixedField edelt;
        FixedField ewidth;
        String reltyp;
        String sdftyp;
        String magtyp;
        String record;
        String outtyp;
        String bzqlty;
        FixedField maxitr;
        FixedField pmix;
        String mixtyp;
        FixedField ntyp;
        FixedField natm;
        FixedField ncmpx;
        FixedField fixedSpinMoment;
        int fixedSpinMomentLine;
        final List<FixedField> rmt = new ArrayList<>();
        String fileAccessed;
        final List<EnergyMeshPoint> meshPoints = new ArrayList<>();
        LatticeBuilder lattice;
        final List<SiteTypeBuilder> types = new ArrayList<>();
        final List<AtomSite> atoms = new ArrayList<>();
        final List<EnergyWindow> windows = new ArrayList<>();
        final List<EwaldParameters> ewald = new ArrayList<>();
        final List<BrillouinZoneMesh> bz = new ArrayList<>();
        FoldNumbers fold;
        int scfStart;
        final List<ScfIteration> iterations = new ArrayList<>();
        int noConvergence;
        int intervalLine;
        FixedField interval;
        FixedField cpuTime;
        int settingsLine;
        String usedSdftyp;
        String usedReltyp;
        FixedField dmpc;
        SummaryBuilder summary;
        ComponentBuilder comp;
        final List<ComponentResult> components = new ArrayList<>();
        final List<OptionEcho> options = new ArrayList<>();
        final List<LogMessage> messages = new ArrayList<>();
        LogMessage errorStop;
        int sbtime;
        int geomStop;

        DeckBuilder(int index, int firstLine, int dataLine, MeshHeader mesh) {
            this.index = index;
            this.firstLine = firstLine;
            this.dataLine = dataLine;
            this.mesh = mesh;
        }

        /** True while the structure echo may still come: before the SCF loop and the summary. */
        boolean setupOpen() {
            return scfStart == 0 && iterations.isEmpty() && summary == null;
        }

        void closeComponent(int lastLine) {
            if (comp != null) {
                components.add(comp.build(Math.max(comp.line, Math.min(lastLine, comp.last))));
                comp = null;
            }
        }

        String stageText() {
            if (stage != SCF_ITERATION) {
                return stage;
            }
            ScfIteration last = iterations.get(iterations.size() - 1);
            return "SCF iteration " + (last.itr() == null ? "?" : last.itr().raw());
        }

        Deck build(int lastLine, boolean followedByDeck, boolean followedByFooter) {
            closeComponent(lastLine);
            InputEcho input = new InputEcho(dataLine, goText, goWidth, goTruncated, goKind, goMode, potentialFile, brvtyp,
                    echoA, echoCa, echoBa, echoAlpha, echoBeta, echoGamma, edelt, ewidth, reltyp, sdftyp, magtyp, record,
                    outtyp, bzqlty, maxitr, pmix, mixtyp, ntyp, natm, ncmpx, fixedSpinMoment, fixedSpinMomentLine, rmt,
                    fileAccessed);
            FinalSummary fs = summary == null ? null : summary.build();
            ScfTiming timing = intervalLine == 0 && settingsLine == 0 ? null : new ScfTiming(intervalLine, interval,
                    cpuTime, settingsLine, usedSdftyp,
                    usedReltyp, dmpc);
            List<String> missing = new ArrayList<>();
            RunOutcome outcome;
            ScfIteration lastIt = iterations.isEmpty() ? null : iterations.get(iterations.size() - 1);
            boolean geom = goKind == GoMode.Kind.GEOM || geomStop > 0;
            if (errorStop != null) {
                outcome = RunOutcome.STOPPED_BY_ERROR;
            } else if (geom && iterations.isEmpty()) {
                if (atoms.isEmpty() || (ntypValue() != null && types.size() < ntypValue())) {
                    missing.add("structure echo (type of site, atoms in the unit cell)");
                    outcome = RunOutcome.TRUNCATED;
                } else {
                    outcome = RunOutcome.GEOMETRY_ONLY;
                }
            } else {
                if (iterations.isEmpty()) {
                    missing.add("SCF iterations");
                }
                if (fs == null || fs.totalEnergyLine() == 0) {
                    missing.add("final summary");
                }
                Integer expected = ncmpx == null || ncmpx.value() == null ? null : (int) Math.round(ncmpx.value());
                if (fs != null && expected != null && components.size() < expected) {
                    missing.add("component results (" + components.size() + " of " + expected + ")");
                } else if (!components.isEmpty() && components.get(components.size() - 1).chargeDensityAtNucleus() == null) {
                    missing.add("end of the last component block");
                }
                if (missing.isEmpty() && sbtime == 0 && !followedByDeck && !followedByFooter) {
                    missing.add("end of deck ('sbtime report' or footer)");
                }
                if (!missing.isEmpty()) {
                    outcome = RunOutcome.TRUNCATED;
                } else if (goKind != null && goKind.isSingleIteration()) {
                    outcome = RunOutcome.COMPLETED;
                } else if (noConvergence > 0 && lastIt != null && noConvergence > lastIt.line()) {
                    outcome = RunOutcome.NOT_CONVERGED;
                } else {
                    outcome = RunOutcome.CONVERGED;
                }
            }
            List<SiteType> siteTypes = new ArrayList<>(types.size());
            for (SiteTypeBuilder t : types) {
                siteTypes.add(t.build());
            }
            return new Deck(index, firstLine, lastLine, mesh, input, meshPoints, lattice == null ? null : lattice.build(),
                    siteTypes, atoms, windows, ewald, bz, fold, scfStart, iterations, noConvergence, timing, fs,
                    components, options, messages, errorStop, sbtime, outcome, stageText(), missing, ModeResults.NONE);
        }

        private Integer ntypValue() {
            return ntyp == null || ntyp.value() == null ? null : (int) Math.round(ntyp.value());
        }
    }
}
