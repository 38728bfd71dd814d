package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;
import java.util.Optional;

/**
 * The output of {@code go=cnd} (2022.0721 {@code akaikkr_cnd} build).
 *
 * @param spins                  the per-spin sections in printed order
 * @param totalConductivityAu    {@code cnductivity ... (a.u.)} of the summary; empty when missing
 * @param resistivityMicroOhmCm  {@code resistivity ... (micro ohm cm)}; empty when missing
 */
public record TransportResult(List<TransportSpin> spins, Optional<Double> totalConductivityAu,
                              Optional<Double> resistivityMicroOhmCm) {

    public TransportResult {
        spins = List.copyOf(spins);
    }
}
