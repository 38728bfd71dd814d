package org.kkr4j.remote.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kkr4j.remote.CommandResult;

/**
 * Fujitsu Technical Computing Suite job manager (PJM), as on Fugaku: {@code pjsub} (optionally
 * {@code --bulk --sparam 0-N} for packed runs, one sub-job {@code id[n]} per task), {@code pjstat -E}
 * (active jobs and sub-jobs), {@code pjstat -H -E} (ended jobs), {@code pjdel}, and the {@code #PJM -L}
 * resource lines of the Fugaku user guide.
 *
 * <p>The pjstat reader needs the header line and reads the leading columns JOB_ID, JOB_NAME, MD, ST,
 * which come before any column whose value holds a space (START_DATE). Rows for other columns are not
 * interpreted.
 */
public final class PjmScheduler implements Scheduler {
    private static final String NAME = "pjm";
    private static final Pattern JOB_ID = Pattern.compile("[0-9]+(\\[[0-9]+\\])?");
    private static final Pattern SUBMITTED = Pattern.compile("\\bJob ([0-9]+) submitted");
    private static final Pattern STATE = Pattern.compile("[A-Z]{3}");
    /** Environment variable holding a bulk sub-job's number. */
    public static final String BULK_NUMBER_VARIABLE = "PJM_BULKNUM";

    private final boolean bulkPacking;

    /** Packed jobs run their tasks inside one job (workers). */
    public PjmScheduler() {
        this(false);
    }

    /**
     * @param bulkPacking when true, a packed job is submitted as a bulk job: one sub-job per task, each with
     *                    the job's whole resources, task i in sub-job {@code id[i]}
     */
    public PjmScheduler(boolean bulkPacking) {
        this.bulkPacking = bulkPacking;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String jobScript(JobSpec spec) {
        Resources r = spec.resources();
        if (r.memoryMegabytes().isPresent()) {
            throw new InvalidJobSpecException("memoryMegabytes", "not supported by the pjm adapter "
                    + "(Fugaku allocates whole nodes; leave memory unset)");
        }
        StringBuilder d = new StringBuilder("#!/bin/bash\n");
        d.append("#PJM -N ").append(spec.jobName()).append('\n');
        d.append("#PJM -L \"node=").append(r.nodes()).append("\"\n");
        r.queue().ifPresent(q -> d.append("#PJM -L \"rscgrp=").append(q).append("\"\n"));
        d.append("#PJM -L \"elapse=").append(r.walltimeHms()).append("\"\n");
        d.append("#PJM --mpi \"proc=").append(r.mpiProcs()).append("\"\n");
        r.account().ifPresent(a -> d.append("#PJM -g ").append(a).append('\n'));
        for (String x : spec.extraDirectives()) {
            d.append("#PJM ").append(x).append('\n');
        }
        return JobScripts.script(d.toString(), spec, spec.isPacked() ? Optional.of(BULK_NUMBER_VARIABLE)
                : Optional.empty());
    }

    /**
     * pjsub runs in the run directory ({@code bash -c 'cd -- "$1" && shift && exec "$@"'}): PJM's default
     * output files of bulk sub-jobs then land there. Single jobs get explicit -o / -e files.
     */
    @Override
    public List<String> submitCommand(JobSpec spec) {
        String dir = spec.runDirectory();
        List<String> argv = new ArrayList<>(List.of("bash", "-c", "cd -- \"$1\" && shift && exec \"$@\"",
                "kkr4j-submit", dir, "pjsub"));
        if (spec.isPacked() && bulkPacking) {
            argv.addAll(List.of("--bulk", "--sparam", "0-" + (spec.tasks().size() - 1)));
        } else {
            argv.addAll(List.of("-o", RunLayout.path(dir, RunLayout.STDOUT),
                    "-e", RunLayout.path(dir, RunLayout.STDERR)));
        }
        argv.add(spec.scriptPath());
        return argv;
    }

    /** Sub-job ids of a bulk job submitted for {@code spec}: {@code id[0]} ... {@code id[n-1]}. */
    public static List<String> bulkSubJobIds(String jobId, int taskCount) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < taskCount; i++) {
            ids.add(jobId + "[" + i + "]");
        }
        return ids;
    }

    public boolean bulkPacking() {
        return bulkPacking;
    }

    /** {@code [INFO] PJM 0000 pjsub Job 12345 submitted.} */
    @Override
    public String parseSubmit(CommandResult r) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "pjsub", r);
        }
        Matcher m = SUBMITTED.matcher(r.stdout());
        if (!m.find()) {
            throw new SchedulerResponseException(NAME, "pjsub", SchedulerResponseException.firstLines(r.stdout()),
                    "no \"Job N submitted\" message");
        }
        return m.group(1);
    }

    /** {@code pjstat -E}: all of this user's active jobs with their bulk sub-jobs, in one call. */
    @Override
    public List<String> statusCommand(Collection<String> jobIds) {
        JobIds.require(jobIds, JOB_ID, "PJM");
        return List.of("pjstat", "-E");
    }

    @Override
    public Map<String, JobStatus> parseStatus(CommandResult r, Collection<String> asked) {
        return answer(table(r, "pjstat -E"), asked);
    }

    /** {@code pjstat -H -E}: ended jobs (EXT, CCL, ERR, RJT ...) with their sub-jobs. */
    @Override
    public Optional<List<String>> historyCommand(Collection<String> jobIds) {
        JobIds.require(jobIds, JOB_ID, "PJM");
        return Optional.of(List.of("pjstat", "-H", "-E"));
    }

    @Override
    public Optional<Map<String, JobStatus>> parseHistory(CommandResult r, Collection<String> asked) {
        return Optional.of(answer(table(r, "pjstat -H -E"), asked));
    }

    @Override
    public List<String> cancelCommand(Collection<String> jobIds) {
        return JobIds.command("pjdel", jobIds, JOB_ID, "PJM");
    }

    @Override
    public List<String> lookupByNameCommand(String runId) {
        JobSpec.checkRunId(runId);
        return List.of("pjstat");
    }

    /** Jobs whose JOB_NAME column is exactly {@code kkr4j-<runId>} and whose state is active. */
    @Override
    public List<String> parseLookup(CommandResult r, String runId) {
        String name = JobSpec.jobName(runId);
        List<String> ids = new ArrayList<>();
        for (Row row : table(r, "pjstat")) {
            if (row.name().equals(name) && stateOf(row.state()).isActive()) {
                ids.add(row.id());
            }
        }
        return ids;
    }

    record Row(String id, String name, String model, String state) {
    }

    static List<Row> table(CommandResult r, String command) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, command, r);
        }
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        int n = 0;
        for (String line : r.stdout().split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (!header) {
                if (f[0].equals("JOB_ID")) {
                    if (f.length < 4 || !f[1].equals("JOB_NAME") || !f[2].equals("MD")
                            || !(f[3].equals("ST") || f[3].equals("STATUS"))) {
                        throw new SchedulerResponseException(NAME, command, "line " + n + ": " + line,
                                "header does not start with JOB_ID JOB_NAME MD ST");
                    }
                    header = true;
                }
                // lines before the header (pjstat's summary of counts on some systems) are skipped
                continue;
            }
            if (f.length < 4 || !JOB_ID.matcher(f[0]).matches() || !STATE.matcher(f[3]).matches()) {
                throw new SchedulerResponseException(NAME, command, "line " + n + ": " + line,
                        "expected JOB_ID JOB_NAME MD ST ...");
            }
            rows.add(new Row(f[0], f[1], f[2], f[3]));
        }
        if (!header && !r.stdout().isBlank()) {
            throw new SchedulerResponseException(NAME, command,
                    SchedulerResponseException.firstLines(r.stdout()), "no JOB_ID header line");
        }
        return rows;
    }

    private static Map<String, JobStatus> answer(List<Row> rows, Collection<String> asked) {
        Map<String, JobStatus> found = new LinkedHashMap<>();
        for (Row row : rows) {
            found.put(row.id(), new JobStatus(stateOf(row.state()), row.state()));
        }
        return DirectScheduler.answerFor(asked, found);
    }

    /** PJM job states (Fugaku user guide, job status display; FX10/FX100-only states included). */
    static JobStatus.State stateOf(String st) {
        return switch (st) {
            case "ACC", "QUE", "SIN", "RDY" -> JobStatus.State.QUEUED;
            case "RNA", "RNP", "RUN", "RNE", "RNO", "SOT", "SWO", "SWD", "SWI" -> JobStatus.State.RUNNING;
            case "HLD", "SPD", "SPP" -> JobStatus.State.HELD;
            case "EXT" -> JobStatus.State.FINISHED_BY_SCHEDULER;
            case "CCL" -> JobStatus.State.CANCELLED;
            case "ERR", "RJT" -> JobStatus.State.FAILED;
            default -> JobStatus.State.UNKNOWN;
        };
    }
}
