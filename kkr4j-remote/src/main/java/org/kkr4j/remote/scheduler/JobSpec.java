package org.kkr4j.remote.scheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kkr4j.remote.ShellQuoting;
import org.kkr4j.remote.UnsafeArgumentException;

/**
 * Everything a scheduler needs to write one job script.
 *
 * <p>Either {@code commandLines} (one run: the lines are shell text written by the engine and run in the
 * run directory) or {@code tasks} (a packed job: each task is a run with its own directory) is non-empty,
 * never both.
 *
 * @param runId         identifies the run (or the pack); the job name is {@code kkr4j-<runId>}, which is how
 *                      a job is found again before any resubmission
 * @param runDirectory  absolute remote directory; the job runs there and writes its {@code .kkr4j/} markers
 * @param commandLines  shell lines to run (trusted text produced by the engine, not user input)
 * @param resources     nodes, processes, threads, walltime, queue, account, memory
 * @param environment   variables exported before the commands (values are quoted)
 * @param modules       environment modules loaded with {@code module load}
 * @param prependText   site text put before the commands (e.g. sourcing a compiler environment)
 * @param extraDirectives scheduler directive bodies added verbatim after the generated ones, e.g.
 *                      {@code -x PJM_LLIO_GFSCACHE=/vol0004} for PJM or {@code --constraint=a64fx} for Slurm
 * @param tasks         for packed jobs: the runs to work through
 */
public record JobSpec(String runId, String runDirectory, List<String> commandLines, Resources resources,
                      Map<String, String> environment, List<String> modules, String prependText,
                      List<String> extraDirectives, List<PackTask> tasks) {

    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_.+/:@-]+");
    /** Prefix of every job name kkr4j submits; lookups match it exactly. */
    public static final String JOB_NAME_PREFIX = "kkr4j-";

    public JobSpec {
        checkRunId(runId);
        checkDirectory("runDirectory", runDirectory);
        commandLines = List.copyOf(commandLines);
        tasks = List.copyOf(tasks);
        if (commandLines.isEmpty() == tasks.isEmpty()) {
            throw new InvalidJobSpecException("commandLines", commandLines.isEmpty()
                    ? "neither command lines nor tasks given" : "both command lines and tasks given");
        }
        commandLines.forEach(l -> checkCommandLine("commandLines", l));
        if (resources == null) {
            throw new InvalidJobSpecException("resources", "missing");
        }
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        environment.forEach((k, v) -> {
            if (!ENV_NAME.matcher(k).matches()) {
                throw new InvalidJobSpecException("environment", "\"" + k + "\" is not a variable name");
            }
            try {
                ShellQuoting.check("environment value of " + k, v);
            } catch (UnsafeArgumentException e) {
                throw new InvalidJobSpecException("environment", e.getMessage());
            }
        });
        modules = List.copyOf(modules);
        modules.forEach(m -> {
            if (!MODULE.matcher(m).matches()) {
                throw new InvalidJobSpecException("modules", "\"" + m + "\" is not a module name");
            }
        });
        prependText = prependText == null ? "" : prependText;
        if (prependText.indexOf('\0') >= 0) {
            throw new InvalidJobSpecException("prependText", "contains NUL");
        }
        extraDirectives = List.copyOf(extraDirectives);
        extraDirectives.forEach(d -> {
            if (d.isBlank() || d.indexOf('\n') >= 0 || d.indexOf('\r') >= 0 || d.indexOf('\0') >= 0) {
                throw new InvalidJobSpecException("extraDirectives", "\"" + d
                        + "\" must be one non-empty line");
            }
        });
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (tasks.get(i).runId().equals(tasks.get(j).runId())) {
                    throw new InvalidJobSpecException("tasks", "run id " + tasks.get(i).runId() + " twice");
                }
            }
        }
    }

    /** A single run with default environment, modules, prepend text and directives. */
    public static JobSpec single(String runId, String runDirectory, List<String> commandLines,
                                 Resources resources) {
        return new JobSpec(runId, runDirectory, commandLines, resources, Map.of(), List.of(), "", List.of(),
                List.of());
    }

    /** A packed job working through {@code tasks}. */
    public static JobSpec packed(String packId, String runDirectory, List<PackTask> tasks, Resources resources) {
        return new JobSpec(packId, runDirectory, List.of(), resources, Map.of(), List.of(), "", List.of(), tasks);
    }

    public JobSpec withEnvironment(Map<String, String> env) {
        return new JobSpec(runId, runDirectory, commandLines, resources, env, modules, prependText,
                extraDirectives, tasks);
    }

    public JobSpec withModules(List<String> mods) {
        return new JobSpec(runId, runDirectory, commandLines, resources, environment, mods, prependText,
                extraDirectives, tasks);
    }

    public JobSpec withPrependText(String text) {
        return new JobSpec(runId, runDirectory, commandLines, resources, environment, modules, text,
                extraDirectives, tasks);
    }

    public JobSpec withExtraDirectives(List<String> directives) {
        return new JobSpec(runId, runDirectory, commandLines, resources, environment, modules, prependText,
                directives, tasks);
    }

    public boolean isPacked() {
        return !tasks.isEmpty();
    }

    /** The scheduler job name: {@code kkr4j-<runId>}. */
    public String jobName() {
        return jobName(runId);
    }

    public static String jobName(String runId) {
        checkRunId(runId);
        return JOB_NAME_PREFIX + runId;
    }

    /** Where the job script is written: {@code <runDirectory>/.kkr4j/job.sh}. */
    public String scriptPath() {
        return RunLayout.path(runDirectory, RunLayout.SCRIPT);
    }

    static void checkRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new InvalidJobSpecException("runId", "\"" + runId + "\" must be 1-64 characters of letters, "
                    + "digits, _ . -, starting with a letter or digit (it becomes the job name)");
        }
    }

    static void checkDirectory(String field, String dir) {
        if (dir == null || !dir.startsWith("/")) {
            throw new InvalidJobSpecException(field, "\"" + dir + "\" is not an absolute path");
        }
        try {
            ShellQuoting.check(field, dir);
        } catch (UnsafeArgumentException e) {
            throw new InvalidJobSpecException(field, e.getMessage());
        }
        if (dir.contains("\\") ) {
            // Slurm and PBS expand backslash escapes in some path options; a backslash is never needed here.
            throw new InvalidJobSpecException(field, "\"" + dir + "\" contains a backslash");
        }
    }

    static void checkCommandLine(String field, String line) {
        if (line.indexOf('\0') >= 0) {
            throw new InvalidJobSpecException(field, "a command line contains NUL");
        }
    }
}
