package org.kkr4j.io.akaikkr.output;

import org.kkr4j.io.fortran.FixedField;

/** A value labelled by a shell or an l channel, e.g. {@code -20.144 kG(1s)} or {@code 0.20778(s)}. */
public record ShellValue(String shell, FixedField value) {
}
