package org.kkr4j.automation.scf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the automatic procedure did for one system.
 *
 * @param status         how it ended
 * @param reason         one line saying why
 * @param ewidthRy       the final ewidth (FINISHED), else empty
 * @param finalGoRun     the converged go run whose potential is the result (FINISHED), else empty
 * @param firstEwidthRy  the ewidth of the first go run
 * @param firstFromGuess the first ewidth was the informed first guess (not the card's)
 * @param goRuns         specx go invocations (probes, continuations and rescue steps included)
 * @param freshStarts    go runs from a fresh potential ({@code init})
 * @param dosRuns        specx dos invocations
 * @param scfIterations  SCF iterations over all go runs
 * @param trail          every plan, run, judgement and action in order
 */
public record ScfReport(ScfStatus status, String reason, OptionalDouble ewidthRy, Optional<Long> finalGoRun,
                        double firstEwidthRy, boolean firstFromGuess, int goRuns, int freshStarts, int dosRuns,
                        int scfIterations, List<ScfStep> trail) {
    public ScfReport {
        Objects.requireNonNull(status, "status");
        trail = List.copyOf(trail);
    }

    /** Finished at the first ewidth tried: the first guess (or the card's value) was right. */
    public boolean firstEwidthKept() {
        return status == ScfStatus.FINISHED && Math.abs(ewidthRy.getAsDouble() - firstEwidthRy) < 1e-9;
    }
}
