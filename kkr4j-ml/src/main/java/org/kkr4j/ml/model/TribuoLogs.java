package org.kkr4j.ml.model;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo's bagging trainer logs one INFO line per trained ensemble, hundreds per cross-validation. Its logger is
 * held here so that it (and the level set on it) is not garbage-collected.
 */
final class TribuoLogs {
    private static final Logger BAGGING = Logger.getLogger("org.tribuo.ensemble.BaggingTrainer");

    static {
        BAGGING.setLevel(Level.WARNING);
    }

    private TribuoLogs() {
    }

    static void quiet() {
        // loading the class did the work
    }
}
