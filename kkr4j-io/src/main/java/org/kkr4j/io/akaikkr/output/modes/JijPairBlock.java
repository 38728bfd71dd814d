package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;
import java.util.Optional;

/**
 * One {@code T1-T2} block of the J_ij table.
 *
 * @param line             1-based line of the label
 * @param label            the label as printed, e.g. {@code Fe_0-Rh0.5Pt0.5_1}
 * @param type1            first type name; empty when the label cannot be split unambiguously
 *                         (a {@code -} inside a type name and no type names given; an issue says so)
 * @param type2            second type name, empty likewise
 * @param multiplicityLabel the header of the last column: {@code mult} or {@code dgn}
 * @param rows             the rows in printed order
 */
public record JijPairBlock(int line, String label, Optional<String> type1, Optional<String> type2,
                           String multiplicityLabel, List<JijRow> rows) {

    public JijPairBlock {
        rows = List.copyOf(rows);
    }
}
