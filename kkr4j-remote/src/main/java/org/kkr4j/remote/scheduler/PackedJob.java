package org.kkr4j.remote.scheduler;

import static org.kkr4j.remote.ShellQuoting.quote;

import java.util.List;
import java.util.Map;

/**
 * Job packing with a pool directory: many runs, a few batch jobs (pilots). The engine prepares each
 * run's directory with its task script ({@link #taskScript}) and drops one entry per run into
 * {@code <pool>/todo/} ({@link #todoEntryName}, {@link #todoEntryContent}); pilots submitted through any
 * {@link Scheduler} ({@link #pilotSpec}) work through the pool until it is empty.
 *
 * <pre>
 * pool/todo/RUNID                      waiting; the file holds the run directory
 * pool/claimed/RUNID.PILOT.W           claimed by worker W of pilot PILOT (the scheduler's job id)
 * pool/done/RUNID                      the task script has ended; its exit file is in its run directory
 * pool/pilots/PILOTNAME/.kkr4j/...     each pilot job's own start/exit markers
 * </pre>
 *
 * <p>A claim is a {@code rename(2)} of the todo entry ({@code mv} within one file system), which is
 * atomic: of several workers racing for an entry exactly one succeeds, the others find it gone. A task
 * whose exit file exists already is not run again. Entries claimed by a pilot that died (walltime, node
 * failure) stay in {@code claimed/}; {@link #requeueCommand} puts them back.
 */
public final class PackedJob {
    private PackedJob() {
    }

    /** The task script for one run, to be written to {@code <runDirectory>/.kkr4j/task.sh}. */
    public static String taskScript(PackTask task) {
        return JobScripts.taskScript(task);
    }

    /** Where {@link #taskScript} goes. */
    public static String taskScriptPath(PackTask task) {
        return RunLayout.path(task.runDirectory(), RunLayout.TASK_SCRIPT);
    }

    /** Name of the run's entry in {@code <pool>/todo/}. */
    public static String todoEntryName(PackTask task) {
        return task.runId();
    }

    /** Content of the run's todo entry: its run directory. */
    public static String todoEntryContent(PackTask task) {
        return task.runDirectory() + "\n";
    }

    /**
     * The shell lines of a pilot: {@code workers} workers in parallel claim entries of
     * {@code <pool>/todo/} until none is left, each running the claimed run's task script.
     */
    public static List<String> pilotCommandLines(String poolDirectory, int workers) {
        JobSpec.checkDirectory("poolDirectory", poolDirectory);
        if (workers < 1) {
            throw new InvalidJobSpecException("workers", "must be at least 1, was " + workers);
        }
        return List.of(
                "kkr4j_pool=" + quote("pool directory", poolDirectory),
                // the scheduler's job id names the pilot, so that its claims can be found if it dies
                "kkr4j_pilot=\"${SLURM_JOB_ID:-${PBS_JOBID:-${PJM_SUBJOBID:-${PJM_JOBID:-$(hostname).$$}}}}\"",
                "mkdir -p \"$kkr4j_pool/todo\" \"$kkr4j_pool/claimed\" \"$kkr4j_pool/done\"",
                "kkr4j_worker() {",
                "  local f n d c any",
                "  while :; do",
                "    any=0",
                "    for f in \"$kkr4j_pool\"/todo/*; do",
                "      [ -e \"$f\" ] || continue",
                "      any=1",
                "      n=${f##*/}",
                "      c=\"$kkr4j_pool/claimed/$n.$kkr4j_pilot.$1\"",
                "      mv -- \"$f\" \"$c\" 2>/dev/null || continue",
                "      d=$(head -n 1 -- \"$c\")",
                "      if [ ! -e \"$d/.kkr4j/exit\" ]; then",
                "        bash \"$d/.kkr4j/task.sh\" > \"$d/.kkr4j/task.out\" 2>&1 < /dev/null",
                "      fi",
                "      mv -- \"$c\" \"$kkr4j_pool/done/$n\"",
                "    done",
                "    [ \"$any\" = 1 ] || break",
                "  done",
                "}",
                "for ((kkr4j_w = 0; kkr4j_w < " + workers + "; kkr4j_w++)); do kkr4j_worker \"$kkr4j_w\" & done",
                "wait");
    }

    /**
     * A pilot job for any scheduler: runs in {@code <pool>/pilots/<pilotId>} and works through the pool
     * with {@code resources.parallelTasks()} workers.
     */
    public static JobSpec pilotSpec(String pilotId, String poolDirectory, Resources resources,
                                    Map<String, String> environment, List<String> modules, String prependText) {
        JobSpec.checkDirectory("poolDirectory", poolDirectory);
        String dir = RunLayout.path(poolDirectory, "pilots/" + pilotId);
        return new JobSpec(pilotId, dir, pilotCommandLines(poolDirectory, resources.parallelTasks()), resources,
                environment, modules, prependText, List.of(), List.of());
    }

    /**
     * Puts back the claims of pilots that are gone: {@code bash -c ... POOL PILOT...} moves
     * {@code claimed/RUNID.PILOT.*} to {@code todo/RUNID} unless the run has an exit file meanwhile (then
     * to {@code done/}). Only call it for pilots the scheduler no longer lists.
     */
    public static List<String> requeueCommand(String poolDirectory, List<String> deadPilotJobIds) {
        JobSpec.checkDirectory("poolDirectory", poolDirectory);
        if (deadPilotJobIds.isEmpty()) {
            throw new IllegalArgumentException("no pilot ids");
        }
        for (String id : deadPilotJobIds) {
            if (!id.matches("[A-Za-z0-9_.\\[\\]-]+")) {
                throw new IllegalArgumentException("\"" + id + "\" is not a job id");
            }
        }
        String script = String.join("\n",
                "pool=$1; shift",
                "for p in \"$@\"; do",
                "  for c in \"$pool\"/claimed/*.\"$p\".*; do",
                "    [ -e \"$c\" ] || continue",
                "    n=${c##*/}; n=${n%.\"$p\".*}",
                "    d=$(head -n 1 -- \"$c\")",
                "    if [ -e \"$d/.kkr4j/exit\" ]; then mv -- \"$c\" \"$pool/done/$n\"; "
                        + "else mv -- \"$c\" \"$pool/todo/$n\"; fi",
                "  done",
                "done");
        List<String> argv = new java.util.ArrayList<>(List.of("bash", "-c", script, "kkr4j-requeue",
                poolDirectory));
        argv.addAll(deadPilotJobIds);
        return argv;
    }
}
