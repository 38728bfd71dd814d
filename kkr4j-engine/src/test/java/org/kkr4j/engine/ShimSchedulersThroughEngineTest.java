package org.kkr4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.store.Code;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;

/**
 * The engine on PBS Pro and Fujitsu PJM computers: the test HPC computer's shims ({@code .ci/hpc-shims}:
 * {@code qsub}/{@code qstat}/{@code qselect}/{@code qdel} and {@code pjsub}/{@code pjstat}/{@code pjdel} on the
 * remote PATH) run the jobs on the test Slurm and answer in the PBS and PJM text formats. Four recorded cards per
 * computer, as single jobs and as one packed job: every run ends as recorded, the submissions are counted, one
 * status command per poll, the remote directories are removed.
 */
@HpcSshSlurm.Test
class ShimSchedulersThroughEngineTest {
    private static final List<String> SYSTEMS = List.of("CrMnFeCo_bcc", "VCoNiCu_bcc", "MnFeCoCu_bcc",
            "TiCrFeCo_bcc");
    private static final Path HEA = HpcReplayInstall.HEA;
    private static final Duration T = Duration.ofMinutes(2);
    private static final int POLL_SECONDS = 2;

    @TempDir
    static Path local;
    private static HpcReplayInstall replay;

    @BeforeAll
    static void install() throws Exception {
        replay = HpcReplayInstall.install(local, "engine-shims", SYSTEMS);
    }

    @AfterAll
    static void remove() throws Exception {
        if (replay != null) {
            replay.close();
        }
    }

    @ParameterizedTest(name = "{0}, pack size {1}")
    @CsvSource({"pbs, 0, qsub, qstat", "pbs, 4, qsub, qstat", "pjm, 0, pjsub, pjstat", "pjm, 4, pjsub, pjstat"})
    void recordedRunsEndAsRecorded(String scheduler, int packSize, String submit, String status) throws Exception {
        String name = scheduler + "-pack" + packSize;
        try (ReplayHarness h = new ReplayHarness(local.resolve("home-" + name))) {
            Code code = replay.register(h, name, scheduler, "", POLL_SECONDS, 600, packSize, 2);
            try (Engine engine = h.engine(1)) {
                List<CountingTransport> opened = new CopyOnWriteArrayList<>();
                CountingTransport.installOn(engine, spec -> replay.hpc.open(spec), opened);
                List<Run> runs = new ArrayList<>();
                for (String system : SYSTEMS) {
                    runs.add(engine.submit(RunRequest.of(code.name(), Files.readAllBytes(HEA.resolve(system)
                            .resolve("inputcard_go")), system, List.of()).withCache(false)));
                }
                engine.runUntilDone(runs.stream().map(Run::nodeId).toList());
                for (int i = 0; i < runs.size(); i++) {
                    Run done = h.store.run(runs.get(i).nodeId()).orElseThrow();
                    assertThat(done.outcome()).as("%s\nevents: %s", done, h.store.events(done.nodeId()))
                            .isEqualTo(Outcome.CONVERGED);
                    assertThat(engine.readOutput(done.nodeId(), WorkDirectory.STDOUT).orElseThrow())
                            .isEqualTo(Files.readAllBytes(HEA.resolve(SYSTEMS.get(i)).resolve("out_go.log")));
                    assertThat(engine.readOutput(done.nodeId(), "data/pot").orElseThrow())
                            .isEqualTo(Files.readAllBytes(HEA.resolve(SYSTEMS.get(i)).resolve("data/pot")));
                }
                CountingTransport t = opened.get(0);
                // pjsub is started in the run directory through bash, so the program is found anywhere in argv
                assertThat(t.commands.stream().filter(c -> c.argv().contains(submit)))
                        .hasSize(packSize > 1 ? 1 : SYSTEMS.size());
                assertThat(runs.stream().map(r -> h.store.remoteJob(r.nodeId()).orElseThrow().jobId()).distinct())
                        .hasSize(packSize > 1 ? 1 : SYSTEMS.size());
                // the status queries (not the look-ups before submitting, not the history of ended jobs)
                List<CountingTransport.Command> polls = t.of(status).stream()
                        .filter(c -> !c.argv().contains("-H") && !c.argv().equals(List.of("pjstat"))).toList();
                assertThat(polls).isNotEmpty();
                for (int i = 1; i < polls.size(); i++) {
                    assertThat(Duration.between(polls.get(i - 1).at(), polls.get(i).at()))
                            .as("status query %d came within the poll interval of the one before", i)
                            .isGreaterThanOrEqualTo(Duration.ofSeconds(POLL_SECONDS).minusMillis(50));
                }
                assertThat(engine.transportStats(name).connectionsOpened()).isEqualTo(1);
                CommandResult left = replay.setup.run(List.of("find", replay.workRoot(name), "-mindepth", "1"), T);
                assertThat(left.stdout()).as("run and pack directories removed").isEmpty();
            }
        }
    }
}
