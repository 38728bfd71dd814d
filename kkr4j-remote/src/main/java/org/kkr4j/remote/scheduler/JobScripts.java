package org.kkr4j.remote.scheduler;

import static org.kkr4j.remote.ShellQuoting.quote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler-independent part of every job script: go to the run directory, record the start, set
 * up the environment, run the commands in a subshell (an {@code exit} in them still reaches the end
 * markers), record the end and the exit code. The exit file is written last and atomically
 * (temporary file + {@code mv}), so a reader sees either no exit file or a whole one.
 */
final class JobScripts {
    private JobScripts() {
    }

    /** Exit code of a job script that could not enter its run directory. */
    static final int NO_RUN_DIRECTORY = 97;

    static String script(String shebangAndDirectives, JobSpec spec, Optional<String> bulkIndexVariable) {
        StringBuilder b = new StringBuilder(shebangAndDirectives);
        b.append("# kkr4j job ").append(spec.jobName())
                .append(": the .kkr4j/ files record start, end and the command's exit code\n");
        b.append("cd -- ").append(quote("run directory", spec.runDirectory())).append(" || exit ")
                .append(NO_RUN_DIRECTORY).append('\n');
        b.append("mkdir -p .kkr4j\n");
        environment(b, spec);
        if (spec.isPacked()) {
            packedBody(b, spec, bulkIndexVariable);
        } else {
            runBody(b, spec.commandLines());
        }
        return b.toString();
    }

    /** The script of one packed task: markers around its commands, run in its own directory. */
    static String taskScript(PackTask task) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# kkr4j packed task ").append(task.runId()).append('\n');
        b.append("cd -- ").append(quote("run directory", task.runDirectory())).append(" || exit ")
                .append(NO_RUN_DIRECTORY).append('\n');
        b.append("mkdir -p .kkr4j\n");
        runBody(b, task.commandLines());
        return b.toString();
    }

    private static void environment(StringBuilder b, JobSpec spec) {
        if (!spec.prependText().isEmpty()) {
            b.append("# site prepend text\n").append(spec.prependText());
            if (!spec.prependText().endsWith("\n")) {
                b.append('\n');
            }
        }
        for (String m : spec.modules()) {
            b.append("module load ").append(quote("module", m)).append('\n');
        }
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            b.append("export ").append(e.getKey()).append('=')
                    .append(quote("environment value of " + e.getKey(), e.getValue())).append('\n');
        }
        b.append("export OMP_NUM_THREADS=").append(spec.resources().ompThreads()).append('\n');
    }

    private static void runBody(StringBuilder b, List<String> commandLines) {
        b.append("rm -f .kkr4j/exit .kkr4j/end\n");
        b.append("echo $$ > .kkr4j/pid\n");
        b.append("printf '%s %s\\n' \"$(date +%s)\" \"$(hostname)\" > .kkr4j/start.tmp.$$ "
                + "&& mv -f .kkr4j/start.tmp.$$ .kkr4j/start\n");
        b.append("(\n");
        for (String line : commandLines) {
            b.append(line).append('\n');
        }
        b.append(")\n");
        b.append("kkr4j_rc=$?\n");
        b.append("date +%s > .kkr4j/end.tmp.$$ && mv -f .kkr4j/end.tmp.$$ .kkr4j/end\n");
        b.append("printf '%d\\n' \"$kkr4j_rc\" > .kkr4j/exit.tmp.$$ && mv -f .kkr4j/exit.tmp.$$ .kkr4j/exit\n");
        b.append("exit \"$kkr4j_rc\"\n");
    }

    /**
     * A packed job: the task directories are listed in the script. Without a bulk index, parallelTasks
     * workers go through the list (task i goes to worker i mod parallelTasks); with one (PJM bulk jobs),
     * the sub-job runs only the task at its index. A task whose exit file exists already is skipped, so
     * a resubmitted pack resumes.
     */
    private static void packedBody(StringBuilder b, JobSpec spec, Optional<String> bulkIndexVariable) {
        b.append("kkr4j_tasks=(\n");
        for (PackTask t : spec.tasks()) {
            b.append("  ").append(quote("task directory", t.runDirectory())).append('\n');
        }
        b.append(")\n");
        b.append("kkr4j_run_task() {\n");
        b.append("  [ -e \"$1/.kkr4j/exit\" ] && return 0\n");
        b.append("  bash \"$1/.kkr4j/task.sh\" > \"$1/.kkr4j/task.out\" 2>&1 < /dev/null\n");
        b.append("}\n");
        if (bulkIndexVariable.isPresent()) {
            String v = bulkIndexVariable.get();
            b.append("if [ -n \"${").append(v).append(":-}\" ]; then\n");
            b.append("  case \"$").append(v).append("\" in ''|*[!0-9]*) echo \"kkr4j: bad ").append(v)
                    .append("=$").append(v).append("\" >&2; exit 96;; esac\n");
            b.append("  if [ \"$").append(v).append("\" -ge ${#kkr4j_tasks[@]} ]; then echo \"kkr4j: ")
                    .append(v).append("=$").append(v).append(" beyond ${#kkr4j_tasks[@]} tasks\" >&2; exit 96; fi\n");
            b.append("  kkr4j_run_task \"${kkr4j_tasks[$").append(v).append("]}\"\n");
            b.append("  exit $?\n");
            b.append("fi\n");
        }
        int workers = spec.resources().parallelTasks();
        b.append("kkr4j_worker() {\n");
        b.append("  local i\n");
        b.append("  for ((i = $1; i < ${#kkr4j_tasks[@]}; i += ").append(workers).append(")); do\n");
        b.append("    kkr4j_run_task \"${kkr4j_tasks[$i]}\"\n");
        b.append("  done\n");
        b.append("}\n");
        runBody(b, List.of(
                "for ((kkr4j_w = 0; kkr4j_w < " + workers + "; kkr4j_w++)); do kkr4j_worker \"$kkr4j_w\" & done",
                "wait"));
    }
}
