package org.kkr4j.automation.scf;

/**
 * Whether the first go is a short probe (judged, then continued from its potential) or a full run.
 * A probe costs an extra specx invocation but moves away from a bad ewidth after tens of iterations instead
 * of hundreds; it pays when the first guess is uncertain.
 */
public enum ProbePolicy {
    ALWAYS,
    NEVER,
    /** Probe only when a core or semicore level of the elements present lies near the guessed contour bottom. */
    AUTO
}
