package org.kkr4j.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kkr4j.store.blob.Sha256;

/** Small builders for store tests. */
final class Fixtures {
    static final String CODE = "cpa";
    static final String CODE_SHA = Sha256.of("an executable".getBytes(StandardCharsets.UTF_8));

    private Fixtures() {
    }

    static Code registerCode(Store store) {
        return store.addCode(new Code(CODE, "/opt/akaikkr/bin/run", "cpa2002v010", CODE_SHA, Map.of("fmg", "/opt/akaikkr/bin/f"),
                Instant.now()));
    }

    static BlobRef put(Store store, String text) {
        try {
            return store.blobs().put(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String key(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    static RunSubmission submission(Store store, String card, List<RunSubmission.InputFile> inputs, Long workflow) {
        return new RunSubmission(CODE, CODE_SHA, put(store, card), inputs, key(card), 2, 600, "test " + card, workflow);
    }

    static RunSubmission submission(Store store, String card) {
        return submission(store, card, List.of(), null);
    }

    static RunResult result(double energy) {
        return new RunResult("Fe", "bcc", "go", 1.2, true, 17, energy, 0.65, 2.2, 5.27, null, null, "{\"Fe\":2.2}");
    }

    /** Submits a run and drives it to DONE/CONVERGED with a log and a potential. */
    static Run finishedRun(Store store, String card) {
        Run run = store.submit(submission(store, card));
        return finish(store, run, card);
    }

    static Run finish(Store store, Run run, String tag) {
        store.markLaunching(run.nodeId(), "/work/" + run.uuid());
        store.markRunning(run.nodeId(), 4242, 99, "started");
        List<FileEntry> outputs = List.of(new FileEntry("stdout.log", put(store, "log of " + tag)),
                new FileEntry("data/pot", put(store, "potential of " + tag)));
        return store.complete(run.nodeId(), new RunCompletion(Outcome.CONVERGED, 0, outputs, result(-2540.5), "converged", null));
    }
}
