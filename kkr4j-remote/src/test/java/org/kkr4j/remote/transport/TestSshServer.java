package org.kkr4j.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An in-JVM SSH server for tests: public-key login for one user, exec requests run by {@code sh} in a
 * work directory (which is also $HOME), the way OpenSSH's sshd hands a command to the login shell. It
 * counts sessions and exec channels, and can stop itself once a command has received N bytes of stdin or
 * sent N bytes of stdout (to cut a transfer in the middle).
 */
final class TestSshServer implements AutoCloseable {
    final Path dir;
    final Path home;
    final Path hostKeyFile;
    final String user = "kkr";
    final KeyPair userKey;
    final Path userKeyFile;
    final AtomicInteger sessionsCreated = new AtomicInteger();
    final AtomicInteger execChannels = new AtomicInteger();
    final AtomicInteger runningExecs = new AtomicInteger();
    final AtomicInteger peakExecs = new AtomicInteger();
    volatile long stopAfterStdinBytes = -1;
    volatile long stopAfterStdoutBytes = -1;
    private volatile PublicKey authorized;
    private SshServer server;
    private Thread stopping;
    private int port;

    TestSshServer(Path dir) throws Exception {
        this.dir = dir;
        this.home = Files.createDirectories(dir.resolve("home"));
        this.hostKeyFile = dir.resolve("hostkey.ser");
        this.userKey = newKeyPair();
        this.userKeyFile = writePrivateKey(userKey, dir.resolve("id_ecdsa"));
        this.authorized = userKey.getPublic();
    }

    static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        return gen.generateKeyPair();
    }

    static Path writePrivateKey(KeyPair kp, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "test", null, out);
        }
        return file;
    }

    void authorize(PublicKey key) {
        this.authorized = key;
    }

    /** Starts on a free port (first time) or on the same port again (restart); the host key is kept on disk. */
    synchronized TestSshServer start() throws IOException, InterruptedException {
        if (stopping != null) {
            stopping.join();
            stopping = null;
        }
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        server.setPublickeyAuthenticator((name, key, session) ->
                name.equals(user) && KeyUtils.compareKeys(key, authorized));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.setCommandFactory((channel, command) -> new ShellCommand(command));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessionsCreated.incrementAndGet();
            }
        });
        server.start();
        port = server.getPort();
        return this;
    }

    int port() {
        return port;
    }

    synchronized void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    /** Stops from another thread (a command must not stop the server from inside its own pump). */
    private synchronized void stopAsync() {
        SshServer running = server;
        server = null;
        Thread t = new Thread(() -> {
            try {
                if (running != null) {
                    running.stop(true);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        stopping = t;
    }

    /** The settings a client needs for this server: explicit port/user/key, a temp known_hosts, no agent. */
    SshSettings settings(String computer) {
        return SshSettings.forHost(computer, "127.0.0.1")
                .withPort(port)
                .withUser(user)
                .withIdentityFiles(java.util.List.of(userKeyFile))
                .withSshConfig(null)
                .withAgentSocket(null)
                .withKnownHosts(dir.resolve("known_hosts"), HostKeyPolicy.ACCEPT_NEW)
                .withHeartbeatInterval(java.time.Duration.ZERO)
                .withTimeouts(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10));
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** One exec request: the command text goes to sh as a script file (UTF-8 bytes, whatever the locale). */
    private final class ShellCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Process process;

        ShellCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            execChannels.incrementAndGet();
            peakExecs.accumulateAndGet(runningExecs.incrementAndGet(), Math::max);
            Path script = Files.createTempFile(dir, "cmd", ".sh");
            Files.writeString(script, command + "\n", StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).directory(home.toFile());
            builder.environment().put("HOME", home.toString());
            process = builder.start();
            AtomicLong inBytes = new AtomicLong();
            AtomicLong outBytes = new AtomicLong();
            Thread stdin = pump(in, process.getOutputStream(), inBytes, stopAfterStdinBytes, true);
            Thread stdout = pump(process.getInputStream(), out, outBytes, stopAfterStdoutBytes, false);
            Thread stderr = pump(process.getErrorStream(), err, new AtomicLong(), -1, false);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    stdout.join();
                    stderr.join();
                    stdin.interrupt();
                    Files.deleteIfExists(script);
                    exit.onExit(code);
                } catch (Exception e) {
                    exit.onExit(255, e.toString());
                } finally {
                    runningExecs.decrementAndGet();
                }
            });
            waiter.setDaemon(true);
            waiter.start();
        }

        private Thread pump(InputStream from, OutputStream to, AtomicLong count, long stopAfter, boolean closeTo) {
            AtomicBoolean stopped = new AtomicBoolean();
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[32 * 1024];
                try {
                    int n;
                    while ((n = from.read(buffer)) >= 0) {
                        to.write(buffer, 0, n);
                        to.flush();
                        long total = count.addAndGet(n);
                        if (stopAfter >= 0 && total >= stopAfter && stopped.compareAndSet(false, true)) {
                            stopAsync();
                        }
                    }
                } catch (IOException e) {
                    // The channel or the process went away; the waiter reports the exit.
                } finally {
                    if (closeTo) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
