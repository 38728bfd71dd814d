package org.kkr4j.remote.scheduler;

import org.kkr4j.remote.CommandResult;

/**
 * A scheduler command failed or printed something this adapter cannot read. Never silently taken as
 * "no jobs": a truncated or failed status answer must not make running jobs look finished.
 */
public final class SchedulerResponseException extends RuntimeException {
    private final String scheduler;
    private final String command;
    private final String where;

    /**
     * @param scheduler which adapter (e.g. "slurm")
     * @param command   which answer was being read (e.g. "squeue", "sbatch --parsable")
     * @param where     the offending line or a description of the place (e.g. "line 3: ...")
     * @param message   what is wrong
     */
    public SchedulerResponseException(String scheduler, String command, String where, String message) {
        super(scheduler + " " + command + ": " + message + (where.isEmpty() ? "" : " [" + where + "]"));
        this.scheduler = scheduler;
        this.command = command;
        this.where = where;
    }

    static SchedulerResponseException failed(String scheduler, String command, CommandResult r) {
        return new SchedulerResponseException(scheduler, command, firstLines(r.stderr().isBlank()
                ? r.stdout() : r.stderr()), "command failed with exit code " + r.exitCode());
    }

    static String firstLines(String text) {
        String s = text.strip();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    public String scheduler() {
        return scheduler;
    }

    public String command() {
        return command;
    }

    public String where() {
        return where;
    }
}
