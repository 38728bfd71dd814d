package org.kkr4j.remote.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a job ended, decided from what the scheduler last said AND the run's own exit file. The rule that
 * AiiDA users asked for (aiida-core #3404, #4326): a job that is no longer in the queue is "finished" only
 * if its exit file says so; otherwise it was killed or lost.
 */
public sealed interface FinalState {

    /** The command ran to its end; {@code exitCode} is what it returned. */
    record Finished(int exitCode) implements FinalState {
    }

    /**
     * The command did not run to its end because the job was stopped.
     *
     * @param reason   why (TIMED_OUT, CANCELLED, NODE_FAIL, FAILED)
     * @param inferred true when the scheduler did not say so and the reason was inferred (walltime reached)
     * @param detail   the scheduler's state text, or how it was inferred
     */
    record Killed(JobStatus.State reason, boolean inferred, String detail) implements FinalState {
    }

    /** Left the queue with no exit file and no reason given: lost (never taken as finished). */
    record Lost(String detail) implements FinalState {
    }

    /** Still queued or running: nothing to decide yet. */
    record StillActive(JobStatus status) implements FinalState {
    }

    /**
     * @param lastSeen what the scheduler said last (use {@link JobStatus#notListed()} when it no longer
     *                 lists the job, or the sacct / pjstat -H answer when there is one)
     * @param exitFile the parsed exit file, empty if the file does not exist
     */
    static FinalState decide(JobStatus lastSeen, Optional<ExitFile> exitFile) {
        return decide(lastSeen, exitFile, Optional.empty());
    }

    /**
     * As {@link #decide(JobStatus, Optional)}, and when the scheduler gives no reason, infers a walltime
     * kill from the run's start time: a job with no exit file that disappeared after having run for its
     * whole walltime was killed at the limit (PJM's plain listing and a vanished PBS job do not say it).
     */
    static FinalState decide(JobStatus lastSeen, Optional<ExitFile> exitFile, Optional<WalltimeEvidence> evidence) {
        if (lastSeen.isActive()) {
            return new StillActive(lastSeen);
        }
        JobStatus.State s = lastSeen.state();
        boolean stopped = s == JobStatus.State.TIMED_OUT || s == JobStatus.State.CANCELLED
                || s == JobStatus.State.NODE_FAIL;
        if (exitFile.isPresent()) {
            ExitFile e = exitFile.get();
            // The scheduler's TERM at walltime or on cancel reaches the command first: the script then
            // still writes 128+15. That is a kill, not an ending of the command.
            if (stopped && e.killedBySignal()) {
                return new Killed(s, false, lastSeen.rawState() + ", command exit " + e.exitCode());
            }
            return new Finished(e.exitCode());
        }
        if (s != JobStatus.State.FINISHED_BY_SCHEDULER) {
            return new Killed(s, false, lastSeen.rawState());
        }
        if (evidence.isPresent() && evidence.get().walltimeReached()) {
            WalltimeEvidence w = evidence.get();
            return new Killed(JobStatus.State.TIMED_OUT, true, "no exit file; started " + w.startedAt()
                    + ", walltime " + w.walltime().toSeconds() + " s, gone by " + w.goneBy());
        }
        return new Lost(lastSeen.isListed()
                ? "scheduler state " + lastSeen.rawState() + " but no exit file"
                : "no longer listed by the scheduler and no exit file");
    }

    /**
     * The facts needed to infer a walltime kill: when the run started (its start file), its walltime,
     * and when the job was first seen gone.
     */
    record WalltimeEvidence(Instant startedAt, Duration walltime, Instant goneBy) {
        public boolean walltimeReached() {
            return !goneBy.isBefore(startedAt.plus(walltime));
        }
    }
}
