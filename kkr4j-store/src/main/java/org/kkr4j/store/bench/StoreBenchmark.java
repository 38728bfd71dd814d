package org.kkr4j.store.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.Code;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Node;
import org.kkr4j.store.Outcome;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunCompletion;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.RunSubmission;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;
import org.kkr4j.store.blob.PackBlobStore;
import org.kkr4j.store.blob.Sha256;

/**
 * Drives N runs through the life cycle the engine uses (submit → launching → running → complete with
 * outputs) and measures state transitions per second and metadata bytes per run. Each run has a card of
 * its own, every second run takes the previous run's potential as input (a link to that run's output
 * node), and completes with a log unique to the run plus three outputs drawn from a small pool of
 * distinct contents (so the blob store deduplicates them, as it does for real potentials and side files).
 */
public final class StoreBenchmark {

    /** Four transitions per run: QUEUED (submit), LAUNCHING, RUNNING, DONE. */
    public static final int TRANSITIONS_PER_RUN = 4;
    private static final int POOL = 8;

    private StoreBenchmark() {
    }

    /**
     * @param store                  the store measured
     * @param runs                   runs driven through the life cycle
     * @param transitions            state transitions done ({@value #TRANSITIONS_PER_RUN} per run)
     * @param seconds                wall-clock time of the whole loop, blob writes included
     * @param transitionsPerSecond   transitions / seconds
     * @param metadataBytesPerRun    growth of {@link Store#metadataBytes()} over the loop / runs
     * @param packBytesPerRun        growth of the blob packs / runs (compressed, deduplicated blobs)
     */
    public record Result(String store, int runs, long transitions, double seconds, double transitionsPerSecond,
                         double metadataBytesPerRun, double packBytesPerRun) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d runs, %d transitions in %.1f s = %.0f transitions/s; "
                            + "metadata %.0f bytes/run; blob packs %.0f bytes/run",
                    store, runs, transitions, seconds, transitionsPerSecond, metadataBytesPerRun, packBytesPerRun);
        }
    }

    public static Result run(Store store, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("need at least one run, got " + runs);
        }
        try {
            return measure(store, runs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result measure(Store store, int runs) throws IOException {
        Random random = new Random(42);
        String codeName = "bench";
        byte[] executable = "benchmark executable".getBytes(StandardCharsets.UTF_8);
        String codeSha = Sha256.of(executable);
        if (store.code(codeName).isEmpty()) {
            store.addCode(new Code(codeName, "/opt/akaikkr/bench", "cpa2002v010", codeSha, Map.of(), Instant.now()));
        }
        List<byte[]> potentials = pool(random, "potential", 4096);
        List<byte[]> errs = pool(random, "stderr", 600);
        List<byte[]> infos = pool(random, "side file", 2048);

        long metadataBefore = store.metadataBytes();
        long packsBefore = packBytes(store);
        long start = System.nanoTime();
        Node previousOutput = null;
        BlobRef previousPot = null;
        for (int i = 0; i < runs; i++) {
            BlobRef card = store.blobs().put(card(i).getBytes(StandardCharsets.UTF_8));
            List<RunSubmission.InputFile> inputs = new ArrayList<>();
            if (i % 2 == 1 && previousOutput != null) {
                inputs.add(new RunSubmission.InputFile("data/pot", previousPot, previousOutput.id()));
            }
            String cacheKey = Sha256.of((codeSha + card.sha256() + inputs).getBytes(StandardCharsets.UTF_8));
            Run run = store.submit(new RunSubmission(codeName, codeSha, card, inputs, cacheKey, 1, 3600,
                    "bench " + i, null));
            store.markLaunching(run.nodeId(), "/home/kkr4j/project/work/" + run.uuid());
            store.markRunning(run.nodeId(), 10_000 + i, 1_000_000L + i, null);

            byte[] pot = potentials.get(random.nextInt(POOL));
            List<FileEntry> outputs = List.of(
                    new FileEntry("stdout.log", store.blobs().put(log(i, random))),
                    new FileEntry("stderr.log", store.blobs().put(errs.get(random.nextInt(POOL)))),
                    new FileEntry("data/pot", store.blobs().put(pot)),
                    new FileEntry("data/pot.info", store.blobs().put(infos.get(random.nextInt(POOL)))));
            RunResult result = new RunResult("Fe" + (i % 50) + "Co" + (50 - i % 50), "bcc", "go", 1.2, true,
                    20 + i % 30, -2540.123456 - i * 1e-6, 0.6789, 2.21, 5.27, null, null, null);
            store.complete(run.nodeId(), new RunCompletion(Outcome.CONVERGED, 0, outputs, result, "converged", null));
            previousOutput = store.outputNode(run.nodeId()).orElseThrow();
            previousPot = outputs.get(2).blob();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long metadataAfter = store.metadataBytes();
        long packsAfter = packBytes(store);
        long transitions = (long) runs * TRANSITIONS_PER_RUN;
        return new Result(store.describe(), runs, transitions, seconds, transitions / seconds,
                (metadataAfter - metadataBefore) / (double) runs, (packsAfter - packsBefore) / (double) runs);
    }

    private static long packBytes(Store store) {
        return store.blobs() instanceof PackBlobStore packs ? packs.packBytes() : 0;
    }

    private static List<byte[]> pool(Random random, String what, int bytes) {
        List<byte[]> pool = new ArrayList<>();
        for (int k = 0; k < POOL; k++) {
            StringBuilder text = new StringBuilder(what).append(' ').append(k).append('\n');
            while (text.length() < bytes) {
                text.append(String.format(Locale.ROOT, "%4d %14.8E %14.8E %14.8E%n", text.length() % 997,
                        random.nextGaussian(), random.nextDouble() * 100, -random.nextDouble()));
            }
            pool.add(text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return pool;
    }

    private static String card(int i) {
        return String.format(Locale.ROOT, """
                c------------------------------------------------------------
                    go    data/pot
                c------------------------------------------------------------
                c   brvtyp     a        c/a   b/a   alpha   beta   gamma
                    bcc      %.4f    ,     ,      ,      ,       ,      ,
                c------------------------------------------------------------
                c   edelt    ewidth    reltyp   sdftyp   magtyp   record
                    0.001    1.2       nrl      mjw      mag      2nd
                c------------------------------------------------------------
                c   outtyp    bzqlty   maxitr   pmix
                    update    4        200      0.023
                c------------------------------------------------------------
                c    ntyp
                     1
                c------------------------------------------------------------
                c   type    ncmp    rmt    field   mxl  anclr   conc
                    Fe_%d   1       1      0.0     2     26     100
                c------------------------------------------------------------
                c   natm
                     1
                c------------------------------------------------------------
                c   atmicx                  atmtyp
                    0      0      0          Fe_%d
                c------------------------------------------------------------
                """, 5.2 + i * 1e-5, i, i);
    }

    private static byte[] log(int i, Random random) {
        StringBuilder text = new StringBuilder("run ").append(i).append(' ').append(UUID.randomUUID()).append('\n');
        for (int itr = 1; itr <= 25; itr++) {
            text.append(String.format(Locale.ROOT, "itr=%3d  neu=%11.7f  moment=%8.5f  te=%18.9f  err=%8.3f%n", itr,
                    8.0 + random.nextGaussian() * 1e-4, 2.2 + random.nextGaussian() * 1e-3,
                    -2540.1 + random.nextGaussian() * 1e-5, -1.0 - itr * 0.2));
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code StoreBenchmark HOME [RUNS] [JDBC_URL]}: SQLite in HOME, or PostgreSQL at the URL with blobs in HOME. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: StoreBenchmark HOME [RUNS] [JDBC_URL]");
            System.exit(2);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        StoreLocation location = new StoreLocation(Path.of(args[0]), args.length > 2 ? args[2] : null, null, null);
        try (Store store = Stores.open(location)) {
            System.out.println(run(store, runs));
        }
    }
}
