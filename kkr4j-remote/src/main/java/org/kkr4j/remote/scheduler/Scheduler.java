package org.kkr4j.remote.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kkr4j.remote.CommandResult;

/**
 * A batch system as pure functions: it writes job scripts, builds the commands to submit, query, cancel
 * and look up jobs, and reads the answers. Running the commands is the caller's business (a
 * {@link org.kkr4j.remote.CommandRunner}), so every adapter is tested against recorded output.
 *
 * <p>Polling costs one command per computer and interval: {@link #statusCommand} takes all job ids at
 * once. Answers that cannot be read raise {@link SchedulerResponseException}; they never read as "no jobs".
 */
public interface Scheduler {

    /** "direct", "slurm", "pbs" or "pjm". */
    String name();

    /** The job script for {@code spec}; the caller writes it to {@link JobSpec#scriptPath()}. */
    String jobScript(JobSpec spec);

    /** The command that submits the script already written to {@link JobSpec#scriptPath()}. */
    List<String> submitCommand(JobSpec spec);

    /** The job id from the submit command's answer. */
    String parseSubmit(CommandResult result);

    /** One command asking for the state of all these jobs. */
    List<String> statusCommand(Collection<String> jobIds);

    /**
     * The state of every job in {@code asked}: a job missing from the answer is
     * {@link JobStatus#notListed()}; the map holds exactly the asked ids.
     */
    Map<String, JobStatus> parseStatus(CommandResult result, Collection<String> asked);

    /**
     * A command asking the scheduler's record of ended jobs (Slurm {@code sacct}, PJM {@code pjstat -H}),
     * for jobs the status command no longer lists. Empty when this scheduler has no such record or its
     * status command already covers ended jobs.
     */
    default Optional<List<String>> historyCommand(Collection<String> jobIds) {
        return Optional.empty();
    }

    /**
     * Reads the answer of {@link #historyCommand}. Empty when the record is switched off on this
     * computer (Slurm without accounting storage): the caller then relies on the exit files alone.
     */
    default Optional<Map<String, JobStatus>> parseHistory(CommandResult result, Collection<String> asked) {
        throw new UnsupportedOperationException(name() + " scheduler has no history command");
    }

    /** The command that cancels these jobs. */
    List<String> cancelCommand(Collection<String> jobIds);

    /**
     * A command listing this user's queued or running jobs named {@code kkr4j-<runId>}: run before any
     * resubmission so that a job submitted just before a crash is adopted, not submitted twice.
     */
    List<String> lookupByNameCommand(String runId);

    /** Ids of the jobs named {@code kkr4j-<runId>} that are still queued, running or held. */
    List<String> parseLookup(CommandResult result, String runId);

    /** The adapter for a scheduler name as stored with a computer. */
    static Scheduler forName(String name) {
        return switch (name) {
            case "direct" -> new DirectScheduler();
            case "slurm" -> new SlurmScheduler();
            case "pbs", "pbspro" -> new PbsProScheduler();
            case "pjm" -> new PjmScheduler();
            default -> throw new IllegalArgumentException("unknown scheduler \"" + name
                    + "\" (known: direct, slurm, pbs, pjm)");
        };
    }
}
