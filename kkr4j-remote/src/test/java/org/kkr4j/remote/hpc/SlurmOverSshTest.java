package org.kkr4j.remote.hpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.scheduler.FinalState;
import org.kkr4j.remote.scheduler.JobSpec;
import org.kkr4j.remote.scheduler.JobStatus;
import org.kkr4j.remote.scheduler.Resources;
import org.kkr4j.remote.scheduler.SchedulerResponseException;
import org.kkr4j.remote.scheduler.SlurmScheduler;
import org.kkr4j.remote.transport.DownloadResult;
import org.kkr4j.remote.transport.SshTransport;
import org.kkr4j.remote.transport.UploadEntry;

/**
 * SshTransport + SlurmScheduler against the real OpenSSH and Slurm of {@code .ci/hpc-start}. A job over its
 * walltime is submitted first (Slurm's limits are whole minutes and checked every 30 s, so it ends 60-95 s
 * later) and judged last; the other tests run meanwhile.
 */
@HpcTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmOverSshTest {
    private static final Duration T = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);

    @TempDir
    static Path local;
    private static HpcComputer hpc;
    private static SshTransport ssh;
    private static SlurmScheduler slurm;
    private static String base;
    private static RemoteJobFlow.Job walltimeJob;
    private static final List<String> submitted = new ArrayList<>();

    @BeforeAll
    static void connectAndSubmitTheWalltimeJob() throws Exception {
        hpc = HpcComputer.require();
        ssh = new SshTransport(hpc.settings("slurm-it"));
        slurm = new SlurmScheduler();
        base = hpc.remoteDir("slurm");
        ssh.mkdirs(base, T);
        String dir = base + "/walltime";
        JobSpec spec = JobSpec.single("walltime-" + suffix(), dir, List.of("sleep 600"), Resources.serial(60));
        walltimeJob = new RemoteJobFlow.Job(flow().submit(spec), dir);
        submitted.add(walltimeJob.jobId());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (ssh != null) {
            if (!submitted.isEmpty()) {
                ssh.run(slurm.cancelCommand(submitted), T);
            }
            ssh.removeTree(base, T);
            ssh.close();
        }
    }

    private static RemoteJobFlow flow() {
        return new RemoteJobFlow(ssh, slurm, local);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    @Test
    @Order(1)
    void runsGoUpInOneStreamRunUnderSlurmAndOnlyTheNeededFilesComeBack() throws Exception {
        Path runs = Files.createDirectories(local.resolve("runs"));
        List<String> names = new ArrayList<>();
        List<UploadEntry> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "fe" + i;
            names.add(name);
            entries.add(new UploadEntry(StandInRuns.create(runs, name, i == 3 ? 2 : 0, 1), name));
        }
        String root = base + "/e2e";
        long commands0 = ssh.stats().commandsRun();
        ssh.upload(entries, root, T);
        assertThat(ssh.stats().commandsRun() - commands0).as("one channel for all six run directories").isEqualTo(1);

        // no shared disk: the server sees the files, this side cannot, not even as root
        assertThat(hpc.remoteBytes(root + "/fe0")).isGreaterThan(32 * 1024);
        assertThat(Path.of(root)).doesNotExist();
        assertThat(Path.of(hpc.remoteHome())).doesNotExist();

        RemoteJobFlow flow = flow();
        List<RemoteJobFlow.Job> jobs = new ArrayList<>();
        for (String name : names) {
            String dir = root + "/" + name;
            JobSpec spec = JobSpec.single(name + "-" + suffix(), dir, StandInRuns.commandLines(), Resources.serial(300));
            jobs.add(new RemoteJobFlow.Job(flow.submit(spec), dir));
        }
        jobs.forEach(j -> submitted.add(j.jobId()));
        assertThat(flow.schedulerCommands).as("a lookup by name, then sbatch, per run").hasSize(12);
        assertThat(flow.schedulerCommands.get(1).get(0)).isEqualTo("sbatch");

        flow.schedulerCommands.clear();
        Map<String, FinalState> end = flow.waitForAll(root, jobs, POLL, Duration.ofSeconds(120));

        for (int i = 0; i < jobs.size(); i++) {
            assertThat(end.get(jobs.get(i).jobId())).as(names.get(i))
                    .isEqualTo(new FinalState.Finished(i == 3 ? 2 : 0));
        }
        // one scheduler call per interval, however many jobs are polled
        assertThat(flow.pollCosts).isNotEmpty();
        assertThat(flow.pollCosts).allSatisfy(c -> assertThat(c.schedulerCommands()).isEqualTo(1));
        assertThat(flow.pollCosts.get(0).activeJobs()).isEqualTo(6);
        assertThat(flow.schedulerCommands).allSatisfy(c -> assertThat(c.get(0)).isEqualTo("squeue"));
        assertThat(flow.schedulerCommands).hasSize(flow.pollCosts.size());
        // the transport's own count agrees: the status query, plus one exit-file download when jobs ended
        assertThat(flow.pollCosts).allSatisfy(c -> assertThat(c.transportCommands()).isBetween(1L, 2L));

        List<String> wanted = new ArrayList<>();
        names.forEach(n -> wanted.addAll(StandInRuns.neededFiles(n)));
        Path back = local.resolve("back");
        commands0 = ssh.stats().commandsRun();
        DownloadResult got = ssh.download(root, wanted, back, T);
        assertThat(ssh.stats().commandsRun() - commands0).isEqualTo(1);
        assertThat(got.files()).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(got.missing()).isEmpty();
        try (var all = Files.walk(back)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> back.relativize(p).toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(wanted);
        }
        assertThat(Files.readString(back.resolve("fe2/out.log")))
                .contains("card: potential fe2", "read 4 card lines", "done");
        assertThat(Files.readString(back.resolve("fe2/fe2.pot"))).startsWith("potential fe2 written on ");
        assertThat(Files.readString(back.resolve("fe3/.kkr4j/exit")).strip()).isEqualTo("2");
    }

    @Test
    @Order(2)
    void aResubmissionAdoptsTheQueuedJobAndScancelReadsAsCancelledNotFinished() throws Exception {
        RemoteJobFlow flow = flow();
        String dir = base + "/cancel";
        JobSpec spec = JobSpec.single("cancel-" + suffix(), dir, List.of("echo started > started.txt", "sleep 300"),
                Resources.serial(600));
        String id = flow.submit(spec);
        submitted.add(id);
        assertThat(flow.submit(spec)).as("looked up by name, not submitted twice").isEqualTo(id);
        assertThat(flow.schedulerCommands.stream().filter(c -> c.get(0).equals("sbatch"))).hasSize(1);

        flow.waitUntilRunning(id, Duration.ofSeconds(60));
        Instant deadline = Instant.now().plusSeconds(30);
        while (!ssh.exists(dir + "/started.txt", T) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        CommandResult cancel = flow.schedulerCommand(slurm.cancelCommand(List.of(id)));
        assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();

        Map<String, FinalState> end = flow.waitForAll(base, List.of(new RemoteJobFlow.Job(id, dir)), POLL,
                Duration.ofSeconds(60));
        assertThat(end.get(id)).isInstanceOfSatisfying(FinalState.Killed.class, k -> {
            assertThat(k.reason()).isEqualTo(JobStatus.State.CANCELLED);
            assertThat(k.inferred()).isFalse();
        });
    }

    @Test
    @Order(3)
    void sacctWithoutAccountingStorageIsReadAsNoRecord() throws Exception {
        RemoteJobFlow flow = flow();
        List<String> ids = List.of(walltimeJob.jobId());
        CommandResult r = flow.schedulerCommand(slurm.historyCommand(ids).orElseThrow());
        assertThat(r.exitCode()).isNotZero();
        assertThat(slurm.parseHistory(r, ids)).isEmpty();
    }

    @Test
    @Order(4)
    void aRestartedSlurmctldKeepsItsJobsAndNothingIsTakenForFinishedWithoutItsExitFile() throws Exception {
        RemoteJobFlow flow = flow();
        String root = base + "/restart";
        String firstDir = root + "/first";
        String first = flow.submit(JobSpec.single("first-" + suffix(), firstDir,
                List.of("sleep 6", "echo first > out.txt"), Resources.serial(300)));
        submitted.add(first);
        List<RemoteJobFlow.Job> jobs = new ArrayList<>(List.of(new RemoteJobFlow.Job(first, firstDir)));
        for (String name : List.of("second", "third")) {
            String dir = root + "/" + name;
            // queued behind the first job until it has ended well
            JobSpec spec = JobSpec.single(name + "-" + suffix(), dir,
                    List.of("cat " + firstDir + "/out.txt > out.txt", "echo " + name + " >> out.txt"),
                    Resources.serial(300)).withExtraDirectives(List.of("--dependency=afterok:" + first));
            String id = flow.submit(spec);
            submitted.add(id);
            jobs.add(new RemoteJobFlow.Job(id, dir));
        }
        flow.waitUntilRunning(first, Duration.ofSeconds(60));
        Map<String, JobStatus> before = flow.poll(jobs.stream().map(RemoteJobFlow.Job::jobId).toList());
        assertThat(before.get(jobs.get(1).jobId()).state()).isEqualTo(JobStatus.State.QUEUED);
        assertThat(before.get(jobs.get(2).jobId()).rawState()).contains("PENDING", "Dependency");

        hpc.ctl("slurmctld-stop");
        try {
            // the controller is away: the status query fails, and that is never "no jobs"
            assertThatThrownBy(() -> flow.poll(jobs.stream().map(RemoteJobFlow.Job::jobId).toList()))
                    .isInstanceOf(SchedulerResponseException.class).hasMessageContaining("squeue");
            // the first job ends while the controller is down; slurmd keeps its completion until it returns
            Instant deadline = Instant.now().plusSeconds(30);
            while (!ssh.exists(firstDir + "/.kkr4j/exit", T)) {
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(300);
            }
        } finally {
            hpc.ctl("slurmctld-start");
        }
        Map<String, JobStatus> after = flow.poll(jobs.stream().map(RemoteJobFlow.Job::jobId).toList());
        assertThat(after.values()).as("every job is still known after the restart").allSatisfy(s ->
                assertThat(s.isListed()).isTrue());

        Map<String, FinalState> end = flow.waitForAll(root, jobs, POLL, Duration.ofSeconds(90));
        assertThat(end.values()).containsOnly(new FinalState.Finished(0));
        assertThat(new String(ssh.readFile(root + "/third/out.txt", 1000, T).orElseThrow()))
                .isEqualTo("first\nthird\n");
        long firstEnd = epoch(firstDir + "/.kkr4j/end");
        for (String name : List.of("second", "third")) {
            assertThat(epoch(root + "/" + name + "/.kkr4j/start")).isGreaterThanOrEqualTo(firstEnd);
        }
    }

    @Test
    @Order(5)
    void aJobOverItsWalltimeIsReportedTimedOut() throws Exception {
        RemoteJobFlow flow = flow();
        Map<String, FinalState> end = flow.waitForAll(base, List.of(walltimeJob), Duration.ofSeconds(2),
                Duration.ofSeconds(150));
        assertThat(end.get(walltimeJob.jobId())).isInstanceOfSatisfying(FinalState.Killed.class, k -> {
            assertThat(k.reason()).isEqualTo(JobStatus.State.TIMED_OUT);
            assertThat(k.inferred()).as("Slurm says TIMEOUT itself").isFalse();
            assertThat(k.detail()).contains("TIMEOUT");
        });
        Optional<byte[]> start = ssh.readFile(walltimeJob.runDirectory() + "/.kkr4j/start", 1000, T);
        assertThat(start).as("the job did start").isPresent();
    }

    private static long epoch(String remoteFile) throws Exception {
        return Long.parseLong(new String(ssh.readFile(remoteFile, 100, T).orElseThrow()).strip().split("\\s+")[0]);
    }
}
