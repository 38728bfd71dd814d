package org.kkr4j.io.akaikkr.output.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code DOS of component N} table of one CPA component for one spin.
 *
 * @param component      1-based component number, counted in the order the blocks are printed
 *                       (equal to the printed number, which overflows {@code i2} from 100 on)
 * @param printedIndex   the number printed after {@code DOS of component}; empty when it was {@code **}
 * @param line           1-based line of the {@code DOS of component} header
 * @param columns        column labels: one per angular momentum {@code s p d f g ...}, then
 *                       {@code total} when the dialect prints the sum of the l columns
 *                       (cpa2021v01 family); v010 and 2022.0721 print no total
 * @param hasTotalColumn whether the last column is the printed total
 * @param rows           one row per mesh point (201 by default), energies ascending
 */
public record ComponentPdos(int component, OptionalInt printedIndex, int line, List<String> columns,
                            boolean hasTotalColumn, List<PdosRow> rows) {

    public ComponentPdos {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Energies E − E_F (Ry) of the rows. */
    public List<Double> energiesRy() {
        return rows.stream().map(PdosRow::energyRy).toList();
    }

    /** The values of one column (states/Ry per spin), NaN where overflowed. */
    public List<Double> column(String label) {
        int i = columns.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + label + "' in " + columns);
        }
        List<Double> out = new ArrayList<>(rows.size());
        for (PdosRow r : rows) {
            out.add(r.statesPerRy().get(i));
        }
        return out;
    }

    /** Number of angular-momentum columns (the lmxtyp+1 of the component). */
    public int angularMomentumCount() {
        return hasTotalColumn ? columns.size() - 1 : columns.size();
    }
}
