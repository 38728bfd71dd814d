package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;

/**
 * One row of the {@code *** vertex correction made} table of the cnd build: two integers and four
 * E-format reals. The meaning of the columns is not documented in the output; they are kept as
 * printed.
 *
 * @param line   1-based line
 * @param first  first integer
 * @param second second integer
 * @param values the reals in printed order; NaN where overflowed
 */
public record VertexCorrectionRow(int line, int first, int second, List<Double> values) {

    public VertexCorrectionRow {
        values = List.copyOf(values);
    }
}
