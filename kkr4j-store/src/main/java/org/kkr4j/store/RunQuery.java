package org.kkr4j.store;

import java.util.Set;

/**
 * A filter for listing runs. Null or empty fields do not filter.
 *
 * @param states       states to include
 * @param codeName     only runs of this code
 * @param limit        at most this many; 0 for no limit
 * @param oldestFirst  submission order (the engine's queue); otherwise newest first (listings)
 */
public record RunQuery(Set<RunState> states, String codeName, int limit, boolean oldestFirst) {
    public RunQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    public static RunQuery all() {
        return new RunQuery(Set.of(), null, 0, false);
    }

    public static RunQuery newest(int limit) {
        return new RunQuery(Set.of(), null, limit, false);
    }

    /** The next runs to launch, in submission order. */
    public static RunQuery queue(int limit) {
        return new RunQuery(Set.of(RunState.QUEUED), null, limit, true);
    }

    /** Runs with a live or possibly live process. */
    public static RunQuery active() {
        return new RunQuery(Set.of(RunState.LAUNCHING, RunState.RUNNING), null, 0, true);
    }
}
