package org.kkr4j.remote.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kkr4j.remote.CommandResult;

/**
 * No batch system: the job script is started with {@code setsid nohup} in the background (its own session
 * and process group, surviving the end of the SSH channel) and its process id is the job id. The script gets its job name as first argument, so that {@code ps} shows it: a process id
 * reused by an unrelated process is not mistaken for the job, and a lost job can be found by name.
 * The walltime is not enforced.
 */
public final class DirectScheduler implements Scheduler {
    private static final String NAME = "direct";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String jobScript(JobSpec spec) {
        return JobScripts.script("#!/bin/bash\n", spec, Optional.empty());
    }

    /**
     * {@code bash -c '<fixed text>' kkr4j-submit DIR SCRIPT NAME OUT ERR}: the paths are positional
     * parameters of a fixed script, never spliced into shell text.
     */
    @Override
    public List<String> submitCommand(JobSpec spec) {
        return List.of("bash", "-c",
                "cd -- \"$1\" || exit " + JobScripts.NO_RUN_DIRECTORY + "; "
                        + "setsid nohup bash \"$2\" \"$3\" > \"$4\" 2> \"$5\" < /dev/null & echo $!",
                "kkr4j-submit", spec.runDirectory(), spec.scriptPath(), spec.jobName(),
                RunLayout.path(spec.runDirectory(), RunLayout.STDOUT),
                RunLayout.path(spec.runDirectory(), RunLayout.STDERR));
    }

    @Override
    public String parseSubmit(CommandResult r) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "nohup submit", r);
        }
        String out = r.stdout().strip();
        if (!out.matches("[1-9][0-9]{0,9}")) {
            throw new SchedulerResponseException(NAME, "nohup submit", out, "expected a process id");
        }
        return out;
    }

    /** {@code ps -o pid=,stat=,args= -p PID,PID,...}. */
    @Override
    public List<String> statusCommand(Collection<String> jobIds) {
        requirePids(jobIds);
        return List.of("ps", "-o", "pid=,stat=,args=", "-p", String.join(",", jobIds));
    }

    @Override
    public Map<String, JobStatus> parseStatus(CommandResult r, Collection<String> asked) {
        // procps ps exits 1 when none of the processes exists; that is an answer, not a failure.
        boolean noneFound = r.exitCode() == 1 && r.stdout().isBlank() && r.stderr().isBlank();
        if (!r.succeeded() && !noneFound) {
            throw SchedulerResponseException.failed(NAME, "ps", r);
        }
        Map<String, JobStatus> found = new LinkedHashMap<>();
        for (ProcessLine p : processLines(r.stdout(), "ps")) {
            if (!p.isKkr4jJob()) {
                continue; // pid reused by an unrelated process: our job is gone
            }
            found.put(p.pid(), new JobStatus(state(p.stat()), p.stat()));
        }
        return answerFor(asked, found);
    }

    /**
     * {@code kill -TERM -- -PID ...}: the whole process group. The job runs under {@code setsid}, so its
     * pid is its process group; killing only the script would leave its commands running.
     */
    @Override
    public List<String> cancelCommand(Collection<String> jobIds) {
        requirePids(jobIds);
        List<String> argv = new ArrayList<>(List.of("kill", "-TERM", "--"));
        jobIds.forEach(id -> argv.add("-" + id));
        return argv;
    }

    /**
     * {@code ps -eo pid=,ppid=,stat=,args=}: all processes; the job name is matched here, not by a shell.
     * The parent pid tells the job script from the subshell it forks for the commands (same arguments).
     */
    @Override
    public List<String> lookupByNameCommand(String runId) {
        JobSpec.checkRunId(runId);
        return List.of("ps", "-eo", "pid=,ppid=,stat=,args=");
    }

    @Override
    public List<String> parseLookup(CommandResult r, String runId) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "ps -e", r);
        }
        String name = JobSpec.jobName(runId);
        Map<String, String> matches = new LinkedHashMap<>(); // pid -> ppid
        int n = 0;
        for (String line : r.stdout().split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+", 4);
            if (f.length < 3 || !f[0].matches("\\d+") || !f[1].matches("\\d+")) {
                throw new SchedulerResponseException(NAME, "ps -e", "line " + n + ": " + line,
                        "expected PID PPID STAT ARGS");
            }
            String args = f.length == 4 ? f[3] : "";
            // the job script runs as "bash SCRIPT NAME" (SCRIPT may hold spaces): match start and end
            if (args.startsWith("bash ") && args.endsWith("/" + RunLayout.SCRIPT + " " + name)
                    && !f[2].startsWith("Z")) {
                matches.put(f[0], f[1]);
            }
        }
        List<String> ids = new ArrayList<>();
        matches.forEach((pid, ppid) -> {
            if (!matches.containsKey(ppid)) {
                ids.add(pid); // not a subshell of another match
            }
        });
        return ids;
    }

    static JobStatus.State state(String stat) {
        return switch (stat.charAt(0)) {
            case 'R', 'S', 'D', 'I', 'W' -> JobStatus.State.RUNNING;
            case 'T', 't' -> JobStatus.State.HELD;
            case 'Z', 'X' -> JobStatus.State.FINISHED_BY_SCHEDULER;
            default -> JobStatus.State.UNKNOWN;
        };
    }

    record ProcessLine(String pid, String stat, String args) {
        boolean isKkr4jJob() {
            for (String w : args.split("\\s+")) {
                if (w.startsWith(JobSpec.JOB_NAME_PREFIX)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<ProcessLine> processLines(String stdout, String command) {
        List<ProcessLine> lines = new ArrayList<>();
        int n = 0;
        for (String line : stdout.split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+", 3);
            if (f.length < 2 || !f[0].matches("\\d+") || f[1].isEmpty()) {
                throw new SchedulerResponseException(NAME, command, "line " + n + ": " + line,
                        "expected PID STAT ARGS");
            }
            lines.add(new ProcessLine(f[0], f[1], f.length == 3 ? f[2] : ""));
        }
        return lines;
    }

    private static void requirePids(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no job ids");
        }
        for (String id : ids) {
            if (!id.matches("[1-9][0-9]{0,9}")) {
                throw new IllegalArgumentException("direct job id \"" + id + "\" is not a process id");
            }
        }
    }

    static Map<String, JobStatus> answerFor(Collection<String> asked, Map<String, JobStatus> found) {
        Map<String, JobStatus> answer = new LinkedHashMap<>();
        for (String id : asked) {
            answer.put(id, found.getOrDefault(id, JobStatus.notListed()));
        }
        return answer;
    }
}
