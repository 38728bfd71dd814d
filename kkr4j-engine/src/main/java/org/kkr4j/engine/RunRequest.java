package org.kkr4j.engine;

import java.util.List;
import org.kkr4j.store.RunSubmission;

/**
 * What a user or a workflow asks the engine to run.
 *
 * @param codeName          registered code
 * @param card              exact card bytes
 * @param cardSource        where the card came from, for messages (file name)
 * @param inputs            files to stage (potential and side files), already in the blob store
 * @param threads           OMP_NUM_THREADS (≥ 1)
 * @param wallLimitSeconds  wall-clock limit, 0 for none
 * @param label             free text
 * @param workflowId        calling workflow node, or null
 * @param useCache          answer from an identical finished run when there is one
 * @param checkCard         refuse cards the checker finds errors in
 */
public record RunRequest(String codeName, byte[] card, String cardSource, List<RunSubmission.InputFile> inputs,
                         int threads, long wallLimitSeconds, String label, Long workflowId, boolean useCache,
                         boolean checkCard) {
    public RunRequest {
        inputs = List.copyOf(inputs);
        if (threads < 1) {
            throw new EngineException("threads must be at least 1, got " + threads);
        }
        if (wallLimitSeconds < 0) {
            throw new EngineException("the wall-clock limit must not be negative, got " + wallLimitSeconds);
        }
    }

    public static RunRequest of(String codeName, byte[] card, String cardSource, List<RunSubmission.InputFile> inputs) {
        return new RunRequest(codeName, card, cardSource, inputs, 1, 0, null, null, true, true);
    }

    public RunRequest withThreads(int n) {
        return new RunRequest(codeName, card, cardSource, inputs, n, wallLimitSeconds, label, workflowId, useCache,
                checkCard);
    }

    public RunRequest withWallLimit(long seconds) {
        return new RunRequest(codeName, card, cardSource, inputs, threads, seconds, label, workflowId, useCache,
                checkCard);
    }

    public RunRequest withCache(boolean on) {
        return new RunRequest(codeName, card, cardSource, inputs, threads, wallLimitSeconds, label, workflowId, on,
                checkCard);
    }

    public RunRequest withLabel(String text) {
        return new RunRequest(codeName, card, cardSource, inputs, threads, wallLimitSeconds, text, workflowId,
                useCache, checkCard);
    }

    public RunRequest withWorkflow(Long id) {
        return new RunRequest(codeName, card, cardSource, inputs, threads, wallLimitSeconds, label, id, useCache,
                checkCard);
    }

    public RunRequest withCheck(boolean on) {
        return new RunRequest(codeName, card, cardSource, inputs, threads, wallLimitSeconds, label, workflowId,
                useCache, on);
    }
}
