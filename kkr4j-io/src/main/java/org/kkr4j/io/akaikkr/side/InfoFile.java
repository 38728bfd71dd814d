package org.kkr4j.io.akaikkr.side;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.kkr4j.io.ParseIssue;

/**
 * The {@code <file>.info} side file: specx appends one line per run.
 *
 * @param source  file name used in messages
 * @param entries the lines in file order (the last one is the latest run); empty for an empty file
 * @param issues  overflowed or run-together fields
 */
public record InfoFile(String source, List<Entry> entries, List<ParseIssue> issues) {

    public InfoFile {
        entries = List.copyOf(entries);
        issues = List.copyOf(issues);
    }

    /** The layout of one line. */
    public enum Layout {
        /** cpa2002v010: {@code (1x,f12.4,f20.7,f10.5)} = a, total energy, total moment. */
        A_ENERGY_MOMENT,
        /** 2021 family: a and total energy. */
        A_ENERGY
    }

    /**
     * One run.
     *
     * @param line               1-based line
     * @param layout             two or three columns
     * @param latticeConstantBohr a (bohr), as used by the run (the estimate when the card asked for one)
     * @param totalEnergyRy      total energy (Ry)
     * @param totalMomentMuB     total moment per cell (μB); empty in the two-column layout or when overflowed
     */
    public record Entry(int line, Layout layout, OptionalDouble latticeConstantBohr, OptionalDouble totalEnergyRy,
            OptionalDouble totalMomentMuB) {
    }

    /** The latest run (last line), if any. */
    public Optional<Entry> last() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }
}
