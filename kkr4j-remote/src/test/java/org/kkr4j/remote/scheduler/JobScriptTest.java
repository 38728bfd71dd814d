package org.kkr4j.remote.scheduler;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.LocalCommandRunner;

class JobScriptTest {
    static final String NASTY_DIR_NAME = "run 'q' \"dq\" $HOME; `id` & x";
    final LocalCommandRunner runner = new LocalCommandRunner();

    static List<Scheduler> all() {
        return List.of(new DirectScheduler(), new SlurmScheduler(), new PbsProScheduler(), new PjmScheduler(),
                new PjmScheduler(true));
    }

    /** bash -n on every script every adapter writes: single runs and packs, plain and nasty paths. */
    @Test
    void everyGeneratedScriptIsValidBash(@TempDir Path tmp) throws Exception {
        List<JobSpec> specs = new ArrayList<>();
        specs.add(ScriptFixtures.fullWithoutMemory("/w/plain"));
        specs.add(ScriptFixtures.fullWithoutMemory("/w/" + NASTY_DIR_NAME));
        specs.add(JobSpec.packed("pack", "/w/pack", List.of(new PackTask("a", "/w/" + NASTY_DIR_NAME + "/a",
                List.of("true")), new PackTask("b", "/w/b", List.of("false"))), Resources.serial(60).withParallelTasks(2)));
        specs.add(PackedJob.pilotSpec("pilot-1", "/w/pool " + NASTY_DIR_NAME, Resources.serial(60), Map.of(),
                List.of(), ""));
        int n = 0;
        for (Scheduler s : all()) {
            for (JobSpec spec : specs) {
                Path f = tmp.resolve(s.name() + "-" + n++ + ".sh");
                Files.writeString(f, s.jobScript(spec));
                CommandResult r = runner.run(List.of("bash", "-n", f.toString()), Duration.ofSeconds(10));
                assertThat(r.exitCode()).as(s.name() + " script for " + spec.runDirectory() + ":\n"
                        + r.stderr() + "\n" + Files.readString(f)).isZero();
            }
        }
        Path task = tmp.resolve("task.sh");
        Files.writeString(task, PackedJob.taskScript(new PackTask("t", "/w/" + NASTY_DIR_NAME, List.of("true"))));
        assertThat(runner.run(List.of("bash", "-n", task.toString()), Duration.ofSeconds(10)).exitCode()).isZero();
    }

    /**
     * Scheduler directives are comments to bash, so each adapter's script can be run as it is: in a
     * directory whose name holds quotes, $, ; and backticks, it must write its markers there and nowhere
     * else, with the environment values passed literally.
     */
    @Test
    void scriptsRunInANastyDirectoryAndWriteTheirMarkers(@TempDir Path tmp) throws Exception {
        for (Scheduler s : all()) {
            Path dir = tmp.resolve(s.name() + (s instanceof PjmScheduler p && p.bulkPacking() ? "-bulk" : "")
                    + " " + NASTY_DIR_NAME);
            Files.createDirectories(dir);
            JobSpec spec = ScriptFixtures.fullWithoutMemory(dir.toString())
                    .withModules(List.of())
                    .withPrependText("kkr4j_site=prepended\n");
            spec = new JobSpec(spec.runId(), spec.runDirectory(), List.of(
                    "printf '%s|%s|%s|%s\\n' \"$KKR_NOTE\" \"$EMPTY\" \"$OMP_NUM_THREADS\" \"$kkr4j_site\" > env.txt",
                    "pwd > pwd.txt", "exit 3"), spec.resources(), spec.environment(), List.of(), spec.prependText(),
                    List.of(), List.of());
            Path script = tmp.resolve(s.name() + ".sh");
            Files.writeString(script, s.jobScript(spec));
            Instant before = Instant.now().minusSeconds(1);
            CommandResult r = runner.run(List.of("bash", script.toString()), Duration.ofSeconds(20));
            assertThat(r.exitCode()).as(s.name() + ": " + r.stderr()).isEqualTo(3);
            assertThat(Files.readString(dir.resolve("env.txt"))).isEqualTo("it's $HOME; `x`||3|prepended\n");
            assertThat(Files.readString(dir.resolve("pwd.txt")).strip()).isEqualTo(dir.toString());
            ExitFile exit = ExitFile.parse(Files.readString(dir.resolve(RunLayout.EXIT)),
                    Optional.of(Files.readString(dir.resolve(RunLayout.END))));
            assertThat(exit.exitCode()).isEqualTo(3);
            assertThat(exit.endedAt().orElseThrow()).isAfter(before);
            assertThat(Files.readString(dir.resolve(RunLayout.START))).matches("\\d+ \\S+\n");
            try (var files = Files.list(dir.resolve(RunLayout.DIR))) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                        .containsExactlyInAnyOrder("start", "end", "exit", "pid");
            }
        }
    }

    @Test
    void aCommandThatExitsTheShellStillGetsItsExitFile(@TempDir Path tmp) throws Exception {
        JobSpec spec = JobSpec.single("r", tmp.toString(), List.of("exit 0", "echo never > never.txt"),
                Resources.serial(60));
        Path script = tmp.resolve("s.sh");
        Files.writeString(script, new SlurmScheduler().jobScript(spec));
        assertThat(runner.run(List.of("bash", script.toString()), Duration.ofSeconds(10)).exitCode()).isZero();
        assertThat(Files.readString(tmp.resolve(RunLayout.EXIT))).isEqualTo("0\n");
        assertThat(tmp.resolve("never.txt")).doesNotExist();
    }

    @Test
    void aMissingRunDirectoryFailsWithoutMarkers(@TempDir Path tmp) throws Exception {
        JobSpec spec = JobSpec.single("r", tmp.resolve("gone").toString(), List.of("true"), Resources.serial(60));
        Path script = tmp.resolve("s.sh");
        Files.writeString(script, new DirectScheduler().jobScript(spec));
        assertThat(runner.run(List.of("bash", script.toString()), Duration.ofSeconds(10)).exitCode())
                .isEqualTo(JobScripts.NO_RUN_DIRECTORY);
    }

    /** The direct adapter end to end on this machine: submit, poll, find by name, finish, decide. */
    @Test
    void directSchedulerEndToEnd(@TempDir Path tmp) throws Exception {
        DirectScheduler direct = new DirectScheduler();
        Path dir = tmp.resolve("direct " + NASTY_DIR_NAME);
        Files.createDirectories(dir.resolve(RunLayout.DIR));
        Path gate = tmp.resolve("gate");
        // a unique name: a job left over from an aborted test run must not be found instead
        String runId = "e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        JobSpec spec = JobSpec.single(runId, dir.toString(), List.of(
                "for i in $(seq 1 600); do [ -e " + org.kkr4j.remote.ShellQuoting.quote(gate.toString())
                        + " ] && break; sleep 0.05; done",
                "echo done > result.txt"), Resources.serial(60));
        Files.writeString(Path.of(spec.scriptPath()), direct.jobScript(spec));

        String pid = direct.parseSubmit(runner.run(direct.submitCommand(spec), Duration.ofSeconds(10)));
        try {
        JobStatus running = direct.parseStatus(runner.run(direct.statusCommand(List.of(pid)), Duration.ofSeconds(10)),
                List.of(pid)).get(pid);
        assertThat(running.isActive()).as(running.toString()).isTrue();
        assertThat(direct.parseLookup(runner.run(direct.lookupByNameCommand(runId), Duration.ofSeconds(10)),
                runId)).containsExactly(pid);
        assertThat(FinalState.decide(running, Optional.empty())).isInstanceOf(FinalState.StillActive.class);

        Files.writeString(gate, "go");
        JobStatus last = running;
        for (int i = 0; i < 200 && last.isActive(); i++) {
            Thread.sleep(50);
            last = direct.parseStatus(runner.run(direct.statusCommand(List.of(pid)), Duration.ofSeconds(10)),
                    List.of(pid)).get(pid);
        }
        assertThat(last.isActive()).isFalse();
        assertThat(Files.readString(dir.resolve("result.txt"))).isEqualTo("done\n");
        assertThat(Files.readString(dir.resolve(RunLayout.PID)).strip()).isEqualTo(pid);
        Optional<ExitFile> exit = Optional.of(ExitFile.parse(Files.readString(dir.resolve(RunLayout.EXIT)),
                Optional.empty()));
        assertThat(FinalState.decide(last, exit)).isEqualTo(new FinalState.Finished(0));
        } finally {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
    }

    @Test
    void directCancelStopsTheCommandsLeavesNoExitFileAndIsNeverFinished(@TempDir Path tmp) throws Exception {
        DirectScheduler direct = new DirectScheduler();
        JobSpec spec = JobSpec.single("e2e-kill-" + System.nanoTime(), tmp.toString(), List.of("sleep 30"),
                Resources.serial(60));
        Files.createDirectories(tmp.resolve(RunLayout.DIR));
        Files.writeString(Path.of(spec.scriptPath()), direct.jobScript(spec));
        String pid = direct.parseSubmit(runner.run(direct.submitCommand(spec), Duration.ofSeconds(10)));
        for (int i = 0; i < 100 && !Files.exists(tmp.resolve(RunLayout.START)); i++) {
            Thread.sleep(50);
        }
        ProcessHandle job = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
        List<ProcessHandle> commands = job.descendants().toList();
        assertThat(commands).isNotEmpty();
        CommandResult cancel = runner.run(direct.cancelCommand(List.of(pid)), Duration.ofSeconds(10));
        assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();
        JobStatus last = JobStatus.notListed();
        for (int i = 0; i < 100; i++) {
            last = direct.parseStatus(runner.run(direct.statusCommand(List.of(pid)), Duration.ofSeconds(10)),
                    List.of(pid)).get(pid);
            if (!last.isActive()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(last.isActive()).isFalse();
        for (ProcessHandle c : commands) {
            c.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS); // the commands went with the script
        }
        assertThat(tmp.resolve(RunLayout.EXIT)).doesNotExist();
        assertThat(FinalState.decide(last, Optional.empty())).isInstanceOf(FinalState.Lost.class);
    }

    @Test
    void invalidSpecsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> JobSpec.single("bad id", "/w", List.of("true"), Resources.serial(1)))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageStartingWith("runId");
        assertThatThrownBy(() -> JobSpec.single("r", "relative/dir", List.of("true"), Resources.serial(1)))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageStartingWith("runDirectory");
        assertThatThrownBy(() -> JobSpec.single("r", "/w/a\nb", List.of("true"), Resources.serial(1)))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> Resources.serial(60).withQueue("debug; rm"))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageStartingWith("queue");
        assertThatThrownBy(() -> Resources.serial(0)).isInstanceOf(InvalidJobSpecException.class)
                .hasMessageStartingWith("walltimeSeconds");
        assertThatThrownBy(() -> Resources.serial(60).withParallelism(4, 2, 1))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageStartingWith("mpiProcs");
        assertThatThrownBy(() -> JobSpec.single("r", "/w", List.of("true"), Resources.serial(1))
                .withEnvironment(Map.of("A-B", "x"))).isInstanceOf(InvalidJobSpecException.class)
                .hasMessageStartingWith("environment");
        assertThatThrownBy(() -> JobSpec.single("r", "/w", List.of("true"), Resources.serial(1))
                .withExtraDirectives(List.of("-x A\n#PJM -L node=9"))).isInstanceOf(InvalidJobSpecException.class);
        assertThatThrownBy(() -> JobSpec.single("r", "/w", List.of(), Resources.serial(1)))
                .isInstanceOf(InvalidJobSpecException.class).hasMessageContaining("neither");
    }

    @Test
    void walltimeFormats() {
        assertThat(Resources.serial(59).walltimeSlurm()).isEqualTo("00:00:59");
        assertThat(Resources.serial(86400).walltimeSlurm()).isEqualTo("1-00:00:00");
        assertThat(Resources.serial(3 * 86400 + 3661).walltimeHms()).isEqualTo("73:01:01");
    }
}
