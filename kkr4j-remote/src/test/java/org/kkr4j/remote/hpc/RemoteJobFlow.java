package org.kkr4j.remote.hpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.CommandRunner;
import org.kkr4j.remote.scheduler.ExitFile;
import org.kkr4j.remote.scheduler.FinalState;
import org.kkr4j.remote.scheduler.JobSpec;
import org.kkr4j.remote.scheduler.JobStatus;
import org.kkr4j.remote.scheduler.RunLayout;
import org.kkr4j.remote.scheduler.Scheduler;
import org.kkr4j.remote.transport.DownloadResult;
import org.kkr4j.remote.transport.Transport;

/**
 * What the engine will do with a transport and a scheduler, in miniature, for the integration tests: write
 * the job script, look the run up by name before submitting, poll all jobs with ONE scheduler command per
 * interval, and decide how each ended from the scheduler's word and the run's exit file (fetched for all
 * ended runs in one tar stream). Every scheduler command goes through a counter.
 */
final class RemoteJobFlow {
    private static final Duration T = Duration.ofSeconds(60);

    private final Transport transport;
    private final Scheduler scheduler;
    private final Path scratch;
    /** Every scheduler command run, in order. */
    final List<List<String>> schedulerCommands = new CopyOnWriteArrayList<>();
    /**
     * Per poll interval: scheduler commands and transport commands (channels) it cost. The status query is one
     * command for all jobs; an interval in which jobs ended adds one download of their exit files and, for
     * jobs the status query no longer lists, one history query.
     */
    final List<PollCost> pollCosts = new CopyOnWriteArrayList<>();

    record PollCost(long schedulerCommands, long transportCommands, int activeJobs) {
    }

    /** One submitted job: its scheduler id and the run directory holding its exit file. */
    record Job(String jobId, String runDirectory) {
    }

    RemoteJobFlow(Transport transport, Scheduler scheduler, Path scratch) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.scratch = scratch;
    }

    /** The runner for scheduler commands: the transport, counted. */
    CommandRunner schedulerRunner() {
        return (argv, timeout) -> {
            schedulerCommands.add(List.copyOf(argv));
            return transport.run(argv, timeout);
        };
    }

    CommandResult schedulerCommand(List<String> argv) throws IOException, InterruptedException {
        return schedulerRunner().run(argv, T);
    }

    /** Writes the script and submits it, unless a job of that name is queued or running already. */
    String submit(JobSpec spec) throws IOException, InterruptedException {
        transport.mkdirs(RunLayout.path(spec.runDirectory(), RunLayout.DIR), T);
        transport.writeFile(spec.scriptPath(), scheduler.jobScript(spec).getBytes(StandardCharsets.UTF_8), T);
        List<String> existing = scheduler.parseLookup(schedulerCommand(scheduler.lookupByNameCommand(spec.runId())),
                spec.runId());
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        return scheduler.parseSubmit(schedulerCommand(scheduler.submitCommand(spec)));
    }

    /** The state of all these jobs, from one scheduler command. */
    Map<String, JobStatus> poll(List<String> jobIds) throws IOException, InterruptedException {
        return scheduler.parseStatus(schedulerCommand(scheduler.statusCommand(jobIds)), jobIds);
    }

    /** The exit files of these runs (empty where absent), fetched in one tar stream under {@code remoteRoot}. */
    Map<String, Optional<ExitFile>> exitFiles(String remoteRoot, List<String> runDirectories)
            throws IOException, InterruptedException {
        List<String> wanted = new ArrayList<>();
        for (String dir : runDirectories) {
            wanted.add(relative(remoteRoot, RunLayout.path(dir, RunLayout.EXIT)));
            wanted.add(relative(remoteRoot, RunLayout.path(dir, RunLayout.END)));
        }
        Path local = Files.createTempDirectory(scratch, "exit");
        DownloadResult got = transport.download(remoteRoot, wanted, local, T);
        Map<String, Optional<ExitFile>> answer = new LinkedHashMap<>();
        for (String dir : runDirectories) {
            Path exit = local.resolve(relative(remoteRoot, RunLayout.path(dir, RunLayout.EXIT)));
            Path end = local.resolve(relative(remoteRoot, RunLayout.path(dir, RunLayout.END)));
            answer.put(dir, got.files().contains(relative(remoteRoot, RunLayout.path(dir, RunLayout.EXIT)))
                    ? Optional.of(ExitFile.parse(Files.readString(exit),
                            Files.exists(end) ? Optional.of(Files.readString(end)) : Optional.empty()))
                    : Optional.empty());
        }
        return answer;
    }

    /**
     * Polls every {@code interval} until every job has a final state (or {@code max} passes): one scheduler
     * command per interval for all jobs still active, then (for jobs no longer listed) one history query,
     * and one download of the exit files of those that left the queue. Calls {@code onPoll} after each interval's statuses (for fault injection).
     */
    Map<String, FinalState> waitForAll(String remoteRoot, List<Job> jobs, Duration interval, Duration max,
                                       PollListener onPoll) throws Exception {
        Map<String, FinalState> done = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(max);
        while (done.size() < jobs.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("jobs not done after " + max + ": done " + done + " of " + jobs);
            }
            long sched0 = schedulerCommands.size();
            long cmd0 = transport.stats().commandsRun();
            List<Job> active = jobs.stream().filter(j -> !done.containsKey(j.jobId())).toList();
            Map<String, JobStatus> status = new LinkedHashMap<>(poll(active.stream().map(Job::jobId).toList()));
            List<Job> ended = active.stream().filter(j -> !status.get(j.jobId()).isActive()).toList();
            List<String> unlisted = ended.stream().map(Job::jobId).filter(id -> !status.get(id).isListed()).toList();
            if (!unlisted.isEmpty() && scheduler.historyCommand(unlisted).isPresent()) {
                // gone from the status listing: the scheduler's record of ended jobs says how (when kept)
                scheduler.parseHistory(schedulerCommand(scheduler.historyCommand(unlisted).get()), unlisted)
                        .ifPresent(h -> h.forEach((id, s) -> {
                            if (s.isListed()) {
                                status.put(id, s);
                            }
                        }));
            }
            if (!ended.isEmpty()) {
                Map<String, Optional<ExitFile>> exits = exitFiles(remoteRoot,
                        ended.stream().map(Job::runDirectory).toList());
                for (Job j : ended) {
                    done.put(j.jobId(), FinalState.decide(status.get(j.jobId()), exits.get(j.runDirectory())));
                }
            }
            pollCosts.add(new PollCost(schedulerCommands.size() - sched0, transport.stats().commandsRun() - cmd0,
                    active.size()));
            onPoll.afterPoll(status);
            if (done.size() < jobs.size()) {
                Thread.sleep(interval.toMillis());
            }
        }
        Map<String, FinalState> inOrder = new LinkedHashMap<>();
        jobs.forEach(j -> inOrder.put(j.jobId(), done.get(j.jobId())));
        return inOrder;
    }

    Map<String, FinalState> waitForAll(String remoteRoot, List<Job> jobs, Duration interval, Duration max)
            throws Exception {
        return waitForAll(remoteRoot, jobs, interval, max, s -> { });
    }

    /** Polls one job until the scheduler says it is running (or fails after {@code max}). */
    void waitUntilRunning(String jobId, Duration max) throws Exception {
        Instant deadline = Instant.now().plus(max);
        while (true) {
            JobStatus s = poll(List.of(jobId)).get(jobId);
            if (s.state() == JobStatus.State.RUNNING) {
                return;
            }
            if (!s.isActive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " did not start running: " + s);
            }
            Thread.sleep(300);
        }
    }

    interface PollListener {
        void afterPoll(Map<String, JobStatus> status) throws Exception;
    }

    static String relative(String root, String path) {
        String prefix = root.endsWith("/") ? root : root + "/";
        if (!path.startsWith(prefix)) {
            throw new IllegalArgumentException(path + " is not under " + root);
        }
        return path.substring(prefix.length());
    }
}
