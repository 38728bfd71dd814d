package org.kkr4j.elements;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Facts about one chemical element. A fact the sources do not give is an empty optional, never 0.
 * See {@code kkr4j-elements/README.md} for the sources and for the conventions behind group,
 * valence electrons and the d/f counts.
 *
 * @param z                              atomic number (1..103)
 * @param symbol                         canonical symbol, e.g. {@code Fe}
 * @param name                           English name, e.g. {@code Iron}
 * @param group                          IUPAC group 1..18; empty for the lanthanides La..Lu and the
 *                                       actinides Ac..Lr (see {@link #isLanthanide()}, {@link #isActinide()})
 * @param period                         period 1..7
 * @param block                          s, p, d or f (La..Lu and Ac..Lr are f)
 * @param atomicMassU                    standard atomic mass in u (mass number of the longest-lived
 *                                       isotope for elements without a stable one)
 * @param paulingElectronegativity       Pauling electronegativity
 * @param atomicRadiusAngstrom           empirical atomic radius in Å
 * @param calculatedAtomicRadiusAngstrom calculated atomic radius in Å
 * @param metallicRadiusAngstrom         metallic radius in Å
 * @param vanDerWaalsRadiusAngstrom      van der Waals radius in Å
 * @param meltingPointK                  melting point in K
 * @param meltingPointApproximate        true when the source gives the melting point only as "about"
 * @param electronConfiguration          ground-state configuration, e.g. {@code [Ar] 3d6 4s2}
 * @param valenceElectrons               electrons outside the noble-gas core, without a filled d10
 *                                       shell in the p block and a filled f14 shell in the d and p
 *                                       blocks (= group number in groups 1..12, group − 10 in 13..18)
 * @param dElectrons                     occupation of the outermost d subshell in the configuration
 *                                       (0 when there is none; 10 for Ga)
 * @param fElectrons                     occupation of the outermost f subshell (0 when there is none)
 * @param akaiVolumeExperimentalCcPerMol AkaiKKR's experimental atomic volume (cc/mol)
 * @param akaiVolumeMjwCcPerMol          AkaiKKR's MJW atomic volume (cc/mol)
 */
public record Element(
        int z,
        String symbol,
        String name,
        OptionalInt group,
        int period,
        Block block,
        double atomicMassU,
        OptionalDouble paulingElectronegativity,
        OptionalDouble atomicRadiusAngstrom,
        OptionalDouble calculatedAtomicRadiusAngstrom,
        OptionalDouble metallicRadiusAngstrom,
        OptionalDouble vanDerWaalsRadiusAngstrom,
        OptionalDouble meltingPointK,
        boolean meltingPointApproximate,
        String electronConfiguration,
        int valenceElectrons,
        int dElectrons,
        int fElectrons,
        OptionalDouble akaiVolumeExperimentalCcPerMol,
        OptionalDouble akaiVolumeMjwCcPerMol) {

    /** Bohr³ per atom in one cc/mol (the factor stated with AkaiKKR's volume table). */
    public static final double BOHR3_PER_ATOM_PER_CC_PER_MOL = 11.205828;

    public Element {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(electronConfiguration, "electronConfiguration");
        if (z < 1) {
            throw new IllegalArgumentException("atomic number must be >= 1: " + z);
        }
        if (meltingPointApproximate && meltingPointK.isEmpty()) {
            throw new IllegalArgumentException(symbol + ": an approximate melting point needs a value");
        }
    }

    /** La (57) .. Lu (71). */
    public boolean isLanthanide() {
        return z >= 57 && z <= 71;
    }

    /** Ac (89) .. Lr (103). */
    public boolean isActinide() {
        return z >= 89 && z <= 103;
    }

    /** AkaiKKR's atomic volume in cc/mol from the given column; empty where the table holds no value. */
    public OptionalDouble akaiVolumeCcPerMol(VolumeSource source) {
        return switch (source) {
            case EXPERIMENTAL -> akaiVolumeExperimentalCcPerMol;
            case MJW -> akaiVolumeMjwCcPerMol;
        };
    }

    /** AkaiKKR's atomic volume in bohr³ per atom; empty where the table holds no value. */
    public OptionalDouble akaiVolumeBohr3PerAtom(VolumeSource source) {
        OptionalDouble cc = akaiVolumeCcPerMol(source);
        return cc.isPresent() ? OptionalDouble.of(cc.getAsDouble() * BOHR3_PER_ATOM_PER_CC_PER_MOL)
                : OptionalDouble.empty();
    }
}
