package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.akaikkr.GoMode;
import org.kkr4j.io.fortran.FixedField;

/**
 * The card as specx understood it: the {@code data read in} echo. Every numeric field keeps its
 * printed text; a {@link FixedField} is null when the field is absent or unreadable (see the log's
 * issues) and has a null value when it overflowed ({@code a=*********} when a >= 1000 or automatic).
 *
 * @param line              1-based line of {@code data read in}
 * @param goText            the {@code go=} echo as printed (trimmed)
 * @param goEchoWidth       characters of the echo field: 3 in cpa2002v010 and the 2021 family, 6 in 2022.0721;
 *                          0 when it could not be measured
 * @param goEchoTruncated   true when the echo fills a 3-character field and so may be cut
 *                          ({@code spc} for {@code spc31}, {@code geo} for {@code geom}, {@code j3.} for {@code j3.0})
 * @param goKind            the mode kind; known even for a truncated echo when its prefix is unambiguous; null otherwise
 * @param goMode            the full mode with its parameters; null when the echo is truncated or not a mode
 * @param potentialFile     {@code file=}
 * @param brvtyp            {@code brvtyp=}
 * @param aBohr             {@code a=} as echoed (f9.5)
 * @param cOverA            {@code c/a=}
 * @param bOverA            {@code b/a=}
 * @param alphaDeg          {@code alpha=}
 * @param betaDeg           {@code beta=}
 * @param gammaDeg          {@code gamma=}
 * @param edeltRy           {@code edelt=}
 * @param ewidthRy          {@code ewidth=}
 * @param reltyp            {@code reltyp=}
 * @param sdftyp            {@code sdftyp=}
 * @param magtyp            {@code magtyp=}
 * @param record            {@code record=}
 * @param outtyp            {@code outtyp=}
 * @param bzqlty            {@code bzqlty=} (text: it may be a number or a letter code)
 * @param maxitr            {@code maxitr=} (i3)
 * @param pmix              {@code pmix=}
 * @param mixtyp            {@code mixtyp=} (2021+); null in cpa2002v010
 * @param ntyp              {@code ntyp=} (i3)
 * @param natm              {@code natm=} (i3)
 * @param ncmpx             {@code ncmpx=} (i3)
 * @param fixedSpinMomentMuB the {@code fixed spin moment=} echo printed after the atoms in fsm runs; null otherwise
 * @param fixedSpinMomentLine 1-based line of that echo; 0 when absent
 * @param rmtEcho           the {@code rmt( i)=} values printed after {@code file to be accessed=}, in order; empty when
 *                          absent; an unreadable value is a null element
 * @param fileAccessed      {@code file to be accessed=}; null when absent
 */
public record InputEcho(int line, String goText, int goEchoWidth, boolean goEchoTruncated, GoMode.Kind goKind,
                        GoMode goMode, String potentialFile, String brvtyp, FixedField aBohr, FixedField cOverA,
                        FixedField bOverA, FixedField alphaDeg, FixedField betaDeg, FixedField gammaDeg,
                        FixedField edeltRy, FixedField ewidthRy, String reltyp, String sdftyp, String magtyp,
                        String record, String outtyp, String bzqlty, FixedField maxitr, FixedField pmix,
                        String mixtyp, FixedField ntyp, FixedField natm, FixedField ncmpx,
                        FixedField fixedSpinMomentMuB, int fixedSpinMomentLine, java.util.List<FixedField> rmtEcho,
                        String fileAccessed) {

    public InputEcho {
        rmtEcho = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rmtEcho));
    }
}
