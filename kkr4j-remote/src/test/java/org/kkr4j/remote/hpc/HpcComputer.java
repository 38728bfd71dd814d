package org.kkr4j.remote.hpc;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.LocalCommandRunner;
import org.kkr4j.remote.transport.HostKeyPolicy;
import org.kkr4j.remote.transport.ReconnectPolicy;
import org.kkr4j.remote.transport.SshSettings;

/**
 * The test HPC computer of {@code .ci/hpc-start}: a real OpenSSH server and a one-node Slurm on 127.0.0.1,
 * reached as the user whose work root exists only in the servers' private mount namespace.
 *
 * <p>The integration tests run when {@code KKR4J_TEST_HPC=1}; otherwise they are skipped, unless
 * {@code KKR4J_TEST_REQUIRE_HPC=1}, which turns a missing computer into a failure (as in {@code .ci/run}).
 */
public final class HpcComputer {
    public static final String ENABLE_VARIABLE = "KKR4J_TEST_HPC";
    public static final String REQUIRE_VARIABLE = "KKR4J_TEST_REQUIRE_HPC";
    private static final List<String> VARIABLES = List.of("KKR4J_TEST_SSH_HOST", "KKR4J_TEST_SSH_PORT",
            "KKR4J_TEST_SSH_USER", "KKR4J_TEST_SSH_KEY", "KKR4J_TEST_SSH_KNOWN_HOSTS", "KKR4J_TEST_REMOTE_HOME",
            "KKR4J_TEST_SLURM_CONF", "KKR4J_TEST_HPC_CTL");

    private final Map<String, String> env;

    private HpcComputer(Map<String, String> env) {
        this.env = env;
    }

    /** The tests run when {@code KKR4J_TEST_HPC=1}, or must run when {@code KKR4J_TEST_REQUIRE_HPC=1}. */
    static boolean enabled() {
        return "1".equals(System.getenv(ENABLE_VARIABLE)) || "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    /** The computer described by the environment; fails when the tests are enabled but it is not described. */
    public static HpcComputer require() {
        Map<String, String> env = System.getenv();
        if (!enabled()) {
            Assumptions.abort(ENABLE_VARIABLE + " is not 1: no test HPC computer");
        }
        List<String> missing = new ArrayList<>();
        for (String v : VARIABLES) {
            if (env.get(v) == null || env.get(v).isBlank()) {
                missing.add(v);
            }
        }
        if (!missing.isEmpty()) {
            fail("the HPC integration tests are enabled but " + missing + " are not set (eval \"$(.ci/hpc-start)\")");
        }
        return new HpcComputer(env);
    }

    /** SSH settings for this computer: its key, its known_hosts (strict), no agent, no ssh config, quick retries. */
    public SshSettings settings(String computer) {
        return SshSettings.forHost(computer, env.get("KKR4J_TEST_SSH_HOST"))
                .withPort(Integer.parseInt(env.get("KKR4J_TEST_SSH_PORT")))
                .withUser(env.get("KKR4J_TEST_SSH_USER"))
                .withIdentityFiles(List.of(Path.of(env.get("KKR4J_TEST_SSH_KEY"))))
                .withKnownHosts(Path.of(env.get("KKR4J_TEST_SSH_KNOWN_HOSTS")), HostKeyPolicy.STRICT)
                .withSshConfig(null)
                .withAgentSocket(null)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .withReconnect(new ReconnectPolicy(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    /** The remote user's home, the work root of the tests (an absolute path on the remote side). */
    public String remoteHome() {
        return env.get("KKR4J_TEST_REMOTE_HOME");
    }

    /** A fresh directory under the remote home for one test (not created). */
    public String remoteDir(String name) {
        return remoteHome() + "/it-" + name + "-" + Long.toString(System.nanoTime(), 36);
    }

    /**
     * Runs {@code .ci/hpc-ctl} (fault injection: sshd-kill, sshd-start, slurmctld-stop, slurmctld-start;
     * server-side views: remote-bytes PATH, ssh-connections) and returns its output.
     */
    public String ctl(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(env.get("KKR4J_TEST_HPC_CTL")));
        argv.addAll(List.of(args));
        CommandResult r = new LocalCommandRunner().run(argv, Duration.ofSeconds(120));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("hpc-ctl " + String.join(" ", args) + " failed (exit " + r.exitCode()
                    + "): " + r.stderr());
        }
        return r.stdout().strip();
    }

    /** Established SSH connections to the test sshd, counted by the server side (ss). */
    public int serverSideConnections() throws IOException, InterruptedException {
        return Integer.parseInt(ctl("ssh-connections"));
    }

    /** Bytes of the files under a remote path as the remote side sees them (0 when absent). */
    public long remoteBytes(String path) throws IOException, InterruptedException {
        return Long.parseLong(ctl("remote-bytes", path));
    }
}
