package org.kkr4j.automation;

import org.kkr4j.io.fortran.FixedField;

/** Reads parser fields as plain doubles; a field the log did not print (or printed as stars) becomes NaN. */
final class Fields {
    private Fields() {
    }

    static double value(FixedField f) {
        return f == null || f.value() == null ? Double.NaN : f.value();
    }
}
