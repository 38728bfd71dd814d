package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/**
 * One CPA component of a site type: {@code component= n anclr= Z conc= c}, or in the cnd build
 * {@code cmpnt n dsp= dx dy dz anclr= Z x= c}.
 *
 * @param line              1-based line
 * @param index             component number as printed
 * @param displacement      the {@code dsp=} vector (cnd build only); null elsewhere
 * @param atomicNumber      {@code anclr=} (f5.0 {@code 26.} in cpa2002v010, {@code 26.00} later)
 * @param concentration     {@code conc=} or {@code x=} (fraction)
 */
public record TypeComponent(int line, int index, double[] displacement, FixedField atomicNumber,
                            FixedField concentration) {
}
