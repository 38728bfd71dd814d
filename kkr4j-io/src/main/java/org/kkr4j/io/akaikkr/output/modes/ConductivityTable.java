package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;

/**
 * The {@code conductivity component= N} table of a cnd run.
 *
 * @param line        1-based line of the caption
 * @param component   the number printed after {@code component=}
 * @param columnLabel the header of the value column ({@code cndup}, {@code cnddown})
 * @param rowsAu      energy (E − E_F, Ry) and conductivity (a.u.)
 */
public record ConductivityTable(int line, int component, String columnLabel, List<DosPoint> rowsAu) {

    public ConductivityTable {
        rowsAu = List.copyOf(rowsAu);
    }
}
