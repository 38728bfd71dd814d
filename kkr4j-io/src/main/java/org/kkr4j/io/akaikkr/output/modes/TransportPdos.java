package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;

/**
 * A partial-DOS table printed inside a cnd run ({@code DOS of component N} followed by the header
 * {@code energy sdosup pdosup ...}), with E-format numbers.
 *
 * @param component 1-based component, counted in printed order
 * @param line      1-based line of the {@code DOS of component} header
 * @param columns   the column labels of the header after {@code energy} (e.g. {@code sdosup})
 * @param rows      the rows; values in states/Ry per spin, NaN where overflowed
 */
public record TransportPdos(int component, int line, List<String> columns, List<PdosRow> rows) {

    public TransportPdos {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
