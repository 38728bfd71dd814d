package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;
import java.util.Optional;

/**
 * The mean-field Curie temperature, printed by {@code go=tc} (with the molecular-field table) and
 * by {@code go=j...} (after the J_ij table, without it).
 *
 * @param molecularFields    the {@code sublat cmpnt Hmf} table; empty for j runs
 * @param curieTemperatureK  {@code Tc (in mean field approximation) = ...K}; empty when the line is
 *                           missing or the value overflowed (an issue says which)
 * @param line               1-based line of the Tc line, 0 when absent
 */
public record CurieTemperatureResult(List<MolecularFieldRow> molecularFields,
                                     Optional<Double> curieTemperatureK, int line) {

    public CurieTemperatureResult {
        molecularFields = List.copyOf(molecularFields);
    }
}
