package org.kkr4j.remote.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs in with a passphrase-protected key held by a real OpenSSH ssh-agent (skipped where ssh-agent,
 * ssh-add or ssh-keygen are not installed): the key file cannot be read without its passphrase, which
 * kkr4j never has, so only the agent can make this login work.
 */
class SshAgentTest {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private TestSshServer server;
    private Process agent;
    private Path socket;
    private Path key;

    @BeforeEach
    void setUp() throws Exception {
        for (String tool : List.of("ssh-agent", "ssh-add", "ssh-keygen")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " not installed");
        }
        server = new TestSshServer(Files.createDirectories(tmp.resolve("server"))).start();
        key = tmp.resolve("id_locked");
        exec(Map.of(), "ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "secret passphrase", "-C", "test",
                "-f", key.toString());
        PublicKey pub = AuthorizedKeyEntry.readAuthorizedKeys(Path.of(key + ".pub")).get(0)
                .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        server.authorize(pub);
        socket = tmp.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        assertThat(socket).exists();
        // ssh-add reads the passphrase from SSH_ASKPASS when it has no terminal.
        Path askpass = tmp.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\necho 'secret passphrase'\n");
        askpass.toFile().setExecutable(true);
        exec(Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_ASKPASS", askpass.toString(),
                "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", "none"), "ssh-add", key.toString());
    }

    private void exec(Map<String, String> env, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", argv) + ": " + out).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAgentSignsWhenTheKeyFileIsLocked() throws Exception {
        try (SshTransport ssh = new SshTransport(server.settings("agent")
                .withIdentityFiles(List.of(key)).withAgentSocket(socket))) {
            assertThat(ssh.run(List.of("echo", "agent ok"), T).stdout()).isEqualTo("agent ok\n");
        }
    }

    @Test
    void withoutTheAgentTheLockedKeyIsNamedInTheError() {
        try (SshTransport ssh = new SshTransport(server.settings("noagent").withIdentityFiles(List.of(key)))) {
            assertThatThrownBy(() -> ssh.run(List.of("true"), T))
                    .isInstanceOf(TransportAuthenticationException.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("ssh-agent");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
