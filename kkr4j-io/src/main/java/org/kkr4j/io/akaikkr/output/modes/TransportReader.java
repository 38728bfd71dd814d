package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kkr4j.io.ParseIssue;

/**
 * Collects the blocks of a {@code go=cnd} run (2022.0721 {@code akaikkr_cnd} build) as they are met:
 * per spin a vertex-correction table, partial-DOS tables with a header line, conductivity tables and
 * the closing {@code cnd1}/{@code cnd2} line; then the summary ({@code cnductivity},
 * {@code resistivity}). All numbers there are blank-separated (E format).
 */
final class TransportReader {

    private final RangeContext ctx;
    private final List<TransportSpin> spins = new ArrayList<>();
    private List<VertexCorrectionRow> vertex = new ArrayList<>();
    private List<TransportPdos> pdos = new ArrayList<>();
    private List<ConductivityTable> conductivity = new ArrayList<>();
    private Optional<Double> total = Optional.empty();
    private Optional<Double> resistivity = Optional.empty();
    private boolean seen;
    private boolean resistivitySeen;
    private int lastLine;

    TransportReader(RangeContext ctx) {
        this.ctx = ctx;
    }

    private String field() {
        return "transport.spin" + (spins.size() + 1);
    }

    /** {@code *** vertex correction made}; returns the last line read. */
    int vertexCorrection(int caption) {
        seen = true;
        int n = caption + 1;
        for (; n <= ctx.to && PdosTableReader.isNumericLine(ctx.line(n)); n++) {
            List<String> t = RangeContext.tokens(ctx.line(n));
            String f = field() + ".vertexCorrection";
            if (t.size() < 3) {
                if (n == ctx.to) {
                    ctx.issue(n, f, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped");
                    n++;
                    break;
                }
                throw ctx.error(n, f, "expected two integers and reals: '" + ctx.line(n).trim() + "'");
            }
            Integer a = ctx.integerOrNull(t.get(0), n, f + ".first");
            Integer b = ctx.integerOrNull(t.get(1), n, f + ".second");
            List<Double> values = new ArrayList<>();
            for (int k = 2; k < t.size(); k++) {
                values.add(ctx.real(t.get(k), n, f + ".value"));
            }
            if (a == null || b == null) {
                ctx.issue(n, f, ParseIssue.Kind.OVERFLOW, "row left out: an index overflowed");
                continue;
            }
            vertex.add(new VertexCorrectionRow(n, a, b, values));
        }
        endOfTable(n);
        lastLine = n - 1;
        return n - 1;
    }

    /** The line after the rows of a table: blank, or past the end of the range. */
    private void endOfTable(int n) {
        if (n <= ctx.to && !ctx.isBlank(n)) {
            throw ctx.error(n, field(), "row is neither numbers nor an overflow: '" + ctx.line(n).trim() + "'");
        }
    }

    /** {@code DOS of component N} followed by an {@code energy ...} header; returns the last line read. */
    int pdos(int caption) {
        seen = true;
        int component = pdos.size() + 1;
        String f = field() + ".pdos[" + component + "]";
        List<String> header = RangeContext.tokens(ctx.line(caption + 1));
        List<String> columns = header.subList(1, header.size());
        List<PdosRow> rows = new ArrayList<>();
        int n = caption + 2;
        for (; n <= ctx.to && PdosTableReader.isNumericLine(ctx.line(n)); n++) {
            List<String> t = RangeContext.tokens(ctx.line(n));
            if (t.size() != header.size()) {
                if (n == ctx.to) {
                    ctx.issue(n, f, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped");
                    n++;
                    break;
                }
                throw ctx.error(n, f, "row has " + t.size() + " fields, header " + header + " has "
                        + header.size());
            }
            double e = ctx.real(t.get(0), n, f + ".energy");
            List<Double> values = new ArrayList<>();
            for (int k = 1; k < t.size(); k++) {
                values.add(ctx.real(t.get(k), n, f + "." + columns.get(k - 1)));
            }
            rows.add(new PdosRow(n, e, values));
        }
        pdos.add(new TransportPdos(component, caption, columns, rows));
        endOfTable(n);
        lastLine = n - 1;
        return n - 1;
    }

    /** {@code conductivity component= N}, a header {@code energy cndup}, rows; returns the last line read. */
    int conductivity(int caption) {
        seen = true;
        String text = ctx.line(caption);
        String f = field() + ".conductivity";
        Integer component = ctx.integerOrNull(text.substring(text.indexOf('=') + 1), caption, f + ".component");
        if (caption + 1 > ctx.to) {
            ctx.issue(caption, f, ParseIssue.Kind.TRUNCATED, "the log ends after the caption");
            return caption;
        }
        List<String> header = RangeContext.tokens(ctx.line(caption + 1));
        if (header.size() != 2 || !header.get(0).equals("energy")) {
            throw ctx.error(caption + 1, f, "expected the header 'energy cnd...': '"
                    + ctx.line(caption + 1).trim() + "'");
        }
        List<DosPoint> rows = new ArrayList<>();
        int n = caption + 2;
        for (; n <= ctx.to && PdosTableReader.isNumericLine(ctx.line(n)); n++) {
            List<String> t = RangeContext.tokens(ctx.line(n));
            if (t.size() != 2) {
                if (n == ctx.to) {
                    ctx.issue(n, f, ParseIssue.Kind.TRUNCATED, "incomplete last row dropped");
                    n++;
                    break;
                }
                throw ctx.error(n, f, "expected energy and conductivity: '" + ctx.line(n).trim() + "'");
            }
            rows.add(new DosPoint(n, ctx.real(t.get(0), n, f + ".energy"), ctx.real(t.get(1), n, f)));
        }
        if (component == null) {
            ctx.issue(caption, f, ParseIssue.Kind.OVERFLOW, "table left out: its component overflowed");
        } else {
            conductivity.add(new ConductivityTable(caption, component, header.get(1), rows));
        }
        endOfTable(n);
        lastLine = n - 1;
        return n - 1;
    }

    /** {@code cnd1 value (a.u.)} or {@code cnd2 ...}: closes the spin section. */
    void spinConductivity(int line, int spinNumber) {
        seen = true;
        if (spinNumber != spins.size() + 1) {
            throw ctx.error(line, "transport.cnd" + spinNumber, "cnd" + spinNumber + " after "
                    + spins.size() + " spin section(s)");
        }
        List<String> t = RangeContext.tokens(ctx.line(line));
        Optional<Double> v = ctx.scalar(t.get(1), line, "transport.cnd" + spinNumber);
        spins.add(new TransportSpin(spinNumber == 1 ? SpinChannel.UP : SpinChannel.DOWN, vertex, pdos,
                conductivity, v, line));
        vertex = new ArrayList<>();
        pdos = new ArrayList<>();
        conductivity = new ArrayList<>();
        lastLine = line;
    }

    void totalConductivity(int line) {
        seen = true;
        total = ctx.scalar(RangeContext.tokens(ctx.line(line)).get(1), line, "transport.cnductivity");
        lastLine = line;
    }

    void resistivity(int line) {
        seen = true;
        resistivitySeen = true;
        resistivity = ctx.scalar(RangeContext.tokens(ctx.line(line)).get(1), line, "transport.resistivity");
        lastLine = line;
    }

    Optional<TransportResult> result() {
        if (!seen) {
            return Optional.empty();
        }
        List<TransportSpin> all = new ArrayList<>(spins);
        if (!vertex.isEmpty() || !pdos.isEmpty() || !conductivity.isEmpty()) {
            ctx.issue(lastLine, field(), ParseIssue.Kind.TRUNCATED, "spin section without its cnd"
                    + (spins.size() + 1) + " line");
            all.add(new TransportSpin(spins.isEmpty() ? SpinChannel.UP : SpinChannel.DOWN, vertex, pdos,
                    conductivity, Optional.empty(), 0));
        }
        if (!resistivitySeen) {
            ctx.issue(lastLine, "transport.resistivity", ParseIssue.Kind.MISSING, "no resistivity line");
        }
        return Optional.of(new TransportResult(all, total, resistivity));
    }
}
