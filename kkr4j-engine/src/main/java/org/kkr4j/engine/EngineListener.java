package org.kkr4j.engine;

import org.kkr4j.store.Run;

/** Notified by the engine thread as runs start and end (progress bars, logs). */
public interface EngineListener {
    default void launched(Run run) {
    }

    default void finished(Run run) {
    }

    /** Something went wrong that the engine will retry (e.g. storing outputs on a full disk). */
    default void problem(long runId, String message) {
    }
}
