package org.kkr4j.automation.scf;

import java.util.Objects;
import java.util.Optional;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.store.Outcome;

/**
 * A finished specx run as the procedure sees it.
 *
 * @param runId   the stored run
 * @param outcome the engine's classification
 * @param log     the parsed standard output; empty when there was none or it could not be parsed
 * @param detail  what went wrong, for runs that did not end as specx meant (first line of stderr, exit status)
 */
public record SpecxRun(long runId, Outcome outcome, Optional<SpecxLog> log, String detail) {
    public SpecxRun {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(detail, "detail");
    }
}
