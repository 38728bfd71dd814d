package org.kkr4j.store;

import java.util.List;

/**
 * What the engine collected when a run ended. Written in one transaction together with the DONE
 * transition: the outputs, the typed results and the event, or nothing.
 *
 * @param outcome      classification
 * @param exitCode     exit status, null when unknown (process vanished)
 * @param outputs      files the run produced or changed (log, stderr, potential, side files), already in the blob store
 * @param result       typed result columns
 * @param reason       one sentence for the event log
 * @param detailJson   machine-readable detail, or null
 */
public record RunCompletion(Outcome outcome, Integer exitCode, List<FileEntry> outputs, RunResult result, String reason,
                            String detailJson) {
    public RunCompletion {
        outputs = List.copyOf(outputs);
    }
}
