package org.kkr4j.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kkr4j.remote.ComputerSpec;
import org.kkr4j.remote.transport.HostKeyPolicy;
import org.kkr4j.remote.transport.ReconnectPolicy;
import org.kkr4j.remote.transport.SshSettings;
import org.kkr4j.remote.transport.SshTransport;

/**
 * The test HPC computer of {@code .ci/hpc-start} (OpenSSH + one-node Slurm on 127.0.0.1, the remote user's files
 * only in the servers' private mount namespace), as the engine tests see it. Gated exactly like the
 * kkr4j-remote integration tests: they run when {@code KKR4J_TEST_HPC=1} and are skipped otherwise; with
 * {@code KKR4J_TEST_REQUIRE_HPC=1} a computer that is not described by the environment is a failure.
 */
final class HpcSshSlurm {
    static final String ENABLE_VARIABLE = "KKR4J_TEST_HPC";
    static final String REQUIRE_VARIABLE = "KKR4J_TEST_REQUIRE_HPC";
    private static final List<String> VARIABLES = List.of("KKR4J_TEST_SSH_HOST", "KKR4J_TEST_SSH_PORT",
            "KKR4J_TEST_SSH_USER", "KKR4J_TEST_SSH_KEY", "KKR4J_TEST_SSH_KNOWN_HOSTS", "KKR4J_TEST_REMOTE_HOME",
            "KKR4J_TEST_HPC_CTL");

    /** Tags a test class {@code hpc} and skips it (with the reason) unless the test computer is enabled. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("hpc")
    @ExtendWith(Condition.class)
    @interface Test {
    }

    static final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return enabled() ? ConditionEvaluationResult.enabled("test HPC computer enabled")
                    : ConditionEvaluationResult.disabled(ENABLE_VARIABLE + " is not 1: no test HPC computer (start"
                            + " one with: eval \"$(.ci/hpc-start)\"; export " + ENABLE_VARIABLE + "=1)");
        }
    }

    private final Map<String, String> env;

    private HpcSshSlurm(Map<String, String> env) {
        this.env = env;
    }

    static boolean enabled() {
        return "1".equals(System.getenv(ENABLE_VARIABLE)) || "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    static HpcSshSlurm require() {
        if (!enabled()) {
            Assumptions.abort(ENABLE_VARIABLE + " is not 1: no test HPC computer");
        }
        List<String> missing = new ArrayList<>();
        for (String v : VARIABLES) {
            if (System.getenv(v) == null || System.getenv(v).isBlank()) {
                missing.add(v);
            }
        }
        if (!missing.isEmpty()) {
            fail("the HPC integration tests are enabled but " + missing + " are not set (eval \"$(.ci/hpc-start)\")");
        }
        return new HpcSshSlurm(System.getenv());
    }

    String remoteHome() {
        return env.get("KKR4J_TEST_REMOTE_HOME");
    }

    /** The computer as a user registers it (kkr4j computer add ... --transport ssh --scheduler slurm). */
    ComputerSpec computer(String name, String workRoot, int maxQueued, int pollSeconds, String prepend) {
        return computer(name, workRoot, maxQueued, pollSeconds, prepend, 600);
    }

    /** As {@link #computer(String, String, int, int, String)} with the jobs' walltime. */
    ComputerSpec computer(String name, String workRoot, int maxQueued, int pollSeconds, String prepend,
                          long walltimeSeconds) {
        return computer(name, "slurm", workRoot, maxQueued, pollSeconds, prepend, walltimeSeconds);
    }

    /**
     * As {@link #computer(String, String, int, int, String, long)} with another scheduler: {@code pbs} and
     * {@code pjm} reach the test Slurm through the shims of {@code .ci/hpc-shims} on the remote PATH.
     */
    ComputerSpec computer(String name, String scheduler, String workRoot, int maxQueued, int pollSeconds,
                          String prepend, long walltimeSeconds) {
        return new ComputerSpec(name, "ssh", env.get("KKR4J_TEST_SSH_HOST"),
                Integer.parseInt(env.get("KKR4J_TEST_SSH_PORT")), env.get("KKR4J_TEST_SSH_USER"),
                env.get("KKR4J_TEST_SSH_KEY"), null, scheduler, workRoot, maxQueued, pollSeconds, prepend,
                ComputerSpec.JobDefaults.serial(walltimeSeconds));
    }

    /**
     * Runs {@code .ci/hpc-ctl} (sshd-kill, sshd-start, slurmctld-stop, slurmctld-start, remote-bytes PATH) and
     * returns what it printed.
     */
    String ctl(String... args) throws java.io.IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(env.get("KKR4J_TEST_HPC_CTL")));
        argv.addAll(List.of(args));
        org.kkr4j.remote.CommandResult r = new org.kkr4j.remote.LocalCommandRunner().run(argv, Duration.ofSeconds(120));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("hpc-ctl " + String.join(" ", args) + " failed (exit " + r.exitCode()
                    + "): " + r.stderr());
        }
        return r.stdout().strip();
    }

    /**
     * The SSH transport of a computer: its settings plus this computer's known_hosts (strict), and neither the
     * agent nor ~/.ssh/config of whoever runs the tests.
     */
    SshTransport open(ComputerSpec spec) {
        SshSettings s = SshSettings.forHost(spec.name(), spec.host()).withPort(spec.port()).withUser(spec.user())
                .withIdentityFiles(List.of(Path.of(spec.keyFile())))
                .withKnownHosts(Path.of(env.get("KKR4J_TEST_SSH_KNOWN_HOSTS")), HostKeyPolicy.STRICT)
                .withSshConfig(null).withAgentSocket(null)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .withReconnect(new ReconnectPolicy(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2)));
        return new SshTransport(s);
    }
}
