package org.kkr4j.remote.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.scheduler.FinalState;
import org.kkr4j.remote.scheduler.JobSpec;
import org.kkr4j.remote.scheduler.JobStatus;
import org.kkr4j.remote.scheduler.PackTask;
import org.kkr4j.remote.scheduler.PackedJob;
import org.kkr4j.remote.scheduler.PbsProScheduler;
import org.kkr4j.remote.scheduler.PjmScheduler;
import org.kkr4j.remote.scheduler.Resources;
import org.kkr4j.remote.scheduler.RunLayout;
import org.kkr4j.remote.scheduler.Scheduler;
import org.kkr4j.remote.transport.SshTransport;
import org.kkr4j.remote.transport.UploadEntry;

/**
 * The PBS Pro and Fujitsu PJM adapters over real SSH, against the test shims of {@code .ci/hpc-shims}
 * ({@code qsub}/{@code qstat}/{@code qdel}/{@code qselect}, {@code pjsub}/{@code pjstat}/{@code pjdel}) on the
 * remote PATH: they run the jobs on the test Slurm and answer in the PBS and PJM text formats the adapters
 * read (the formats of the golden files). Same flow as for Slurm: upload, look up, submit, poll with one
 * status command per interval, decide from the exit files.
 */
@HpcTest
class ShimSchedulersOverSshTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);

    @TempDir
    static Path local;
    private static HpcComputer hpc;
    private static SshTransport ssh;
    private static String base;

    @BeforeAll
    static void connect() throws Exception {
        hpc = HpcComputer.require();
        ssh = new SshTransport(hpc.settings("shims-it"));
        base = hpc.remoteDir("shims");
        ssh.mkdirs(base, T);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (ssh != null) {
            ssh.removeTree(base, T);
            ssh.close();
        }
    }

    @Test
    void pbsRunsFinishWithTheirExitCodesAndQdelReadsAsCancelled() throws Exception {
        PbsProScheduler pbs = new PbsProScheduler();
        String root = base + "/pbs";
        List<RemoteJobFlow.Job> jobs = submitStandInRuns(pbs, root, "pbs", List.of(0, 5, 0));
        RemoteJobFlow flow = new RemoteJobFlow(ssh, pbs, local);
        assertThat(jobs).allSatisfy(j -> assertThat(j.jobId()).endsWith(".kkr4jshim"));

        Map<String, FinalState> end = flow.waitForAll(root, jobs, POLL, Duration.ofSeconds(120));
        assertThat(end.values()).containsExactly(new FinalState.Finished(0), new FinalState.Finished(5),
                new FinalState.Finished(0));
        assertOneStatusCommandPerInterval(flow, List.of("qstat", "-f", "-x"));
        Map<String, JobStatus> seen = flow.poll(jobs.stream().map(RemoteJobFlow.Job::jobId).toList());
        assertThat(seen.get(jobs.get(1).jobId()).rawState()).isEqualTo("job_state=F Exit_status=5");

        cancelARunningJob(pbs, root + "/cancel", flow);
    }

    @Test
    void pjmRunsFinishAndPjdelReadsAsCancelledFromTheHistory() throws Exception {
        PjmScheduler pjm = new PjmScheduler();
        String root = base + "/pjm";
        List<RemoteJobFlow.Job> jobs = submitStandInRuns(pjm, root, "pjm", List.of(0, 0, 7));
        RemoteJobFlow flow = new RemoteJobFlow(ssh, pjm, local);

        Map<String, FinalState> end = flow.waitForAll(root, jobs, POLL, Duration.ofSeconds(120));
        assertThat(end.values()).containsExactly(new FinalState.Finished(0), new FinalState.Finished(0),
                new FinalState.Finished(7));
        // pjstat -E lists active jobs only: an interval in which jobs left it adds one pjstat -H -E
        assertOneStatusCommandPerInterval(flow, List.of("pjstat", "-E"));
        assertThat(flow.schedulerCommands).allSatisfy(c ->
                assertThat(c).isIn(List.of("pjstat", "-E"), List.of("pjstat", "-H", "-E")));

        cancelARunningJob(pjm, root + "/cancel", flow);
    }

    @Test
    void pjmBulkSubJobsEachRunTheirTaskAndEndWithTheirOwnExitCode() throws Exception {
        PjmScheduler pjm = new PjmScheduler(true);
        String root = base + "/bulk";
        Path runs = Files.createDirectories(local.resolve("bulk-runs"));
        List<UploadEntry> entries = new ArrayList<>();
        List<PackTask> tasks = new ArrayList<>();
        int[] codes = {0, 3, 0, 0};
        for (int i = 0; i < codes.length; i++) {
            String name = "task" + i;
            entries.add(new UploadEntry(StandInRuns.create(runs, name, codes[i], 1), name));
            tasks.add(new PackTask(name + "-" + suffix(), root + "/" + name, StandInRuns.commandLines()));
        }
        ssh.upload(entries, root, T);
        for (PackTask t : tasks) {
            ssh.mkdirs(RunLayout.path(t.runDirectory(), RunLayout.DIR), T);
            ssh.writeFile(PackedJob.taskScriptPath(t), PackedJob.taskScript(t).getBytes(StandardCharsets.UTF_8), T);
        }
        JobSpec pack = JobSpec.packed("bulk-" + suffix(), root + "/pack", tasks, Resources.serial(300));
        RemoteJobFlow flow = new RemoteJobFlow(ssh, pjm, local);
        String id = flow.submit(pack);
        assertThat(flow.schedulerCommands.get(1)).contains("--bulk", "--sparam", "0-3");

        List<String> subJobs = PjmScheduler.bulkSubJobIds(id, tasks.size());
        List<RemoteJobFlow.Job> jobs = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            jobs.add(new RemoteJobFlow.Job(subJobs.get(i), tasks.get(i).runDirectory()));
        }
        Map<String, FinalState> end = flow.waitForAll(root, jobs, POLL, Duration.ofSeconds(120));
        for (int i = 0; i < codes.length; i++) {
            assertThat(end.get(subJobs.get(i))).as(subJobs.get(i)).isEqualTo(new FinalState.Finished(codes[i]));
        }
        assertOneStatusCommandPerInterval(flow, List.of("pjstat", "-E"));
        String log = new String(ssh.readFile(root + "/task2/" + StandInRuns.LOG, 10_000, T).orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(log).contains("card: potential task2", "done");
    }

    /** Submits, checks that a second submission of the same run adopts the job, cancels it while it runs. */
    private static void cancelARunningJob(Scheduler scheduler, String dir, RemoteJobFlow flow) throws Exception {
        JobSpec spec = JobSpec.single("cancel-" + scheduler.name() + "-" + suffix(), dir,
                List.of("echo started > started.txt", "sleep 300"), Resources.serial(600));
        String id = flow.submit(spec);
        assertThat(flow.submit(spec)).as("looked up by name, not submitted twice").isEqualTo(id);
        flow.waitUntilRunning(id, Duration.ofSeconds(60));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!ssh.exists(dir + "/started.txt", T)) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
        CommandResult cancel = flow.schedulerCommand(scheduler.cancelCommand(List.of(id)));
        assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();
        Map<String, FinalState> end = flow.waitForAll(dir.substring(0, dir.lastIndexOf('/')), List.of(new RemoteJobFlow.Job(id,
                dir)), POLL, Duration.ofSeconds(60));
        assertThat(end.get(id)).isInstanceOfSatisfying(FinalState.Killed.class, k ->
                assertThat(k.reason()).isEqualTo(JobStatus.State.CANCELLED));
    }

    private static List<RemoteJobFlow.Job> submitStandInRuns(Scheduler scheduler, String root, String prefix,
                                                             List<Integer> exitCodes) throws Exception {
        Path runs = Files.createDirectories(local.resolve(prefix + "-runs"));
        List<UploadEntry> entries = new ArrayList<>();
        for (int i = 0; i < exitCodes.size(); i++) {
            entries.add(new UploadEntry(StandInRuns.create(runs, prefix + i, exitCodes.get(i), 1), prefix + i));
        }
        ssh.upload(entries, root, T);
        RemoteJobFlow flow = new RemoteJobFlow(ssh, scheduler, local);
        List<RemoteJobFlow.Job> jobs = new ArrayList<>();
        for (int i = 0; i < exitCodes.size(); i++) {
            String dir = root + "/" + prefix + i;
            JobSpec spec = JobSpec.single(prefix + i + "-" + suffix(), dir, StandInRuns.commandLines(),
                    Resources.serial(300));
            jobs.add(new RemoteJobFlow.Job(flow.submit(spec), dir));
        }
        return jobs;
    }

    private static void assertOneStatusCommandPerInterval(RemoteJobFlow flow, List<String> statusCommandStart) {
        assertThat(flow.pollCosts).isNotEmpty();
        long statusCommands = flow.schedulerCommands.stream()
                .filter(c -> c.subList(0, Math.min(c.size(), statusCommandStart.size())).equals(statusCommandStart))
                .count();
        // the flow's commands include the submissions made with it: count the status queries only
        assertThat(statusCommands).isEqualTo(flow.pollCosts.size());
        assertThat(flow.pollCosts).allSatisfy(c -> assertThat(c.schedulerCommands()).isBetween(1L, 2L));
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
