package org.kkr4j.remote.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.LocalCommandRunner;

/** Packed jobs executed for real with bash on a temporary pool. */
class PackedJobTest {
    static final int TASKS = 50;
    final LocalCommandRunner runner = new LocalCommandRunner();

    /** Task i appends a line to its own count file and to a shared log, sleeps a little, exits i mod 4. */
    static List<PackTask> prepareTasks(Path root, Path log) throws IOException {
        List<PackTask> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String name = i % 7 == 0 ? "run " + i + " 'q' $x;y" : "run-" + i;
            Path dir = Files.createDirectories(root.resolve(name));
            PackTask t = new PackTask("t" + i, dir.toString(), List.of(
                    "echo ran >> count.txt",
                    "echo t" + i + " >> " + org.kkr4j.remote.ShellQuoting.quote(log.toString()),
                    "sleep 0.0$((RANDOM % 5))",
                    "exit " + (i % 4)));
            Files.createDirectories(dir.resolve(RunLayout.DIR));
            Files.writeString(Path.of(PackedJob.taskScriptPath(t)), PackedJob.taskScript(t));
            tasks.add(t);
        }
        return tasks;
    }

    static void assertEveryTaskRanOnceWithItsExitFile(List<PackTask> tasks, Path log) throws IOException {
        for (int i = 0; i < tasks.size(); i++) {
            Path dir = Path.of(tasks.get(i).runDirectory());
            assertThat(Files.readAllLines(dir.resolve("count.txt"))).as("task " + i).containsExactly("ran");
            ExitFile exit = ExitFile.parse(Files.readString(dir.resolve(RunLayout.EXIT)),
                    Optional.of(Files.readString(dir.resolve(RunLayout.END))));
            assertThat(exit.exitCode()).as("task " + i).isEqualTo(i % 4);
            assertThat(Files.readString(dir.resolve(RunLayout.START))).matches("\\d+ \\S+\n");
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(tasks.size()).doesNotHaveDuplicates();
    }

    @Test
    void threePilotsWorkThroughAPoolOfFiftyTasksEachExactlyOnce(@TempDir Path tmp) throws Exception {
        Path pool = Files.createDirectories(tmp.resolve("pool 'p' $x"));
        Path log = tmp.resolve("ran.log");
        List<PackTask> tasks = prepareTasks(tmp.resolve("runs"), log);
        Files.createDirectories(pool.resolve("todo"));
        for (PackTask t : tasks) {
            Files.writeString(pool.resolve("todo").resolve(PackedJob.todoEntryName(t)), PackedJob.todoEntryContent(t));
        }
        Scheduler slurm = new SlurmScheduler();
        List<Process> pilots = new ArrayList<>();
        List<JobSpec> specs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            JobSpec spec = PackedJob.pilotSpec("pilot-" + p, pool.toString(),
                    Resources.serial(600).withParallelTasks(2), Map.of(), List.of(), "");
            specs.add(spec);
            Files.createDirectories(Path.of(spec.runDirectory(), RunLayout.DIR));
            Files.writeString(Path.of(spec.scriptPath()), slurm.jobScript(spec));
        }
        for (JobSpec spec : specs) {
            // distinct pilot names, as distinct scheduler job ids would give
            ProcessBuilder pb = new ProcessBuilder("bash", spec.scriptPath());
            pb.environment().put("SLURM_JOB_ID", spec.runId());
            pb.redirectErrorStream(true).redirectOutput(tmp.resolve(spec.runId() + ".log").toFile());
            pilots.add(pb.start());
        }
        for (Process p : pilots) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        assertEveryTaskRanOnceWithItsExitFile(tasks, log);
        assertThat(list(pool.resolve("todo"))).isEmpty();
        assertThat(list(pool.resolve("claimed"))).isEmpty();
        assertThat(list(pool.resolve("done"))).hasSize(TASKS);
        for (JobSpec spec : specs) {
            assertThat(Files.readString(Path.of(spec.runDirectory(), RunLayout.EXIT))).isEqualTo("0\n");
        }
    }

    @Test
    void aPackListedInTheScriptRunsWithWorkersAndResumesWithoutRerunning(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("ran.log");
        List<PackTask> tasks = prepareTasks(tmp.resolve("runs"), log);
        JobSpec pack = JobSpec.packed("pack-1", tmp.resolve("pack").toString(), tasks,
                Resources.serial(600).withParallelTasks(3));
        Files.createDirectories(tmp.resolve("pack"));
        Path script = tmp.resolve("pack.sh");
        Files.writeString(script, new PbsProScheduler().jobScript(pack));
        CommandResult r = runner.run(List.of("bash", script.toString()), Duration.ofSeconds(120));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertEveryTaskRanOnceWithItsExitFile(tasks, log);
        // resubmitted after, say, a walltime kill: finished tasks are skipped
        assertThat(runner.run(List.of("bash", script.toString()), Duration.ofSeconds(120)).exitCode()).isZero();
        assertEveryTaskRanOnceWithItsExitFile(tasks, log);
    }

    @Test
    void pjmBulkSubJobsRunTheTaskAtTheirBulkNumber(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("ran.log");
        List<PackTask> tasks = prepareTasks(tmp.resolve("runs"), log);
        JobSpec pack = JobSpec.packed("pack-2", tmp.resolve("pack").toString(), tasks, Resources.serial(600));
        Files.createDirectories(tmp.resolve("pack"));
        Path script = tmp.resolve("bulk.sh");
        PjmScheduler pjm = new PjmScheduler(true);
        Files.writeString(script, pjm.jobScript(pack));
        assertThat(pjm.submitCommand(pack)).contains("0-" + (TASKS - 1));
        List<Process> subJobs = new ArrayList<>();
        for (int i = TASKS - 1; i >= 0; i--) {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
            pb.environment().put(PjmScheduler.BULK_NUMBER_VARIABLE, Integer.toString(i));
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            subJobs.add(pb.start());
        }
        for (Process p : subJobs) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertEveryTaskRanOnceWithItsExitFile(tasks, log);
        ProcessBuilder beyond = new ProcessBuilder("bash", script.toString());
        beyond.environment().put(PjmScheduler.BULK_NUMBER_VARIABLE, Integer.toString(TASKS));
        assertThat(beyond.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor()).isEqualTo(96);
        assertThat(Files.readAllLines(log)).hasSize(TASKS);
    }

    @Test
    void claimsOfADeadPilotGoBackToTheQueueOrToDone(@TempDir Path tmp) throws Exception {
        Path pool = tmp.resolve("pool");
        for (String d : List.of("todo", "claimed", "done")) {
            Files.createDirectories(pool.resolve(d));
        }
        Path unfinished = Files.createDirectories(tmp.resolve("r1").resolve(RunLayout.DIR)).getParent();
        Path finished = Files.createDirectories(tmp.resolve("r2").resolve(RunLayout.DIR)).getParent();
        Files.writeString(finished.resolve(RunLayout.EXIT), "0\n");
        Files.writeString(pool.resolve("claimed/r.1.4711.pbs01.0"), unfinished + "\n");
        Files.writeString(pool.resolve("claimed/r.2.4711.pbs01.1"), finished + "\n");
        Files.writeString(pool.resolve("claimed/r.3.4712.pbs01.0"), unfinished + "\n"); // another, live pilot
        CommandResult r = runner.run(PackedJob.requeueCommand(pool.toString(), List.of("4711.pbs01")),
                Duration.ofSeconds(10));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(list(pool.resolve("todo"))).containsExactly("r.1");
        assertThat(list(pool.resolve("done"))).containsExactly("r.2");
        assertThat(list(pool.resolve("claimed"))).containsExactly("r.3.4712.pbs01.0");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
