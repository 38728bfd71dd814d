package org.kkr4j.remote.transport;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Remembers the last connection attempt and the failures since the last success; not thread-safe (callers lock). */
final class ConnectionGate {
    private final ReconnectPolicy policy;
    private final LongSupplier nanoClock;
    private long lastAttemptNanos;
    private boolean attempted;
    private int consecutiveFailures;

    ConnectionGate(ReconnectPolicy policy, LongSupplier nanoClock) {
        this.policy = policy;
        this.nanoClock = nanoClock;
    }

    /** How long until an attempt is allowed; zero if it is allowed now. */
    Duration waitBeforeNextAttempt() {
        if (!attempted) {
            return Duration.ZERO;
        }
        long elapsed = nanoClock.getAsLong() - lastAttemptNanos;
        long wait = policy.delayAfter(consecutiveFailures).toNanos() - elapsed;
        return wait > 0 ? Duration.ofNanos(wait) : Duration.ZERO;
    }

    void attempting() {
        attempted = true;
        lastAttemptNanos = nanoClock.getAsLong();
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    void failed() {
        consecutiveFailures++;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }
}
