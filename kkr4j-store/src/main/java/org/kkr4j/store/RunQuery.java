package org.kkr4j.store;

import java.util.Set;

/**
 * A filter for listing runs. Null or empty fields do not filter.
 *
 * @param states    states to include
 * @param codeName  only runs of this code
 * @param limit     at most this many, newest first; 0 for no limit
 */
public record RunQuery(Set<RunState> states, String codeName, int limit) {
    public static RunQuery all() {
        return new RunQuery(Set.of(), null, 0);
    }
}
