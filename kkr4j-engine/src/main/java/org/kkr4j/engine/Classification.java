package org.kkr4j.engine;

import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.store.Outcome;

/**
 * The engine's verdict on a finished process.
 *
 * @param outcome  the class
 * @param reason   one sentence for the event log and {@code kkr4j show}
 * @param log      the parsed log, or null when there was none or it could not be read
 */
public record Classification(Outcome outcome, String reason, SpecxLog log) {
}
