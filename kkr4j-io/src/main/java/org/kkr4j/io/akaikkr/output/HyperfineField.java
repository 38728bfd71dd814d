package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.fortran.FixedField;

/**
 * The {@code hyperfine field of} block (kG).
 *
 * @param line                1-based line of the total
 * @param totalKG             total field
 * @param coreKG              {@code core=}
 * @param valenceKG           {@code valence=}
 * @param orbitalKG           {@code orbital=} (2021+); null in cpa2002v010
 * @param coreContributionsKG per-shell core contributions, in printed order
 */
public record HyperfineField(int line, FixedField totalKG, FixedField coreKG, FixedField valenceKG,
                             FixedField orbitalKG, List<ShellValue> coreContributionsKG) {

    public HyperfineField {
        coreContributionsKG = List.copyOf(coreContributionsKG);
    }
}
