package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.engine.Classification;
import org.kkr4j.engine.OutcomeClassifier;
import org.kkr4j.engine.PreparedCard;
import org.kkr4j.engine.ResultExtractor;
import org.kkr4j.engine.Sha256;
import org.kkr4j.engine.Termination;
import org.kkr4j.engine.WorkDirectory;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.Code;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunCompletion;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kkr4j bench store}: recorded real runs fed through the store the way the engine records them,
 * without processes, to measure what the store costs per run.
 */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Record N replayed runs in a new store as the engine does (submit -> launching -> running",
            "-> done with log, potential, side file and parsed results) and print state transitions per second",
            "and database bytes per run beyond the compressed blobs, against the targets (>= 100 transitions/s,",
            "< 2048 bytes/run). The runs are the recorded real runs bundled with kkr4j, each with a card of its",
            "own; identical logs and potentials are stored once (the blob store deduplicates)."})
final class BenchStoreCommand implements Callable<Integer> {
    static final double TARGET_TRANSITIONS_PER_S = 100;
    static final double TARGET_METADATA_BYTES = 2048;

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100000", description = "runs to record (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--home", paramLabel = "DIR", description = "an empty directory for the store (default: a new temporary one)")
    Path home;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "measure PostgreSQL (an empty database) instead of the embedded SQLite store")
    String db;

    /** One recorded run, read and classified once. */
    private record Recorded(String cardText, byte[] log, Map<String, byte[]> outputs, Classification verdict,
                            RunResult result, int exit) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        Path dir = home != null ? home.toAbsolutePath() : Files.createTempDirectory("kkr4j-bench-store");
        List<Recorded> recorded = load(dir.resolve("recordings"));
        StoreLocation location = db == null ? StoreLocation.sqlite(dir) : new StoreLocation(dir, db, null,
                System.getenv("KKR4J_DB_PASSWORD"));
        try (Store store = Stores.open(location)) {
            byte[] exe = "kkr4j bench store: no executable runs".getBytes(StandardCharsets.UTF_8);
            Code code = store.addCode(new Code("bench-" + System.nanoTime(), "/bench/replay", "cpa2002v010",
                    Sha256.of(exe), Map.of(), Instant.now()));
            long metadataBefore = store.metadataBytes();
            long packsBefore = packBytes(dir);
            long start = System.nanoTime();
            try (ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "runs", runs)) {
                for (int i = 0; i < runs; i++) {
                    record(store, code, recorded.get(i % recorded.size()), i, dir);
                    progress.step();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long metadata = store.metadataBytes() - metadataBefore;
            long packs = packBytes(dir) - packsBefore;
            double tps = 4.0 * runs / seconds;
            double bytesPerRun = (double) metadata / runs;
            out.println(String.format(Locale.ROOT, "store: %s", store.describe()));
            out.println(String.format(Locale.ROOT, "%d runs recorded (%d distinct recorded runs cycled), 4 state"
                    + " transitions each, in %.1f s", runs, recorded.size(), seconds));
            out.println(String.format(Locale.ROOT, "runs/s:               %10.0f", runs / seconds));
            out.println(String.format(Locale.ROOT, "transitions/s:        %10.0f   target >= %.0f: ratio %.1f  %s", tps,
                    TARGET_TRANSITIONS_PER_S, tps / TARGET_TRANSITIONS_PER_S, tps >= TARGET_TRANSITIONS_PER_S
                            ? "met" : "NOT MET"));
            out.println(String.format(Locale.ROOT, "metadata bytes/run:   %10.0f   target < %.0f: ratio %.2f  %s",
                    bytesPerRun, TARGET_METADATA_BYTES, bytesPerRun / TARGET_METADATA_BYTES,
                    bytesPerRun < TARGET_METADATA_BYTES ? "met" : "NOT MET"));
            out.println(String.format(Locale.ROOT, "blob pack bytes/run:  %10.0f   (compressed; repeated logs and"
                    + " potentials stored once)", (double) packs / runs));
            return tps >= TARGET_TRANSITIONS_PER_S && bytesPerRun < TARGET_METADATA_BYTES ? 0 : 1;
        }
    }

    private static void record(Store store, Code code, Recorded r, int i, Path dir) throws IOException {
        // every campaign run has a card of its own; a comment line makes it so without changing the physics
        BlobRef card = store.blobs().put(("c kkr4j bench store run " + i + "\n" + r.cardText())
                .getBytes(StandardCharsets.ISO_8859_1));
        Run run = store.submit(new RunSubmission(code.name(), code.sha256(), card, List.of(),
                Sha256.of(card.sha256().getBytes(StandardCharsets.US_ASCII)), 1, 0, null, null));
        store.markLaunching(run.nodeId(), dir.resolve("work").resolve(run.uuid()).toString());
        store.markRunning(run.nodeId(), 100_000 + i, 0, "replayed");
        List<FileEntry> outputs = new ArrayList<>();
        outputs.add(new FileEntry(WorkDirectory.STDOUT, store.blobs().put(r.log())));
        for (var e : r.outputs().entrySet()) {
            outputs.add(new FileEntry(e.getKey(), store.blobs().put(e.getValue())));
        }
        store.complete(run.nodeId(), new RunCompletion(r.verdict().outcome(), r.exit(), outputs, r.result(),
                r.verdict().reason(), null));
    }

    private static List<Recorded> load(Path root) throws IOException {
        List<Recorded> all = new ArrayList<>();
        for (BundledRecordings.Recording rec : BundledRecordings.extract(root)) {
            // the first run of each recording (go): later ones need its potential staged, which is not measured here
            byte[] card = rec.card(0);
            String logName = rec.logs().get(0);
            byte[] log = Files.readAllBytes(rec.dir().resolve(logName));
            Classification verdict = OutcomeClassifier.classify(0, log, rec.name() + "/" + logName, Termination.NONE,
                    0);
            PreparedCard prepared = PreparedCard.read(card, rec.name(), AkaiVersion.CPA2002V010, false);
            Map<String, byte[]> outputs = new java.util.TreeMap<>();
            for (String f : rec.filesOut().get(0)) {
                outputs.put(f, Files.readAllBytes(rec.dir().resolve(f)));
            }
            all.add(new Recorded(prepared.text(), log, outputs, verdict,
                    ResultExtractor.extract(verdict.log(), prepared.lastDeck()), 0));
        }
        return all;
    }

    private static long packBytes(Path home) throws IOException {
        Path blobs = home.resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            return 0;
        }
        try (var files = Files.list(blobs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pack")).mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }
}
