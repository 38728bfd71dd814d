package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.fortran.FixedField;

/**
 * The block {@code *** type-<T>  <El> (z= Z) ***} printed after the summary, one per CPA component of
 * every type. A component is null when its line was not printed or unreadable (see the issues); lists
 * are empty when their lines were not printed.
 *
 * @param line                     1-based line of the {@code *** type-} header
 * @param typeName                 T as printed
 * @param element                  element symbol as printed
 * @param atomicNumber             Z
 * @param coreChargeInMuffinTin    {@code core charge in the muffin-tin sphere =} (electrons)
 * @param valenceChargeUp          {@code valence charge in the cell (spin up  )} per l ({@code s p d [f]})
 * @param valenceChargeDown        the same for spin down
 * @param totalCharge              {@code total charge=} (electrons)
 * @param valenceChargeUpTotal     first value of {@code valence charge (up/down)=}
 * @param valenceChargeDownTotal   second value
 * @param spinMomentMuB            {@code spin moment=}
 * @param orbitalMomentMuB         {@code orbital moment=}
 * @param orbitalCurrentUp         first value of {@code orbital current (up/down)=}
 * @param orbitalCurrentDown       second value
 * @param orbitalOccupationUp      {@code orbital occupation (spin up  )} rows (srals); empty otherwise
 * @param orbitalOccupationDown    the same for spin down
 * @param coreLevelsUp             {@code core level  (spin up  )}, in printed order
 * @param coreLevelsDown           {@code core level  (spin down)}
 * @param hyperfineField           the hyperfine block; null when not printed
 * @param chargeDensityAtNucleus   the charge-density block; null when not printed
 * @param lastLine                 1-based last line that belongs to the block
 */
public record ComponentResult(int line, String typeName, String element, FixedField atomicNumber,
                              FixedField coreChargeInMuffinTin, List<ShellValue> valenceChargeUp,
                              List<ShellValue> valenceChargeDown, FixedField totalCharge,
                              FixedField valenceChargeUpTotal, FixedField valenceChargeDownTotal,
                              FixedField spinMomentMuB, FixedField orbitalMomentMuB, FixedField orbitalCurrentUp,
                              FixedField orbitalCurrentDown, List<OrbitalOccupation> orbitalOccupationUp,
                              List<OrbitalOccupation> orbitalOccupationDown, List<CoreLevel> coreLevelsUp,
                              List<CoreLevel> coreLevelsDown, HyperfineField hyperfineField,
                              ChargeDensityAtNucleus chargeDensityAtNucleus, int lastLine) {

    public ComponentResult {
        valenceChargeUp = List.copyOf(valenceChargeUp);
        valenceChargeDown = List.copyOf(valenceChargeDown);
        orbitalOccupationUp = List.copyOf(orbitalOccupationUp);
        orbitalOccupationDown = List.copyOf(orbitalOccupationDown);
        coreLevelsUp = List.copyOf(coreLevelsUp);
        coreLevelsDown = List.copyOf(coreLevelsDown);
    }
}
