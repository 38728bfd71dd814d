package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.fortran.FixedField;

/**
 * The summary printed after the SCF loop. E_F and {@code def=} are kept per spin: they differ in
 * spin-polarised runs. A component is null when the line was not printed (band energy and magnetization
 * are absent in cpa2002v010) or unreadable (see the issues).
 *
 * @param line               1-based line of {@code itr= ... chr,spn}
 * @param itr                {@code itr=} of the summary
 * @param neu                {@code neu}
 * @param valenceCharge      {@code chr} of {@code chr,spn}
 * @param spinMomentMuB      {@code spn} of {@code chr,spn}
 * @param intc               first value of {@code intc,ints}
 * @param ints               second value of {@code intc,ints}
 * @param logRmsErrors       the {@code rms err=} list (components x spins, wrapped after 6 values), in order;
 *                           an unreadable entry is a null element, so positions keep their meaning
 * @param fermiLevelUpRy     first value of {@code ef=}
 * @param fermiLevelDownRy   second value of {@code ef=}
 * @param defUp              first value of {@code def=}
 * @param defDown            second value of {@code def=}
 * @param bandEnergyRy       {@code band energy=} (2021+)
 * @param totalEnergyRy      {@code total energy=}
 * @param magnetizationT     {@code magnetization=} (tesla, 2021+)
 * @param totalEnergyLine    1-based line of {@code total energy=}; 0 when not reached
 */
public record FinalSummary(int line, FixedField itr, FixedField neu, FixedField valenceCharge,
                           FixedField spinMomentMuB, FixedField intc, FixedField ints,
                           List<FixedField> logRmsErrors, FixedField fermiLevelUpRy, FixedField fermiLevelDownRy,
                           FixedField defUp, FixedField defDown, FixedField bandEnergyRy, FixedField totalEnergyRy,
                           FixedField magnetizationT, int totalEnergyLine) {

    public FinalSummary {
        logRmsErrors = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(logRmsErrors));
    }
}
