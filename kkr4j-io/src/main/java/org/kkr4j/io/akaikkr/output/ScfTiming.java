package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/**
 * The lines printed after the SCF loop: {@code interval= N cpu time= t sec} and
 * {@code sdftyp= reltyp= dmpc=}. Components are null when the line was not printed.
 *
 * @param intervalLine   1-based line of {@code interval=}; 0 when absent
 * @param interval       {@code interval=} (i3)
 * @param cpuTimeSec     {@code cpu time=} (s)
 * @param settingsLine   1-based line of {@code sdftyp=}; 0 when absent
 * @param sdftyp         {@code sdftyp=} as used (may differ from the echo, e.g. {@code mjwasa} -> {@code mjwas})
 * @param reltyp         {@code reltyp=}
 * @param dmpc           {@code dmpc=}
 */
public record ScfTiming(int intervalLine, FixedField interval, FixedField cpuTimeSec, int settingsLine,
                        String sdftyp, String reltyp, FixedField dmpc) {
}
