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
 * PBS Professional / OpenPBS: {@code qsub}, {@code qstat -f -x} (full text display including finished
 * jobs, "attribute = value" blocks), {@code qdel}, {@code qselect -N} for the lookup by name.
 *
 * <p>The qstat reader only trusts lines of the form {@code "    name = value"} that start a block's
 * attributes; anything else inside a block (tab-indented continuations, the bodies of shell functions
 * exported in {@code Variable_List}, aiida-core #7395) is continuation text of the previous attribute.
 * A block without {@code job_state} is a truncated answer and an error (aiida-core #3404).
 */
public final class PbsProScheduler implements Scheduler {
    private static final String NAME = "pbs";
    private static final Pattern JOB_ID = Pattern.compile("[0-9]+(\\[[0-9]*\\])?(\\.[A-Za-z0-9._-]+)?");
    private static final Pattern ATTRIBUTE = Pattern.compile("^ {4}([A-Za-z_][A-Za-z0-9_.]*) = ?(.*)$");
    private static final Pattern UNKNOWN_JOB = Pattern.compile("^qstat: Unknown Job Id (\\S+)$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String jobScript(JobSpec spec) {
        Resources r = spec.resources();
        StringBuilder d = new StringBuilder("#!/bin/bash\n");
        d.append("#PBS -N ").append(spec.jobName()).append('\n');
        d.append("#PBS -l select=").append(r.nodes())
                .append(":ncpus=").append(r.mpiProcsPerNode() * r.ompThreads())
                .append(":mpiprocs=").append(r.mpiProcsPerNode())
                .append(":ompthreads=").append(r.ompThreads());
        if (r.memoryMegabytes().isPresent()) {
            d.append(":mem=").append(r.memoryMegabytes().getAsLong()).append("mb");
        }
        d.append('\n');
        d.append("#PBS -l walltime=").append(r.walltimeHms()).append('\n');
        r.queue().ifPresent(q -> d.append("#PBS -q ").append(q).append('\n'));
        r.account().ifPresent(a -> d.append("#PBS -A ").append(a).append('\n'));
        for (String x : spec.extraDirectives()) {
            d.append("#PBS ").append(x).append('\n');
        }
        return JobScripts.script(d.toString(), spec, Optional.empty());
    }

    @Override
    public List<String> submitCommand(JobSpec spec) {
        String dir = spec.runDirectory();
        return List.of("qsub", "-o", RunLayout.path(dir, RunLayout.STDOUT),
                "-e", RunLayout.path(dir, RunLayout.STDERR), spec.scriptPath());
    }

    @Override
    public String parseSubmit(CommandResult r) {
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "qsub", r);
        }
        String out = r.stdout().strip();
        if (!JOB_ID.matcher(out).matches()) {
            throw new SchedulerResponseException(NAME, "qsub", out, "expected a job id like 1234.server");
        }
        return out;
    }

    @Override
    public List<String> statusCommand(Collection<String> jobIds) {
        JobIds.require(jobIds, JOB_ID, "PBS");
        List<String> argv = new ArrayList<>(List.of("qstat", "-f", "-x"));
        argv.addAll(jobIds);
        return argv;
    }

    @Override
    public Map<String, JobStatus> parseStatus(CommandResult r, Collection<String> asked) {
        if (!r.succeeded()) {
            // qstat fails when some ids are unknown (history expired) but still prints the others.
            for (String line : r.stderr().strip().split("\n")) {
                if (!line.isBlank() && !UNKNOWN_JOB.matcher(line.strip()).matches()) {
                    throw SchedulerResponseException.failed(NAME, "qstat -f -x", r);
                }
            }
        }
        Map<String, JobStatus> found = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> job : parseFull(r.stdout()).entrySet()) {
            found.put(job.getKey(), statusOf(job.getValue()));
        }
        Map<String, JobStatus> answer = new LinkedHashMap<>();
        for (String id : asked) {
            answer.put(id, lookup(found, id).orElse(JobStatus.notListed()));
        }
        return answer;
    }

    @Override
    public List<String> cancelCommand(Collection<String> jobIds) {
        return JobIds.command("qdel", jobIds, JOB_ID, "PBS");
    }

    /** {@code qselect -N kkr4j-<runId>}: ids of jobs of that name that have not finished, one per line. */
    @Override
    public List<String> lookupByNameCommand(String runId) {
        return List.of("qselect", "-N", JobSpec.jobName(runId));
    }

    @Override
    public List<String> parseLookup(CommandResult r, String runId) {
        JobSpec.checkRunId(runId);
        if (!r.succeeded()) {
            throw SchedulerResponseException.failed(NAME, "qselect -N", r);
        }
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (String line : r.stdout().split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            if (!JOB_ID.matcher(line.strip()).matches()) {
                throw new SchedulerResponseException(NAME, "qselect -N", "line " + n + ": " + line,
                        "expected one job id per line");
            }
            ids.add(line.strip());
        }
        return ids;
    }

    /**
     * Reads {@code qstat -f} text into job id -> attributes. Continuation lines are joined to the
     * previous attribute's value without the line break (PBS wraps long values).
     */
    static Map<String, Map<String, String>> parseFull(String text) {
        Map<String, Map<String, String>> jobs = new LinkedHashMap<>();
        Map<String, String> current = null;
        String currentId = null;
        String lastAttribute = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.startsWith("Job Id:")) {
                check(currentId, current, n);
                currentId = line.substring("Job Id:".length()).strip();
                if (!JOB_ID.matcher(currentId).matches()) {
                    throw new SchedulerResponseException(NAME, "qstat -f -x", "line " + n + ": " + line,
                            "not a job id");
                }
                current = new LinkedHashMap<>();
                jobs.put(currentId, current);
                lastAttribute = null;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (current == null) {
                throw new SchedulerResponseException(NAME, "qstat -f -x", "line " + n + ": " + line,
                        "text before the first \"Job Id:\" line");
            }
            Matcher m = ATTRIBUTE.matcher(line);
            if (m.matches()) {
                lastAttribute = m.group(1);
                current.put(lastAttribute, m.group(2));
            } else if (lastAttribute != null) {
                current.merge(lastAttribute, line.strip(), String::concat);
            } else {
                throw new SchedulerResponseException(NAME, "qstat -f -x", "line " + n + ": " + line,
                        "expected \"    attribute = value\"");
            }
        }
        check(currentId, current, n);
        return jobs;
    }

    private static void check(String id, Map<String, String> attrs, int line) {
        if (id != null && !attrs.containsKey("job_state")) {
            throw new SchedulerResponseException(NAME, "qstat -f -x", "job " + id + " before line " + line,
                    "block without job_state (truncated answer?)");
        }
    }

    /** PBS job states (qstat(1B) "job states"), with finished jobs judged by their attributes. */
    static JobStatus statusOf(Map<String, String> a) {
        String st = a.get("job_state").strip();
        String raw = "job_state=" + st;
        JobStatus.State s = switch (st) {
            case "Q", "W", "T" -> JobStatus.State.QUEUED;
            case "R", "E", "B" -> JobStatus.State.RUNNING;
            case "H", "S", "U" -> JobStatus.State.HELD;
            case "F", "X" -> null;
            default -> JobStatus.State.UNKNOWN;
        };
        if (s != null) {
            return new JobStatus(s, raw);
        }
        String exit = a.getOrDefault("Exit_status", "").strip();
        raw += exit.isEmpty() ? "" : " Exit_status=" + exit;
        Optional<Long> used = seconds(a.get("resources_used.walltime"));
        Optional<Long> limit = seconds(a.get("Resource_List.walltime"));
        if (used.isPresent() && limit.isPresent() && used.get() >= limit.get()) {
            return new JobStatus(JobStatus.State.TIMED_OUT, raw + " walltime " + a.get("resources_used.walltime")
                    .strip() + ">=" + a.get("Resource_List.walltime").strip());
        }
        if (exit.matches("-\\d+")) {
            // negative: PBS could not run the job or killed it itself (JOB_EXEC_* codes)
            return new JobStatus(JobStatus.State.FAILED, raw);
        }
        if (exit.matches("\\d+") && Integer.parseInt(exit) > 256) {
            // 256+n: the job was killed by signal n (qdel or an administrator)
            return new JobStatus(JobStatus.State.CANCELLED, raw);
        }
        return new JobStatus(JobStatus.State.FINISHED_BY_SCHEDULER, raw);
    }

    private static Optional<Long> seconds(String hms) {
        if (hms == null || !hms.strip().matches("\\d+:\\d{2}:\\d{2}")) {
            return Optional.empty();
        }
        String[] p = hms.strip().split(":");
        return Optional.of(Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]));
    }

    /** "1234" asked, "1234.server" listed: the same job. */
    private static Optional<JobStatus> lookup(Map<String, JobStatus> found, String id) {
        JobStatus exact = found.get(id);
        if (exact != null) {
            return Optional.of(exact);
        }
        String base = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        for (Map.Entry<String, JobStatus> e : found.entrySet()) {
            String k = e.getKey();
            String kb = k.contains(".") ? k.substring(0, k.indexOf('.')) : k;
            if (kb.equals(base) && (!id.contains(".") || !k.contains("."))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
