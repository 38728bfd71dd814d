package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kkr4j.engine.CodeRegistry;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineListener;
import org.kkr4j.engine.EngineLock;
import org.kkr4j.engine.EngineSettings;
import org.kkr4j.engine.RunRequest;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.replay.ReplayLauncher;
import org.kkr4j.store.Code;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main job of the README on a fresh machine: the whole chain card → run → parse → store → table on
 * recorded real AkaiKKR runs, served by the replay executable in place of specx (it says so), or on the
 * user's own specx with {@code --code}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a small set of AkaiKKR cards end to end: submit, execute, parse, store, show. Without",
            "--code the runs are REPLAYED from recordings of real specx runs bundled with kkr4j (cpa2002v010,",
            "equiatomic quaternary alloys, and a go run followed by a dos run); with --code EXE the same cards run",
            "on your specx. Then the first card is submitted again and answered from the store."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "project directory for the demo's store (default: a new temporary directory)")
    Path home;

    @Option(names = "--code", paramLabel = "EXE", description = "run the cards on this specx (cpa2002v010) instead of replaying")
    Path code;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "OMP_NUM_THREADS with --code")
    int threads;

    private Long workflowId;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = home != null ? home.toAbsolutePath() : Files.createTempDirectory("kkr4j-demo");
        Path recordings = dir.resolve("recordings");
        List<BundledRecordings.Recording> set = BundledRecordings.extract(recordings);
        try (Store store = Stores.open(StoreLocation.sqlite(dir))) {
            String codeName = register(store, dir, recordings, out);
            Engine engine = new Engine(store, EngineSettings.defaults(dir));
            // one workflow node calls every run, so the graph shows what belongs to this demo
            workflowId = store.createWorkflow("workflow.demo", "kkr4j demo", null).id();
            List<Long> ids = new ArrayList<>();
            try (ProgressBar progress = new ProgressBar(err, "demo runs", set.stream().mapToInt(r -> r.cards().size())
                    .sum())) {
                engine.addListener(new EngineListener() {
                    @Override
                    public void finished(Run run) {
                        progress.step();
                    }
                });
                try (EngineLock lock = EngineLock.tryAcquire(dir).orElseThrow(() -> new IllegalStateException(
                        "another engine is running for " + dir))) {
                    List<Long> first = new ArrayList<>();
                    for (BundledRecordings.Recording r : set) {
                        first.add(submit(engine, codeName, r, 0, List.of()));
                    }
                    engine.runUntilDone(first);
                    ids.addAll(first);
                    List<Long> second = new ArrayList<>();
                    for (int i = 0; i < set.size(); i++) {
                        BundledRecordings.Recording r = set.get(i);
                        for (int k = 1; k < r.cards().size(); k++) {
                            List<RunSubmission.InputFile> inputs = new ArrayList<>();
                            for (String pot : r.potentialFiles()) {
                                inputs.add(engine.inputFromRun(first.get(i), pot));
                            }
                            second.add(submit(engine, codeName, r, k, inputs));
                        }
                    }
                    engine.runUntilDone(second);
                    ids.addAll(second);
                }
            }
            List<Run> runs = ids.stream().map(id -> store.run(id).orElseThrow()).toList();
            out.println();
            RunTable.print(runs, out);
            Run again = engine.submit(RunRequest.of(codeName, set.get(0).card(0), set.get(0).name()
                    + "/" + set.get(0).cards().get(0), List.of()).withThreads(threads));
            out.println();
            out.println("submitted " + set.get(0).name() + "/" + set.get(0).cards().get(0) + " again: run "
                    + again.nodeId() + (again.cachedFrom() != null ? " answered from the store by run "
                    + again.cachedFrom() + ", no process started" : " queued (not a cache hit)"));
            out.println();
            out.println("E_total and E_F in Ry, M = total spin moment of the cell in muB; every number is read from"
                    + " the stored log.");
            out.println("Explore: kkr4j ps --home " + dir + "   |   kkr4j show --home " + dir + " " + ids.get(0)
                    + "   |   kkr4j log --home " + dir + " " + ids.get(0));
            boolean ok = runs.stream().allMatch(r -> r.outcome() != null && r.outcome().cacheable())
                    && again.cachedFrom() != null;
            return ok ? 0 : RunCommand.RUN_FAILED;
        }
    }

    private long submit(Engine engine, String codeName, BundledRecordings.Recording r, int k, List<RunSubmission.InputFile> inputs)
            throws IOException {
        return engine.submit(RunRequest.of(codeName, r.card(k), r.name() + "/" + r.cards().get(k), inputs)
                .withThreads(threads).withLabel(r.name()).withWorkflow(workflowId)).nodeId();
    }

    private String register(Store store, Path dir, Path recordings, PrintWriter out) throws IOException {
        Optional<Code> existing = store.code(code == null ? "replay" : "demo-specx");
        if (existing.isPresent()) {
            out.println("kkr4j demo: using code '" + existing.get().name() + "' (" + existing.get().path() + ") in "
                    + store.describe());
            return existing.get().name();
        }
        CodeRegistry registry = new CodeRegistry(store, Duration.ofSeconds(20));
        if (code != null) {
            registry.add("demo-specx", code, AkaiVersion.CPA2002V010, Map.of(), true);
            out.println("kkr4j demo: running the bundled cards on YOUR specx " + code.toAbsolutePath() + "; store: "
                    + store.describe());
            return "demo-specx";
        }
        Path launcher = ReplayLauncher.writeLauncher(dir.resolve("bin"), "replay",
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"), List.of(recordings));
        registry.add("replay", launcher, AkaiVersion.CPA2002V010, Map.of(), false);
        out.println("kkr4j demo: REPLAYING recorded real AkaiKKR runs (cpa2002v010, gfortran build, bundled with kkr4j):"
                + " no specx is started; the replay executable writes the recorded log and files for each card.");
        out.println("Each card goes through the whole chain: submit -> execute -> parse -> store (" + store.describe()
                + ").");
        return "replay";
    }

}
