package org.kkr4j.remote.scheduler;

/**
 * What the scheduler said about one job, normalised, with the scheduler's own words kept.
 *
 * @param state    the normalised state
 * @param rawState the scheduler's state text as printed (e.g. {@code PENDING}, {@code job_state=F
 *                 Exit_status=0}, {@code RNA}); empty when the job was not listed at all
 */
public record JobStatus(State state, String rawState) {

    public enum State {
        /** Waiting to start (Slurm PENDING, PBS Q/W/T, PJM ACC/QUE/RNA). */
        QUEUED,
        /** Running or finishing (Slurm RUNNING/COMPLETING, PBS R/E/B, PJM RUN/RNE/RNO/RNP). */
        RUNNING,
        /** Held or suspended by a user or administrator. */
        HELD,
        /**
         * Left the queue without a reason the scheduler would give: ended normally by its account
         * (Slurm COMPLETED, PBS F, PJM EXT), or simply not listed any more. This does NOT mean the command
         * finished: only the run's exit file says that (see {@link FinalState}).
         */
        FINISHED_BY_SCHEDULER,
        /** Cancelled (scancel, qdel, pjdel). */
        CANCELLED,
        /** Killed at its walltime. */
        TIMED_OUT,
        /** Lost because a node failed. */
        NODE_FAIL,
        /** The scheduler says the job failed or was rejected (Slurm FAILED/OUT_OF_MEMORY, PJM ERR/RJT). */
        FAILED,
        /** A state text this adapter does not know; treated as still active so that nothing is concluded. */
        UNKNOWN;

        /** Still (possibly) in the queue: keep polling. */
        public boolean isActive() {
            return this == QUEUED || this == RUNNING || this == HELD || this == UNKNOWN;
        }
    }

    public JobStatus {
        if (state == null || rawState == null) {
            throw new IllegalArgumentException("state and rawState must not be null");
        }
    }

    /** The job was asked about but not in the scheduler's answer. */
    public static JobStatus notListed() {
        return new JobStatus(State.FINISHED_BY_SCHEDULER, "");
    }

    public boolean isListed() {
        return !rawState.isEmpty();
    }

    public boolean isActive() {
        return state.isActive();
    }

    @Override
    public String toString() {
        return state + (rawState.isEmpty() ? " (not listed)" : " (" + rawState + ")");
    }
}
