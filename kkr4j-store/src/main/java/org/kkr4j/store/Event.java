package org.kkr4j.store;

import java.time.Instant;

/**
 * One append-only event: a state change of a node, with the reason. The sequence number is global and
 * strictly increasing, so it gives the order of calculations.
 *
 * @param seq        global order
 * @param nodeId     node the event is about
 * @param time       when it was recorded
 * @param fromState  previous state name, null for the first event
 * @param toState    new state name (a {@link RunState} name for runs, free text for other nodes)
 * @param reason     one sentence for humans
 * @param detailJson machine-readable detail (JSON object), or null
 */
public record Event(long seq, long nodeId, Instant time, String fromState, String toState, String reason,
                    String detailJson) {
}
