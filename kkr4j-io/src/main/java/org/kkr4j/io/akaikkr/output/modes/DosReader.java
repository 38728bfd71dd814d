package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kkr4j.io.ParseIssue;
import org.kkr4j.io.akaikkr.AkaiVersion;

/**
 * Groups the DOS blocks of a deck into spin sets: for each spin, {@code DOS of component} for every
 * component, then {@code total DOS}, then {@code integrated DOS}; a magnetic run prints two sets,
 * an {@code nmag} run one.
 */
final class DosReader {

    enum Kind { COMPONENT, TOTAL, INTEGRATED }

    /** A block caption and the last of its numeric rows ({@code line} itself when it has none). */
    record Header(int line, Kind kind, int dataEnd) {
    }

    private final RangeContext ctx;
    private final AkaiVersion dialect;
    private final List<Integer> lmxtypPerComponent;
    private final Optional<Boolean> nonMagnetic;

    /**
     * @param lmxtypPerComponent lmxtyp of every component in printed order (from the type block of
     *                           the deck); empty when the block is not in the range
     * @param nonMagnetic        whether magtyp is nmag, empty when the echo is not in the range
     */
    DosReader(RangeContext ctx, AkaiVersion dialect, List<Integer> lmxtypPerComponent,
              Optional<Boolean> nonMagnetic) {
        this.ctx = ctx;
        this.dialect = dialect;
        this.lmxtypPerComponent = lmxtypPerComponent;
        this.nonMagnetic = nonMagnetic;
    }

    private static final class SetBuilder {
        final List<ComponentPdos> components = new ArrayList<>();
        List<DosPoint> total = List.of();
        int totalLine;
        List<DosPoint> integrated = List.of();
        int integratedLine;
        int integratedDataEnd;
        boolean closed;
    }

    Optional<DosResult> read(List<Header> headers) {
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        int expectedSets = nonMagnetic.map(nm -> nm ? 1 : 2).orElse(0);
        List<SetBuilder> sets = new ArrayList<>();
        SetBuilder current = null;
        for (Header h : headers) {
            if (current == null || (h.kind() == Kind.COMPONENT && current.totalLine > 0) || current.closed) {
                if (h.kind() != Kind.COMPONENT) {
                    throw ctx.error(h.line(), "dos", "'" + ctx.line(h.line()).trim()
                            + "' without the DOS of component blocks before it");
                }
                current = new SetBuilder();
                sets.add(current);
            }
            String spinName = spinName(sets.size(), expectedSets);
            switch (h.kind()) {
                case COMPONENT -> {
                    int component = current.components.size() + 1;
                    Integer lmx = lmxtypPerComponent.size() >= component
                            ? lmxtypPerComponent.get(component - 1) : null;
                    current.components.add(new PdosTableReader(ctx, dialect)
                            .read(h.line(), h.dataEnd(), component, lmx, "dos." + spinName + ".component[" + component + "]"));
                }
                case TOTAL -> {
                    current.total = new TwoColumnTableReader(ctx).read(h.line(), h.dataEnd(), "dos." + spinName + ".total",
                            true);
                    current.totalLine = h.line();
                }
                case INTEGRATED -> {
                    if (current.totalLine == 0) {
                        throw ctx.error(h.line(), "dos." + spinName + ".integrated",
                                "integrated DOS without a total DOS block before it");
                    }
                    current.integrated = new TwoColumnTableReader(ctx).read(h.line(), h.dataEnd(),
                            "dos." + spinName + ".integrated", false);
                    current.integratedLine = h.line();
                    current.integratedDataEnd = h.dataEnd();
                    current.closed = true;
                }
                default -> throw new IllegalStateException();
            }
        }
        if (expectedSets > 0 && sets.size() > expectedSets || sets.size() > 2) {
            throw ctx.error(headers.get(0).line(), "dos", sets.size() + " sets of DOS blocks in one deck; "
                    + (expectedSets > 0 ? "magtyp allows " + expectedSets : "at most 2 are printed"));
        }
        if (!lmxtypPerComponent.isEmpty()) {
            for (SetBuilder s : sets) {
                if (s.closed && s.components.size() != lmxtypPerComponent.size()) {
                    ctx.issue(s.components.get(0).line(), "dos", ParseIssue.Kind.UNEXPECTED,
                            s.components.size() + " DOS of component blocks, but the type block lists "
                                    + lmxtypPerComponent.size() + " components");
                }
            }
        }
        List<SpinDos> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            SetBuilder s = sets.get(i);
            String spinName = spinName(i + 1, expectedSets);
            checkRowCounts(s, spinName);
            out.add(new SpinDos(spin(i + 1, sets.size(), expectedSets), s.components, s.total, s.totalLine,
                    s.integrated, s.integratedLine));
        }
        SetBuilder last = sets.get(sets.size() - 1);
        int lastLine = headers.get(headers.size() - 1).line();
        if (!last.closed) {
            ctx.issue(lastLine, "dos." + spinName(sets.size(), expectedSets), ParseIssue.Kind.TRUNCATED,
                    "the deck ends before the " + (last.totalLine == 0 ? "total DOS" : "integrated DOS")
                            + " block of this spin");
        } else if (expectedSets == 2 && sets.size() == 1) {
            ctx.issue(lastLine, "dos.down", lastBlockReachesEnd(lastLine)
                            ? ParseIssue.Kind.TRUNCATED : ParseIssue.Kind.MISSING,
                    "magnetic run but only one set of DOS blocks");
        } else if (expectedSets == 0 && sets.size() == 1) {
            ctx.issue(lastLine, "dos", ParseIssue.Kind.MISSING, "no magtyp echo in the range: the single"
                    + " set of DOS blocks is taken as non-magnetic");
        }
        return Optional.of(new DosResult(out));
    }

    private boolean lastBlockReachesEnd(int header) {
        return PdosTableReader.runsToEnd(ctx, PdosTableReader.dataEnd(ctx, header));
    }

    private static String spinName(int set, int expectedSets) {
        if (expectedSets == 1) {
            return "nmag";
        }
        if (expectedSets == 0) {
            return "spin" + set;
        }
        return set == 1 ? "up" : "down";
    }

    private static SpinChannel spin(int set, int setCount, int expectedSets) {
        if (expectedSets == 1 || (expectedSets == 0 && setCount == 1)) {
            return SpinChannel.NON_MAGNETIC;
        }
        return set == 1 ? SpinChannel.UP : SpinChannel.DOWN;
    }

    /**
     * Components and the integrated DOS have one row per mesh energy, the total DOS one fewer (it is
     * printed at the mid-points). A table cut short inside a complete log is a format error.
     */
    private void checkRowCounts(SetBuilder s, String spinName) {
        if (!s.closed || s.components.isEmpty()) {
            return;
        }
        int n = s.components.get(0).rows().size();
        for (ComponentPdos c : s.components) {
            if (c.rows().size() != n) {
                throw ctx.error(c.line(), "dos." + spinName + ".component[" + c.component() + "]",
                        "table has " + c.rows().size() + " rows, component 1 has " + n);
            }
        }
        if (s.total.size() != n - 1) {
            throw ctx.error(s.totalLine, "dos." + spinName + ".total", "total DOS has " + s.total.size()
                    + " rows, expected " + (n - 1) + " (one fewer than the " + n + " PDOS rows)");
        }
        boolean integratedTruncated = PdosTableReader.runsToEnd(ctx, s.integratedDataEnd);
        if (s.integrated.size() != n && !integratedTruncated) {
            int stop = s.integratedLine + s.integrated.size() + 1;
            throw ctx.error(stop, "dos." + spinName + ".integrated", "integrated DOS ends after "
                    + s.integrated.size() + " rows, expected " + n + ", at '" + ctx.line(stop).trim() + "'");
        }
    }
}
