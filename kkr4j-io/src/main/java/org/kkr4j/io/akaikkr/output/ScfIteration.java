package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/**
 * One SCF iteration line, {@code (1x,a2,'itr=',i3,' neu=',f10.4,'  moment=',f8.4,'  te=',f16.8,'  err=',f7.3)}.
 * Fields are cut at the format labels, so an overflowed field ({@code itr=***} for 1000 and more) stays
 * an overflowed {@link FixedField} and never becomes a number. A field is null only when unreadable
 * (reported as an issue).
 *
 * @param line            1-based line
 * @param cpaFlags        the two characters before {@code itr=}: a {@code *} per spin whose CPA did not converge
 * @param itr             iteration number (i3)
 * @param neu             charge-neutrality error {@code neu=}
 * @param momentMuB       total spin moment of the cell (muB)
 * @param totalEnergyRy   {@code te=} (Ry)
 * @param logRmsError     {@code err=}: log10 of the rms potential residual
 */
public record ScfIteration(int line, String cpaFlags, FixedField itr, FixedField neu, FixedField momentMuB,
                           FixedField totalEnergyRy, FixedField logRmsError) {

    /** True when the CPA of the first spin did not converge in this iteration (first flag character is {@code *}). */
    public boolean cpaNotConvergedSpinUp() {
        return cpaFlags.length() > 0 && cpaFlags.charAt(0) == '*';
    }

    /** True when the CPA of the second spin did not converge (second flag character is {@code *}). */
    public boolean cpaNotConvergedSpinDown() {
        return cpaFlags.length() > 1 && cpaFlags.charAt(1) == '*';
    }
}
