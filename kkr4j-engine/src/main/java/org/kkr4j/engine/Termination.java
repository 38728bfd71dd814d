package org.kkr4j.engine;

/** Why the engine stopped a process itself, if it did. Persisted as a marker file in the work directory. */
public enum Termination {
    NONE, CANCELLED, TIMED_OUT
}
