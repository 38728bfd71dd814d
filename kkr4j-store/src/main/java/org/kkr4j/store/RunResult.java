package org.kkr4j.store;

/**
 * The typed, queryable result columns of one run. Every field is null when the log did not give it
 * (never 0 for "not read"). Energies in Ry, lengths in bohr, moments in Bohr magnetons, temperatures
 * in K, resistivity in μΩ·cm.
 *
 * @param system                  compact system key, e.g. {@code Fe25Co25Ni25Cu25} or the type list
 * @param lattice                 brvtyp as read from the card (fcc, bcc, hcp, ...)
 * @param mode                    go mode as written in the card (go, dos, j, tc, cnd, spc31, fsm, ...)
 * @param ewidthRy                energy-contour width
 * @param converged               SCF convergence (null for post-processing runs)
 * @param iterations              number of SCF iterations printed
 * @param totalEnergyRy           total energy of the last deck
 * @param fermiEnergyRy           Fermi energy (spin-up value where spins differ)
 * @param totalMomentMuB          total spin moment per cell
 * @param latticeConstantBohr     lattice constant a actually used
 * @param curieTemperatureK       Tc (tc mode)
 * @param resistivityMicroOhmCm   residual resistivity (cnd mode)
 * @param momentsJson             per type/component moments as a JSON object, or null
 */
public record RunResult(String system, String lattice, String mode, Double ewidthRy, Boolean converged,
                        Integer iterations, Double totalEnergyRy, Double fermiEnergyRy, Double totalMomentMuB,
                        Double latticeConstantBohr, Double curieTemperatureK, Double resistivityMicroOhmCm,
                        String momentsJson) {

    public static final RunResult EMPTY = new RunResult(null, null, null, null, null, null, null, null, null, null,
            null, null, null);
}
