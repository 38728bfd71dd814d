package org.kkr4j.remote.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kkr4j.remote.CommandResult;

/**
 * Slurm: {@code sbatch --parsable}, {@code squeue --states=all} with a fixed {@code |}-separated format,
 * {@code scancel}, and {@code sacct} for jobs squeue has forgotten (when accounting storage is on).
 * Needs Slurm 20.11 or newer ({@code squeue --me}).
 */
public final class SlurmScheduler implements Scheduler {
    private static final String NAME = "slurm";
    /** squeue format: job id, extended state, reason, name (last: the only field that may hold spaces). */
    static final String SQUEUE_FORMAT = "%i|%T|%r|%j";
    static final String SACCT_FORMAT = "JobID,State,ExitCode,JobName";
    private static final Pattern JOB_ID = Pattern.compile("[0-9]+(_[0-9\\[\\]\\-,%]+)?(\\+[0-9]+)?");
    private static final Pattern STATE = Pattern.compile("[A-Z_]+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String jobScript(JobSpec spec) {
        Resources r = spec.resources();
        StringBuilder d = new StringBuilder("#!/bin/bash\n");
        d.append("#SBATCH --job-name=").append(spec.jobName()).append('\n');
        d.append("#SBATCH --nodes=").append(r.nodes()).append('\n');
        d.append("#SBATCH --ntasks=").append(r.mpiProcs()).append('\n');
        d.append("#SBATCH --cpus-per-task=").append(r.ompThreads()).append('\n');
        d.append("#SBATCH --time=").append(r.walltimeSlurm()).append('\n');
        r.queue().ifPresent(q -> d.append("#SBATCH --partition=").append(q).append('\n'));
        r.account().ifPresent(a -> d.append("#SBATCH --account=").append(a).append('\n'));
        if (r.memoryMegabytes().isPresent()) {
            d.append("#SBATCH --mem=").append(r.memoryMegabytes().getAsLong()).append("M\n");
        }
        for (String x : spec.extraDirectives()) {
            d.append("#SBATCH ").append(x).append('\n');
        }
        return JobScripts.script(d.toString(), spec, Optional.empty());
    }

    /**
     * Paths go on the command line (quoted by the runner), not into {@code #SBATCH} lines, whose quoting
     * rules are sbatch's own. A {@code %} is doubled because sbatch expands {@code %j} and friends in
     * output file names.
     */
    @Override
    public List<String> submitCommand(JobSpec spec) {
        String dir = spec.runDirectory();
        return List.of("sbatch", "--parsable", "--chdir=" + dir,
                "--output=" + RunLayout.path(dir, RunLayout.STDOUT).replace("%", "%%"),
                "--error=" + RunLayout.path(dir, RunLayout.STDERR).replace("%", "%%"),
                spec.scriptPath());
    }

    @Override
    public String parseSubmit(CommandResult r) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "sbatch --parsable", r);
        }
        String out = r.stdout().strip();
        // --parsable prints "jobid" or "jobid;cluster"
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!id.matches("[0-9]+")) {
            throw new SchedulerResponseException(NAME, "sbatch --parsable", out, "expected a job id");
        }
        return id;
    }

    @Override
    public List<String> statusCommand(Collection<String> jobIds) {
        JobIds.require(jobIds, JOB_ID, "Slurm");
        return List.of("squeue", "--noheader", "--states=all", "--jobs=" + String.join(",", jobIds),
                "--format=" + SQUEUE_FORMAT);
    }

    @Override
    public Map<String, JobStatus> parseStatus(CommandResult r, Collection<String> asked) {
        if (!r.succeeded()) {
            // squeue fails when every requested id is unknown to slurmctld (purged after MinJobAge):
            // that means "none listed". Any other failure is an error, never "gone".
            if (r.stderr().contains("Invalid job id specified") && r.stdout().isBlank()) {
                return DirectScheduler.answerFor(asked, Map.of());
            }
            throw SchedulerResponseException.failed(NAME, "squeue", r);
        }
        Map<String, JobStatus> found = new LinkedHashMap<>();
        for (Row row : squeueRows(r.stdout(), "squeue")) {
            found.put(row.id(), new JobStatus(squeueState(row.state(), row.reason()),
                    row.state() + (row.reason().isEmpty() || row.reason().equals("None") ? "" : " " + row.reason())));
        }
        return DirectScheduler.answerFor(asked, found);
    }

    @Override
    public Optional<List<String>> historyCommand(Collection<String> jobIds) {
        JobIds.require(jobIds, JOB_ID, "Slurm");
        return Optional.of(List.of("sacct", "--noheader", "--parsable2", "--allocations",
                "--jobs=" + String.join(",", jobIds), "--format=" + SACCT_FORMAT));
    }

    @Override
    public Optional<Map<String, JobStatus>> parseHistory(CommandResult r, Collection<String> asked) {
        if (r.stderr().contains("Slurm accounting storage is disabled")) {
            return Optional.empty();
        }
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "sacct", r);
        }
        Map<String, JobStatus> found = new LinkedHashMap<>();
        int n = 0;
        for (String line : r.stdout().split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", 4);
            if (f.length < 4 || !JOB_ID.matcher(f[0]).matches()) {
                throw new SchedulerResponseException(NAME, "sacct", "line " + n + ": " + line,
                        "expected JobID|State|ExitCode|JobName");
            }
            // "CANCELLED by 1000": the state is the first word
            String state = f[1].strip().split("\\s+")[0];
            if (!STATE.matcher(state).matches()) {
                throw new SchedulerResponseException(NAME, "sacct", "line " + n + ": " + line,
                        "state \"" + f[1] + "\" is not a Slurm state");
            }
            found.put(f[0], new JobStatus(stateOf(state), f[1].strip() + " exit " + f[2]));
        }
        return Optional.of(DirectScheduler.answerFor(asked, found));
    }

    @Override
    public List<String> cancelCommand(Collection<String> jobIds) {
        return JobIds.command("scancel", jobIds, JOB_ID, "Slurm");
    }

    @Override
    public List<String> lookupByNameCommand(String runId) {
        return List.of("squeue", "--noheader", "--me", "--states=all", "--name=" + JobSpec.jobName(runId),
                "--format=" + SQUEUE_FORMAT);
    }

    @Override
    public List<String> parseLookup(CommandResult r, String runId) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "squeue --name", r);
        }
        String name = JobSpec.jobName(runId);
        List<String> ids = new ArrayList<>();
        for (Row row : squeueRows(r.stdout(), "squeue --name")) {
            if (row.name().equals(name) && squeueState(row.state(), row.reason()).isActive()) {
                ids.add(row.id());
            }
        }
        return ids;
    }

    record Row(String id, String state, String reason, String name) {
    }

    private static List<Row> squeueRows(String stdout, String command) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line : stdout.split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", 4);
            if (f.length < 4 || !JOB_ID.matcher(f[0].strip()).matches() || !STATE.matcher(f[1].strip()).matches()) {
                throw new SchedulerResponseException(NAME, command, "line " + n + ": " + line,
                        "expected " + SQUEUE_FORMAT.replace("%", "") + " (id|STATE|reason|name)");
            }
            rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), f[3]));
        }
        return rows;
    }

    /** A pending job whose reason is a hold is HELD, not QUEUED: it will not start by itself. */
    static JobStatus.State squeueState(String state, String reason) {
        JobStatus.State s = stateOf(state);
        if (s == JobStatus.State.QUEUED && reason.startsWith("JobHeld")) {
            return JobStatus.State.HELD;
        }
        return s;
    }

    /** Slurm's job state codes (squeue(1) "JOB STATE CODES", sacct(1)). */
    static JobStatus.State stateOf(String state) {
        return switch (state) {
            case "PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_FED", "RESV_DEL_HOLD" -> JobStatus.State.QUEUED;
            case "RUNNING", "COMPLETING", "SIGNALING", "STAGE_OUT", "RESIZING" -> JobStatus.State.RUNNING;
            case "SUSPENDED", "STOPPED", "REQUEUE_HOLD" -> JobStatus.State.HELD;
            case "COMPLETED" -> JobStatus.State.FINISHED_BY_SCHEDULER;
            case "CANCELLED" -> JobStatus.State.CANCELLED;
            case "TIMEOUT", "DEADLINE" -> JobStatus.State.TIMED_OUT;
            case "NODE_FAIL", "BOOT_FAIL" -> JobStatus.State.NODE_FAIL;
            case "FAILED", "OUT_OF_MEMORY", "PREEMPTED", "SPECIAL_EXIT", "REVOKED" -> JobStatus.State.FAILED;
            default -> JobStatus.State.UNKNOWN;
        };
    }
}
