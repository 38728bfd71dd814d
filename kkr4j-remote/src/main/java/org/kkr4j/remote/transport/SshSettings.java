package org.kkr4j.remote.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach one computer over SSH. Only paths to keys are held, never keys or passphrases: an encrypted
 * key is used through the SSH agent. Values left unset ({@code port} 0, {@code user}/{@code proxyJump}
 * null) come from the matching ~/.ssh/config entry when there is one, else from OpenSSH's defaults.
 *
 * @param computer          name of the computer (messages, the pool's key)
 * @param host              host name or ~/.ssh/config alias
 * @param port              TCP port, 0 for ~/.ssh/config or 22
 * @param user              login name, null for ~/.ssh/config or the local user name
 * @param identityFiles     private key files tried in order (after the agent's keys); empty means those of
 *                          ~/.ssh/config, else OpenSSH's default names under ~/.ssh that exist
 * @param proxyJump         "[user@]jumphost[:port]" (comma-separated chain allowed), null for ~/.ssh/config
 * @param sshConfig         ssh_config file honoured for host entries, null for none
 * @param knownHosts        known_hosts file checked (and appended to under {@link HostKeyPolicy#ACCEPT_NEW})
 * @param hostKeyPolicy     unknown host keys: refuse, or accept and remember
 * @param agentSocket       ssh-agent socket, null to not use an agent
 * @param maxChannels       most channels (commands, transfers) open at once on the one connection; keep it
 *                          below the server's MaxSessions (OpenSSH default 10)
 * @param connectTimeout    TCP connect plus key exchange
 * @param authTimeout       user authentication
 * @param heartbeatInterval keep-alive requests on an idle connection; {@link Duration#ZERO} for none
 * @param reconnect         cooldown and backoff between connection attempts
 */
public record SshSettings(String computer, String host, int port, String user, List<Path> identityFiles,
                          String proxyJump, Path sshConfig, Path knownHosts, HostKeyPolicy hostKeyPolicy,
                          Path agentSocket, int maxChannels, Duration connectTimeout, Duration authTimeout,
                          Duration heartbeatInterval, ReconnectPolicy reconnect) {

    public SshSettings {
        if (computer == null || computer.isBlank()) {
            throw new IllegalArgumentException("computer name is empty");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(computer + ": host is empty");
        }
        ShellWords.check(host, computer + ": host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(computer + ": port " + port + " out of range");
        }
        if (maxChannels < 1) {
            throw new IllegalArgumentException(computer + ": maxChannels must be at least 1, not " + maxChannels);
        }
        identityFiles = List.copyOf(identityFiles);
    }

    /**
     * The settings of an interactive OpenSSH user: ~/.ssh/config, ~/.ssh/known_hosts (accept-new), the agent
     * of SSH_AUTH_SOCK if set, 4 channels, 30 s timeouts, 30 s heartbeat, default reconnect policy.
     */
    public static SshSettings forHost(String computer, String host) {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        Path config = ssh.resolve("config");
        String agent = System.getenv("SSH_AUTH_SOCK");
        return new SshSettings(computer, host, 0, null, List.of(), null,
                Files.isRegularFile(config) ? config : null, ssh.resolve("known_hosts"), HostKeyPolicy.ACCEPT_NEW,
                agent == null || agent.isBlank() ? null : Path.of(agent), 4, Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(30), ReconnectPolicy.defaults());
    }

    public SshSettings withPort(int value) {
        return new SshSettings(computer, host, value, user, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withUser(String value) {
        return new SshSettings(computer, host, port, value, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withIdentityFiles(List<Path> value) {
        return new SshSettings(computer, host, port, user, value, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withProxyJump(String value) {
        return new SshSettings(computer, host, port, user, identityFiles, value, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withSshConfig(Path value) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, value, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withKnownHosts(Path value, HostKeyPolicy policy) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, sshConfig, value,
                policy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withAgentSocket(Path value) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, value, maxChannels, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withMaxChannels(int value) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, value, connectTimeout, authTimeout, heartbeatInterval, reconnect);
    }

    public SshSettings withTimeouts(Duration connect, Duration auth) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connect, auth, heartbeatInterval, reconnect);
    }

    public SshSettings withHeartbeatInterval(Duration value) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, value, reconnect);
    }

    public SshSettings withReconnect(ReconnectPolicy value) {
        return new SshSettings(computer, host, port, user, identityFiles, proxyJump, sshConfig, knownHosts,
                hostKeyPolicy, agentSocket, maxChannels, connectTimeout, authTimeout, heartbeatInterval, value);
    }
}
