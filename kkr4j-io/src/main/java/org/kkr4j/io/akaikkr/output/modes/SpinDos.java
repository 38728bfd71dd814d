package org.kkr4j.io.akaikkr.output.modes;

import java.util.List;

/**
 * The DOS blocks of one spin: the partial DOS of every component, the total DOS and the
 * integrated DOS.
 *
 * @param spin                     which spin; {@link SpinChannel#NON_MAGNETIC} for nmag runs
 * @param components               the {@code DOS of component} tables in printed order
 * @param totalDosStatesPerRy      the {@code total DOS} table: states/Ry per cell, at the mid-points
 *                                 between mesh energies (one row fewer than the PDOS); empty list when
 *                                 the block is absent (killed run)
 * @param totalDosLine             1-based line of the {@code total DOS} header, 0 when absent
 * @param integratedDosStates      the {@code integrated DOS} table: states (electrons) per cell, at the
 *                                 mesh energies; empty list when absent
 * @param integratedDosLine        1-based line of the {@code integrated DOS} header, 0 when absent
 */
public record SpinDos(SpinChannel spin, List<ComponentPdos> components,
                      List<DosPoint> totalDosStatesPerRy, int totalDosLine,
                      List<DosPoint> integratedDosStates, int integratedDosLine) {

    public SpinDos {
        components = List.copyOf(components);
        totalDosStatesPerRy = List.copyOf(totalDosStatesPerRy);
        integratedDosStates = List.copyOf(integratedDosStates);
    }
}
