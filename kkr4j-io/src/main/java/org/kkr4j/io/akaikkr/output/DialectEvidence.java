package org.kkr4j.io.akaikkr.output;

import java.util.List;

/**
 * One marker seen in a log that tells dialects apart (see akaikkr-io.md section 2).
 *
 * @param line      1-based line where the marker was seen (0 for markers that are an absence, e.g. no band energy)
 * @param marker    what was seen, e.g. {@code debug bnd2_type line}, {@code ngpt=}, {@code magtyp alone on its line}
 * @param indicates the families that print this marker
 */
public record DialectEvidence(int line, String marker, List<DialectFamily> indicates) {

    public DialectEvidence {
        indicates = List.copyOf(indicates);
    }
}
