package org.kkr4j.remote.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        assertThat(policy.delayAfter(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void gateAllowsTheFirstAttemptAtOnceThenSpacesAttempts() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ConnectionGate gate = new ConnectionGate(policy, now::get);
        assertThat(gate.waitBeforeNextAttempt()).isZero();
        gate.attempting();
        gate.succeeded();
        // The session dies 3 s later: reconnecting waits out the 10 s cooldown.
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(gate.waitBeforeNextAttempt()).isEqualTo(Duration.ofSeconds(7));
        now.addAndGet(Duration.ofSeconds(7).toNanos());
        gate.attempting();
        gate.failed();
        assertThat(gate.waitBeforeNextAttempt()).isEqualTo(Duration.ofSeconds(30));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        gate.attempting();
        gate.failed();
        assertThat(gate.waitBeforeNextAttempt()).isEqualTo(Duration.ofSeconds(60));
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        gate.attempting();
        gate.succeeded();
        assertThat(gate.consecutiveFailures()).isZero();
        assertThat(gate.waitBeforeNextAttempt()).isEqualTo(Duration.ofSeconds(10));
    }
}
