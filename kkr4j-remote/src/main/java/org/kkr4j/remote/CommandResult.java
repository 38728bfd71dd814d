package org.kkr4j.remote;

/**
 * What a command printed and how it ended. Schedulers parse these; they never see a process or a channel.
 *
 * @param exitCode the command's exit status (for a remote command, the status the SSH server reported)
 * @param stdout   everything the command wrote to standard output, decoded as UTF-8
 * @param stderr   everything the command wrote to standard error, decoded as UTF-8
 */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public CommandResult {
        if (stdout == null || stderr == null) {
            throw new IllegalArgumentException("stdout and stderr must not be null (use \"\")");
        }
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** A one-line summary for error messages: exit code and the first line of stderr. */
    public String summary() {
        String first = stderr.strip().lines().findFirst().orElse("");
        return "exit " + exitCode + (first.isEmpty() ? "" : ": " + first);
    }
}
