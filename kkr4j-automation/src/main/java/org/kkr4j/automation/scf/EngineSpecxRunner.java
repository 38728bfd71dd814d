package org.kkr4j.automation.scf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.RunRequest;
import org.kkr4j.engine.WorkDirectory;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunSubmission;

/**
 * Runs the procedure's decks through the kkr4j engine: each deck is a stored run called by the procedure's
 * workflow node, its potential is staged from the run that wrote it, and the cache answers a deck that was
 * already run (an interrupted procedure restarted with the same settings replays its finished steps for free).
 */
public final class EngineSpecxRunner implements SpecxRunner {

    /** Waits until the given runs are DONE (in this process, or while another engine process works on them). */
    @FunctionalInterface
    public interface Completion {
        void awaitDone(List<Long> runIds);
    }

    private final Engine engine;
    private final String codeName;
    private final AkaiVersion version;
    private final int threads;
    private final Long workflowId;
    private final Completion completion;

    public EngineSpecxRunner(Engine engine, String codeName, AkaiVersion version, int threads, Long workflowId,
                             Completion completion) {
        this.engine = engine;
        this.codeName = codeName;
        this.version = version;
        this.threads = threads;
        this.workflowId = workflowId;
        this.completion = completion;
    }

    @Override
    public SpecxRun run(CardDeck deck, Optional<Long> potentialFromRun, String purpose) {
        return runAll(List.of(new Request(deck, potentialFromRun, purpose))).get(0);
    }

    /** Submits every deck first, so that the engine runs them side by side within its core budget. */
    @Override
    public List<SpecxRun> runAll(List<Request> requests) {
        List<Long> ids = new ArrayList<>();
        for (Request r : requests) {
            ids.add(submit(r));
        }
        completion.awaitDone(ids);
        return ids.stream().map(this::finished).toList();
    }

    private long submit(Request r) {
        byte[] card = CardWriter.write(CardFile.of(r.deck()), version).getBytes(StandardCharsets.ISO_8859_1);
        List<RunSubmission.InputFile> inputs = new ArrayList<>();
        r.potentialFromRun().ifPresent(id -> inputs.add(engine.inputFromRun(id, r.deck().potentialFile())));
        return engine.submit(RunRequest.of(codeName, card, "scf " + r.purpose(), inputs).withThreads(threads)
                .withLabel(r.purpose()).withWorkflow(workflowId)).nodeId();
    }

    private SpecxRun finished(long runId) {
        Run done = engine.store().run(runId).orElseThrow();
        Optional<byte[]> stdout = engine.readOutput(done.nodeId(), WorkDirectory.STDOUT);
        Optional<SpecxLog> log = Optional.empty();
        String detail = "";
        if (stdout.isPresent() && stdout.get().length > 0) {
            try {
                log = Optional.of(SpecxLogParser.parse(SourceText.of("run " + done.nodeId() + " stdout",
                        stdout.get())));
            } catch (KkrFormatException e) {
                detail = "log not readable: " + e.getMessage();
            }
        }
        if (!done.outcome().cacheable()) {
            String stderr = engine.readOutput(done.nodeId(), WorkDirectory.STDERR)
                    .map(b -> new String(b, StandardCharsets.ISO_8859_1).strip()).orElse("");
            String first = stderr.isEmpty() ? "" : stderr.lines().findFirst().orElse("");
            detail = (detail.isEmpty() ? "" : detail + "; ") + (done.exitCode() == null ? "no exit status"
                    : "exit status " + done.exitCode()) + (first.isEmpty() ? "" : ": " + first);
        }
        return new SpecxRun(done.nodeId(), done.outcome(), log, detail);
    }
}
