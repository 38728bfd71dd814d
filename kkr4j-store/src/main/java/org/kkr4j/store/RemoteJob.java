package org.kkr4j.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a run lives on a computer and which batch job runs it.
 *
 * @param runId     the run
 * @param computer  the computer's name
 * @param remoteDir the run's directory on the computer
 * @param jobId     the scheduler's job id; null between staging and a confirmed submission
 * @param submitted when the record was made
 */
public record RemoteJob(long runId, String computer, String remoteDir, String jobId, Instant submitted) {
    public RemoteJob {
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(remoteDir, "remoteDir");
    }

    public RemoteJob withJobId(String id) {
        return new RemoteJob(runId, computer, remoteDir, id, submitted);
    }
}
