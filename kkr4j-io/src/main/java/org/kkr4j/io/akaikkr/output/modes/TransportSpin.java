package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;
import java.util.Optional;

/**
 * The part of a cnd run for one spin, closed by its {@code cnd1} (up) or {@code cnd2} (down) line.
 *
 * @param spin                 UP for the section closed by {@code cnd1}, DOWN for {@code cnd2}
 * @param vertexCorrection     the {@code *** vertex correction made} table; empty list when absent
 * @param pdos                 the partial-DOS tables printed in this section
 * @param conductivity         the {@code conductivity component=} tables
 * @param conductivityAu       the {@code cnd1}/{@code cnd2} value (a.u.); empty when missing
 *                             (killed run) or overflowed
 * @param line                 1-based line of the {@code cndN} line, 0 when missing
 */
public record TransportSpin(SpinChannel spin, List<VertexCorrectionRow> vertexCorrection,
                            List<TransportPdos> pdos, List<ConductivityTable> conductivity,
                            Optional<Double> conductivityAu, int line) {

    public TransportSpin {
        vertexCorrection = List.copyOf(vertexCorrection);
        pdos = List.copyOf(pdos);
        conductivity = List.copyOf(conductivity);
    }
}
