package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.fortran.FixedField;

/**
 * The {@code charge density at the nucleus} block (electrons per bohr^3).
 *
 * @param line               1-based line of the total
 * @param total              total density
 * @param core               {@code core=}
 * @param valence            {@code valence=}
 * @param coreContributions  per-shell core contributions, in printed order
 */
public record ChargeDensityAtNucleus(int line, FixedField total, FixedField core, FixedField valence,
                                     List<ShellValue> coreContributions) {

    public ChargeDensityAtNucleus {
        coreContributions = List.copyOf(coreContributions);
    }
}
