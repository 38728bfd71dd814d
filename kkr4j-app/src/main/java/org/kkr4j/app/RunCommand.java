package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineException;
import org.kkr4j.engine.EngineSettings;
import org.kkr4j.engine.PreparedCard;
import org.kkr4j.engine.RunRequest;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.store.Code;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunState;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j run}: submit cards to a registered code. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run specx on input cards: each card becomes one recorded run (card, input files, log,",
            "potential and side files, parsed results, events). The potential file named in the card is staged",
            "from beside the card when it exists there, or from a previous run with --from. An identical earlier",
            "run (same binary, card and input files) answers at once from the store unless --no-cache.",
            "Exit code with --wait: 0 when every run ended as specx meant (converged, not converged, completed),",
            "5 otherwise."})
final class RunCommand implements Callable<Integer> {
    static final int RUN_FAILED = 5;

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "CARD", arity = "1..*", description = "input cards (what specx reads on stdin)")
    List<Path> cards;

    @Option(names = "--code", required = true, paramLabel = "NAME", description = "registered code (kkr4j code list)")
    String codeName;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "OMP_NUM_THREADS (default: 1)")
    int threads;

    @Option(names = "--wall-limit", paramLabel = "TIME", description = "stop the run after this long: 3600, 30m, 2h, 12:00:00")
    String wallLimit;

    @Option(names = "--cores", paramLabel = "N",
            description = "with --wait: core budget of this machine, a run with N threads takes N (default: all cores)")
    Integer cores;

    @Option(names = "--wait", description = "execute now in this process and print the results")
    boolean wait;

    @Option(names = "--queue-only", description = "only record the runs as queued; kkr4j engine executes them later")
    boolean queueOnly;

    @Option(names = "--no-cache", description = "run even if an identical run already finished")
    boolean noCache;

    @Option(names = "--no-check", description = "submit cards even when kkr4j's card checker finds errors")
    boolean noCheck;

    @Option(names = "--file", paramLabel = "STAGED=PATH",
            description = "stage PATH in the run directory as STAGED (repeatable), e.g. --file data/pot=old/pot")
    Map<String, Path> files = new LinkedHashMap<>();

    @Option(names = "--from", paramLabel = "RUN",
            description = "take the potential file(s) the card names from the outputs of this earlier run")
    String fromRun;

    @Option(names = "--label", paramLabel = "TEXT", description = "free text shown by ps and show")
    String label;

    @Option(names = "--json", description = "print the runs as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (wait && queueOnly) {
            throw new IllegalArgumentException("--wait and --queue-only exclude each other");
        }
        long wallLimitSeconds = wallLimit == null ? 0 : WallClock.seconds(wallLimit);
        try (Store store = storeOptions.open()) {
            EngineSettings settings = EngineSettings.defaults(storeOptions.home());
            Engine engine = new Engine(store, cores == null ? settings : settings.withCores(cores));
            Code code = store.code(codeName).orElseThrow(() -> new EngineException("no code named '" + codeName
                    + "' is registered in " + store.describe() + "; add one with: kkr4j code add " + codeName
                    + " --path /path/to/specx --version VERSION"));
            AkaiVersion version = AkaiVersion.parse(code.version());
            Long from = fromRun == null ? null : store.findRun(fromRun).map(Run::nodeId)
                    .orElseThrow(() -> new EngineException("no run '" + fromRun + "' in " + store.describe()));
            List<Long> ids = new ArrayList<>();
            for (Path cardPath : cards) {
                byte[] bytes = read(cardPath);
                PreparedCard card = PreparedCard.read(bytes, cardPath.toString(), version, !noCheck);
                List<RunSubmission.InputFile> inputs = new ArrayList<>();
                files.forEach((staged, path) -> inputs.add(engine.inputFromFile(staged, path)));
                for (String pot : card.potentialFiles()) {
                    if (files.containsKey(pot) || (from == null && startsFromScratch(card, pot))) {
                        continue;
                    }
                    if (from != null) {
                        inputs.add(engine.inputFromRun(from, pot));
                    } else {
                        Path beside = cardPath.toAbsolutePath().getParent().resolve(pot);
                        if (Files.isRegularFile(beside)) {
                            inputs.add(engine.inputFromFile(pot, beside));
                        }
                    }
                }
                RunRequest request = new RunRequest(codeName, bytes, cardPath.toString(), inputs, threads,
                        wallLimitSeconds, label, null, !noCache, !noCheck);
                Run run = engine.submit(request);
                ids.add(run.nodeId());
                if (!json) {
                    out.println(run.cachedFrom() != null
                            ? "run " + run.nodeId() + " (" + cardPath + "): answered from the store by run "
                            + run.cachedFrom() + ", no process started"
                            : "run " + run.nodeId() + " (" + cardPath + "): queued");
                }
            }
            if (!wait) {
                if (!queueOnly && ids.stream().anyMatch(id -> store.run(id).map(r -> r.state() != RunState.DONE).orElse(false))) {
                    err.println(BackgroundEngine.ensureRunning(storeOptions));
                }
                if (json) {
                    out.println(Json.write(ids.stream().map(id -> store.run(id).orElseThrow()).toList()));
                }
                return 0;
            }
            new RunExecution(engine, storeOptions.home(), err).complete(ids, "runs");
            List<Run> done = ids.stream().map(id -> store.run(id).orElseThrow()).toList();
            if (json) {
                out.println(Json.write(done));
            } else {
                out.println();
                RunTable.print(done, out);
            }
            return done.stream().allMatch(r -> r.outcome() != null && r.outcome().cacheable()) ? 0 : RUN_FAILED;
        }
    }

    /** Decks with {@code record init} build their potential from scratch: a file beside the card is not read. */
    private static boolean startsFromScratch(PreparedCard card, String potentialFile) {
        return card.card().decks().stream().filter(d -> d.potentialFile().equals(potentialFile))
                .allMatch(d -> d.record().equals("init"));
    }

    private static byte[] read(Path card) {
        try {
            return Files.readAllBytes(card);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card " + card + ": " + e.getMessage(), e);
        }
    }
}
