package org.kkr4j.io.akaikkr.output;

import java.util.List;
import java.util.Optional;
import org.kkr4j.io.akaikkr.AkaiVersion;

/**
 * The dialect a log was recognised as, with the markers that decided it.
 *
 * @param family   the family, {@link DialectFamily#UNKNOWN} when no rule applied
 * @param evidence every dialect marker seen, in file order
 */
public record DetectedDialect(DialectFamily family, List<DialectEvidence> evidence) {

    public DetectedDialect {
        evidence = List.copyOf(evidence);
    }

    /** The AkaiKKR version of the family; empty when unknown. */
    public Optional<AkaiVersion> version() {
        return family.version();
    }
}
