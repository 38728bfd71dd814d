package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.fortran.FixedField;

/**
 * One {@code type=} entry of the {@code type of site} block.
 *
 * @param line       1-based line
 * @param name       the type name as printed (cpa2002v010 keeps 8 characters)
 * @param nameFieldWidth characters between {@code type=} and {@code rmt=} minus the two separating blanks
 * @param rmt        {@code rmt=} (units of a)
 * @param field      {@code field=}
 * @param lmxtyp     {@code lmxtyp=}
 * @param components the CPA components, in order
 */
public record SiteType(int line, String name, int nameFieldWidth, FixedField rmt, FixedField field,
                       FixedField lmxtyp, List<TypeComponent> components) {

    public SiteType {
        components = List.copyOf(components);
    }
}
