package org.kkr4j.store;

/**
 * Life cycle of one specx run. Every change is an event row; {@link #DONE} is terminal and its
 * {@link Outcome} says how the run ended.
 */
public enum RunState {
    /** Submitted, waiting for a free slot. */
    QUEUED,
    /** The work directory is staged and the process is being started; the engine may die in between. */
    LAUNCHING,
    /** The process was seen running (pid recorded). */
    RUNNING,
    /** Terminal. */
    DONE;

    public boolean terminal() {
        return this == DONE;
    }
}
