package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;

/**
 * One energy of a partial-DOS table.
 *
 * @param line        1-based line of the row (its first line when the row wraps)
 * @param energyRy    E − E_F in Ry, as printed
 * @param statesPerRy one value per column of the table (see {@link ComponentPdos#columns()}), in
 *                    states/Ry per spin; NaN where the field overflowed (reported as an issue)
 */
public record PdosRow(int line, double energyRy, List<Double> statesPerRy) {

    public PdosRow {
        // a table reader's row list is already unmodifiable and unshared; copying it would box every value
        statesPerRy = statesPerRy instanceof DoubleArrayList ? statesPerRy : List.copyOf(statesPerRy);
    }
}
