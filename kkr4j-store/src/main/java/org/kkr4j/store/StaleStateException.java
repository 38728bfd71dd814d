package org.kkr4j.store;

/** A state transition was asked from a state the run is no longer in (another writer got there first). */
public class StaleStateException extends StoreException {
    public StaleStateException(long runId, RunState expected, RunState actual) {
        super("run " + runId + " is " + actual + ", expected " + expected);
    }
}
