package org.kkr4j.remote.transport;

import java.time.Duration;

/**
 * How often a transport may try to (re)connect, so that a flapping network or a wrong key never turns into
 * a stream of logins that gets the user banned from a login node.
 *
 * @param cooldown       least time between two connection attempts, even after a success
 * @param initialBackoff wait after the first failed attempt; doubles with each further failure
 * @param maxBackoff     the doubling stops here
 */
public record ReconnectPolicy(Duration cooldown, Duration initialBackoff, Duration maxBackoff) {
    public ReconnectPolicy {
        if (cooldown.isNegative() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("reconnect policy needs 0 <= cooldown, 0 <= initialBackoff <= maxBackoff: "
                    + cooldown + ", " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** 10 s between connections, backing off 30 s, 60 s, ... up to 15 min after failures. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /** The least time between the last attempt and the next one, after {@code consecutiveFailures} failures. */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return cooldown;
        }
        Duration delay = initialBackoff;
        for (int i = 1; i < consecutiveFailures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        delay = delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
        return delay.compareTo(cooldown) < 0 ? cooldown : delay;
    }
}
