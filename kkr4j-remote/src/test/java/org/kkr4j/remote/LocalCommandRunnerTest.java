package org.kkr4j.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalCommandRunnerTest {
    final LocalCommandRunner runner = new LocalCommandRunner();

    @Test
    void collectsExitCodeStdoutAndStderr() throws Exception {
        CommandResult r = runner.run(List.of("bash", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(10));
        assertThat(r).isEqualTo(new CommandResult(3, "out\n", "err\n"));
        assertThat(r.summary()).isEqualTo("exit 3: err");
    }

    @Test
    void argumentsAreNotInterpretedByAShell() throws Exception {
        CommandResult r = runner.run(List.of("printf", "%s|", "$HOME", "a b", ";ls"), Duration.ofSeconds(10));
        assertThat(r.stdout()).isEqualTo("$HOME|a b|;ls|");
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() throws Exception {
        CommandResult r = runner.run(List.of("bash", "-c",
                "for i in $(seq 1 20000); do echo line$i; echo err$i >&2; done"), Duration.ofSeconds(30));
        assertThat(r.stdout().lines().count()).isEqualTo(20000);
        assertThat(r.stderr().lines().count()).isEqualTo(20000);
    }

    @Test
    void timeoutKillsTheCommand() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> runner.run(List.of("sleep", "30"), Duration.ofMillis(300)))
                .isInstanceOf(CommandTimeoutException.class).hasMessageContaining("300 ms");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }
}
