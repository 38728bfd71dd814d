package org.kkr4j.remote.scheduler;

/**
 * The files every job script writes into its run directory, under {@code .kkr4j/}. The engine reads them
 * back over the transport; they, not the scheduler, say whether the command finished.
 *
 * <ul>
 *   <li>{@code start}: epoch seconds and host name when the job began (one line)</li>
 *   <li>{@code end}: epoch seconds when the command ended</li>
 *   <li>{@code exit}: the command's exit code; written last, via a temporary file and {@code mv}, so that a
 *       reader sees either no file or the whole number</li>
 *   <li>{@code pid}: process id of the job script (direct scheduler)</li>
 *   <li>{@code job.sh}, {@code job.out}, {@code job.err}: the script and the scheduler's output files</li>
 *   <li>{@code task.sh}: a packed task's script</li>
 * </ul>
 */
public final class RunLayout {
    private RunLayout() {
    }

    public static final String DIR = ".kkr4j";
    public static final String START = DIR + "/start";
    public static final String END = DIR + "/end";
    public static final String EXIT = DIR + "/exit";
    public static final String PID = DIR + "/pid";
    public static final String SCRIPT = DIR + "/job.sh";
    public static final String STDOUT = DIR + "/job.out";
    public static final String STDERR = DIR + "/job.err";
    public static final String TASK_SCRIPT = DIR + "/task.sh";

    /** {@code runDirectory/relative}, without doubling the slash. */
    public static String path(String runDirectory, String relative) {
        return runDirectory.endsWith("/") ? runDirectory + relative : runDirectory + "/" + relative;
    }
}
