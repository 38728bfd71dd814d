package org.kkr4j.store;

import java.util.Set;
import java.util.stream.Collectors;

/** A state transition was asked from a state the run is no longer in (another writer got there first). */
public class StaleStateException extends StoreException {
    public StaleStateException(long runId, RunState expected, RunState actual) {
        super("run " + runId + " is " + actual + ", expected " + expected);
    }

    public StaleStateException(long runId, Set<RunState> expected, RunState actual, String action) {
        super("cannot " + action + " run " + runId + ": it is " + actual + ", expected "
                + expected.stream().sorted().map(Enum::name).collect(Collectors.joining(" or ")));
    }
}
