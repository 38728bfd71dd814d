package org.kkr4j.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

import org.kkr4j.remote.CommandResult;

/**
 * A computer reached over SSH with Apache MINA SSHD. Every caller shares ONE connection (ClientSession);
 * each command or transfer is one exec channel, and a semaphore caps how many are open at once. A dead
 * connection is re-opened on the next call, but never sooner than the {@link ReconnectPolicy} allows:
 * a call that would have to wait longer than its own timeout fails at once with
 * {@link TransportUnavailableException} (carrying when to retry) instead of hammering the login node.
 *
 * <p>Commands go to the login shell as one string of single-quoted words; compound steps (transfers, file
 * operations) are fixed {@code sh -c} scripts that receive their paths as positional parameters, so no
 * path is ever spliced into script text.
 */
public final class SshTransport implements Transport {
    /** Output kept from a command run with {@link #run}; squeue/qstat answers are far smaller. */
    static final int MAX_COMMAND_OUTPUT_BYTES = 64 * 1024 * 1024;
    private static final int MAX_STDERR_BYTES = 1024 * 1024;
    /** Exit code our scripts use for "no such file", distinct from what cat/tar return. */
    private static final int ABSENT = 44;
    private static final List<String> DEFAULT_KEY_NAMES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshSettings settings;
    private final SshClient client;
    private final HostConfigEntryResolver configResolver;
    private final Semaphore channels;
    private final ConnectionGate gate;
    private final Object connectLock = new Object();
    private final ScheduledExecutorService watchdog;
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong connectionAttempts = new AtomicLong();
    private final AtomicLong commandsRun = new AtomicLong();
    private final AtomicInteger channelsInUse = new AtomicInteger();
    private final AtomicInteger peakChannels = new AtomicInteger();
    private volatile ClientSession session;
    private volatile String hostKeyProblem;
    private volatile List<String> keyProblems = List.of();
    private volatile boolean closed;

    public SshTransport(SshSettings settings) {
        this.settings = settings;
        this.channels = new Semaphore(settings.maxChannels(), true);
        this.gate = new ConnectionGate(settings.reconnect(), System::nanoTime);
        this.configResolver = settings.sshConfig() == null
                ? HostConfigEntryResolver.EMPTY : new ConfigFileHostEntryResolver(settings.sshConfig());
        this.client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(configResolver);
        client.setServerKeyVerifier(recordingVerifier(settings));
        client.setKeyIdentityProvider(new KeyIdentityProvider() {
            @Override
            public Iterable<KeyPair> loadKeys(org.apache.sshd.common.session.SessionContext context) {
                return loadIdentities(context);
            }
        });
        client.setFilePasswordProvider(FilePasswordProvider.EMPTY);
        if (settings.agentSocket() != null && Files.exists(settings.agentSocket())) {
            client.setAgentFactory(new UnixSocketAgent.Factory(settings.agentSocket()));
        }
        // Only keys: a password or keyboard-interactive prompt has no one to answer it.
        CoreModuleProperties.PREFERRED_AUTHS.set(client, "publickey");
        if (!settings.heartbeatInterval().isZero()) {
            // keepalive@openssh.com requests with want-reply; after 4 unanswered the session is closed, so a
            // connection silently dropped by a firewall is noticed and the next call reconnects.
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.heartbeatInterval());
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 4);
        }
        client.start();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kkr4j-ssh-watchdog-" + settings.computer());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String computer() {
        return settings.computer();
    }

    public SshSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ operations

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        String command = ShellWords.join(argv);
        Exec<Void> exec = exec(command, null, null, MAX_COMMAND_OUTPUT_BYTES, timeout, "command " + argv.get(0));
        if (exec.stdoutOverflow()) {
            throw new RemoteOperationException(where() + ": output of " + argv.get(0) + " exceeded "
                    + MAX_COMMAND_OUTPUT_BYTES + " bytes", exec.exitCode(), exec.stderr());
        }
        return new CommandResult(exec.exitCode(), exec.stdoutText(), exec.stderr());
    }

    @Override
    public void upload(List<UploadEntry> entries, String remoteRoot, Duration timeout)
            throws IOException, InterruptedException {
        RemotePaths.check(remoteRoot, "upload root");
        for (UploadEntry e : entries) {
            if (!Files.exists(e.local())) {
                throw new IOException("upload source does not exist: " + e.local());
            }
        }
        String script = "mkdir -p -- \"$1\" && cd -- \"$1\" && tar -xf -";
        Exec<Void> exec = exec(script(script, remoteRoot), out -> TarTransfers.pack(entries, out), null,
                MAX_STDERR_BYTES, timeout, "upload to " + remoteRoot);
        if (exec.exitCode() != 0) {
            throw new RemoteOperationException(where() + ": unpacking the upload into " + remoteRoot + " failed",
                    exec.exitCode(), exec.stderr());
        }
    }

    @Override
    public DownloadResult download(String remoteRoot, List<String> relativePaths, Path localRoot, Duration timeout)
            throws IOException, InterruptedException {
        RemotePaths.check(remoteRoot, "download root");
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(
                relativePaths.stream().map(p -> RemotePaths.relative(p, "download path")).toList()));
        if (wanted.isEmpty()) {
            return new DownloadResult(List.of(), List.of(), 0);
        }
        // The list travels on stdin (no argument-length limit). Names are prefixed with "./" so tar cannot
        // read one as an option; absent names are dropped so tar does not fail on them; -h sends the files
        // that symbolic links point to.
        String script = "cd -- \"$1\" || exit " + ABSENT + "; "
                + "while IFS= read -r p; do if [ -e \"./$p\" ]; then printf '%s\\n' \"./$p\"; fi; done"
                + " | tar -chf - -T -";
        byte[] list = (String.join("\n", wanted) + "\n").getBytes(StandardCharsets.UTF_8);
        String source = settings.computer() + ":" + remoteRoot;
        Exec<TarTransfers.Unpacked> exec = exec(script(script, remoteRoot), out -> out.write(list),
                in -> TarTransfers.unpack(in, "tar from " + source, wanted, localRoot),
                MAX_STDERR_BYTES, timeout, "download from " + remoteRoot);
        if (exec.exitCode() == ABSENT) {
            return new DownloadResult(List.of(), wanted, 0);
        }
        if (exec.exitCode() != 0) {
            throw new RemoteOperationException(where() + ": packing files under " + remoteRoot + " failed",
                    exec.exitCode(), exec.stderr());
        }
        if (exec.value().noArchive()) {
            throw new TarFormatException(source + ": tar exited 0 but sent no archive");
        }
        return exec.value().result();
    }

    @Override
    public void mkdirs(String remoteDir, Duration timeout) throws IOException, InterruptedException {
        simple("mkdir -p -- \"$1\"", remoteDir, "mkdir -p " + remoteDir, timeout);
    }

    @Override
    public void removeTree(String remotePath, Duration timeout) throws IOException, InterruptedException {
        simple("rm -rf -- \"$1\"", RemotePaths.removable(remotePath), "rm -rf " + remotePath, timeout);
    }

    private void simple(String script, String path, String what, Duration timeout)
            throws IOException, InterruptedException {
        Exec<Void> exec = exec(script(script, path), null, null, MAX_STDERR_BYTES, timeout, what);
        if (exec.exitCode() != 0) {
            throw new RemoteOperationException(where() + ": " + what + " failed", exec.exitCode(), exec.stderr());
        }
    }

    @Override
    public Optional<byte[]> readFile(String remotePath, long maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        String script = "[ -f \"$1\" ] || exit " + ABSENT + "; exec cat -- \"$1\"";
        int cap = (int) Math.min(MAX_COMMAND_OUTPUT_BYTES, maxBytes);
        Exec<Void> exec = exec(script(script, remotePath), null, null, cap, timeout, "read " + remotePath);
        if (exec.exitCode() == ABSENT) {
            return Optional.empty();
        }
        if (exec.stdoutOverflow()) {
            throw new RemoteOperationException(where() + ": " + remotePath + " is larger than the " + cap
                    + " bytes allowed", exec.exitCode(), "");
        }
        if (exec.exitCode() != 0) {
            throw new RemoteOperationException(where() + ": reading " + remotePath + " failed",
                    exec.exitCode(), exec.stderr());
        }
        return Optional.of(exec.stdout());
    }

    @Override
    public void writeFile(String remotePath, byte[] content, Duration timeout)
            throws IOException, InterruptedException {
        String part = "\"$1\"" + TarTransfers.PART_SUFFIX;
        String script = "cat > " + part + " && mv -f -- " + part + " \"$1\"";
        Exec<Void> exec = exec(script(script, remotePath), out -> out.write(content), null, MAX_STDERR_BYTES,
                timeout, "write " + remotePath);
        if (exec.exitCode() != 0) {
            throw new RemoteOperationException(where() + ": writing " + remotePath + " failed",
                    exec.exitCode(), exec.stderr());
        }
    }

    @Override
    public Optional<RemoteFileStat> stat(String remotePath, Duration timeout)
            throws IOException, InterruptedException {
        String script = "if [ -d \"$1\" ]; then echo directory; elif [ -f \"$1\" ]; then echo file $(wc -c < \"$1\");"
                + " elif [ -e \"$1\" ]; then echo other; else echo absent; fi";
        Exec<Void> exec = exec(script(script, remotePath), null, null, 4096, timeout, "stat " + remotePath);
        String answer = exec.stdoutText().strip();
        if (exec.exitCode() != 0) {
            throw new RemoteOperationException(where() + ": stat " + remotePath + " failed", exec.exitCode(),
                    exec.stderr());
        }
        String[] words = answer.split("\\s+");
        switch (words[0]) {
            case "absent":
                return Optional.empty();
            case "directory":
                return Optional.of(new RemoteFileStat(RemoteFileStat.Kind.DIRECTORY, 0));
            case "other":
                return Optional.of(new RemoteFileStat(RemoteFileStat.Kind.OTHER, 0));
            case "file":
                if (words.length == 2 && words[1].matches("\\d+")) {
                    return Optional.of(new RemoteFileStat(RemoteFileStat.Kind.FILE, Long.parseLong(words[1])));
                }
                break;
            default:
                break;
        }
        throw new RemoteOperationException(where() + ": unexpected answer to stat " + remotePath + ": \""
                + answer + "\"", exec.exitCode(), exec.stderr());
    }

    /** {@code sh -c SCRIPT sh PATH}: the script is fixed text, the path arrives as "$1". */
    private static String script(String script, String path) {
        return "sh -c " + ShellWords.quote(script) + " sh " + ShellWords.path(path);
    }

    @Override
    public TransportStats stats() {
        return new TransportStats(connectionsOpened.get(), connectionAttempts.get(), commandsRun.get(),
                peakChannels.get());
    }

    /** Whether the shared connection is open right now (no connection is made). */
    public boolean isConnected() {
        ClientSession s = session;
        return s != null && s.isOpen() && !s.isClosing();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watchdog.shutdownNow();
        synchronized (connectLock) {
            ClientSession s = session;
            session = null;
            try {
                if (s != null) {
                    s.close(true);
                }
            } finally {
                client.stop();
            }
        }
    }

    // ------------------------------------------------------------------ channels

    @FunctionalInterface
    private interface StdinWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface StdoutReader<T> {
        T readFrom(InputStream in) throws IOException;
    }

    /** How one exec channel ended. */
    private record Exec<T>(int exitCode, byte[] stdout, boolean stdoutOverflow, String stderr, T value) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs one exec channel: takes a channel permit, gets the shared session (connecting if needed), feeds
     * stdin (then EOF), hands stdout to {@code reader} (or buffers up to {@code maxStdoutBytes}), and waits
     * for the exit status. A watchdog closes the channel at the deadline, which unblocks any read or write.
     */
    private <T> Exec<T> exec(String command, StdinWriter stdin, StdoutReader<T> reader, int maxStdoutBytes,
                             Duration timeout, String what) throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException(settings.computer() + ": transport is closed");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!channels.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TransportTimeoutException(where() + ": no free channel within " + timeout.toMillis()
                    + " ms for " + what + " (" + settings.maxChannels() + " in use)", timeout);
        }
        peakChannels.accumulateAndGet(channelsInUse.incrementAndGet(), Math::max);
        try {
            ClientSession s = session(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), timeout);
            return execOn(s, command, stdin, reader, maxStdoutBytes, deadline, timeout, what);
        } finally {
            channelsInUse.decrementAndGet();
            channels.release();
        }
    }

    private <T> Exec<T> execOn(ClientSession s, String command, StdinWriter stdin, StdoutReader<T> reader,
                               int maxStdoutBytes, long deadline, Duration timeout, String what)
            throws IOException, InterruptedException {
        ChannelExec channel;
        try {
            channel = s.createExecChannel(command.getBytes(StandardCharsets.UTF_8), null, Map.of());
        } catch (IOException e) {
            throw lost(s, what, e);
        }
        BoundedBuffer err = new BoundedBuffer(MAX_STDERR_BYTES);
        BoundedBuffer out = reader == null ? new BoundedBuffer(maxStdoutBytes) : null;
        channel.setErr(err);
        if (out != null) {
            channel.setOut(out);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> dog = watchdog.schedule(() -> {
            timedOut.set(true);
            channel.close(true);
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        boolean opened = false;
        try {
            channel.open().verify(remainingMillis(deadline));
            opened = true;
            commandsRun.incrementAndGet();
            try (OutputStream in = channel.getInvertedIn()) {
                if (stdin != null) {
                    stdin.writeTo(in);
                }
            }
            T value = reader == null ? null : reader.readFrom(channel.getInvertedOut());
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    remainingMillis(deadline));
            if (timedOut.get() || events.contains(ClientChannelEvent.TIMEOUT)) {
                throw timeout(what, timeout);
            }
            Integer status = channel.getExitStatus();
            String stderr = err.text();
            if (status == null) {
                String signal = channel.getExitSignal();
                if (signal == null) {
                    throw new ConnectionLostException(where() + ": channel for " + what
                            + " closed without an exit status", null);
                }
                status = 128 + signalNumber(signal);
                stderr = stderr + (stderr.isEmpty() || stderr.endsWith("\n") ? "" : "\n")
                        + "killed by signal " + signal;
            }
            byte[] stdout = out == null ? new byte[0] : out.bytes();
            return new Exec<>(status, stdout, out != null && out.overflowed(), stderr, value);
        } catch (TransportTimeoutException | ConnectionLostException | TransportUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                throw timeout(what, timeout);
            }
            if (!opened && s.isOpen() && !s.isClosing()) {
                // The server refused the channel (e.g. MaxSessions) on a healthy connection: keep the session.
                throw new TransportUnavailableException(where() + ": could not open a channel for " + what + " ("
                        + e.getMessage() + ")", null, e);
            }
            boolean channelGone = (channel.isClosing() || !channel.isOpen()) && channel.getExitStatus() == null;
            if (!s.isOpen() || s.isClosing() || channelGone) {
                throw lost(s, what, e);
            }
            throw e;
        } finally {
            dog.cancel(false);
            channel.close(false);
        }
    }

    private TransportTimeoutException timeout(String what, Duration timeout) {
        return new TransportTimeoutException(where() + ": " + what + " did not finish within "
                + timeout.toMillis() + " ms; its channel was closed", timeout);
    }

    private ConnectionLostException lost(ClientSession s, String what, Exception cause) {
        if (s.isOpen() && !s.isClosing()) {
            // A channel that failed on a session that still looks alive: do not trust that session again.
            s.close(true);
        }
        return new ConnectionLostException(where() + ": connection lost during " + what + " ("
                + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static int signalNumber(String name) {
        return switch (name.toUpperCase()) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "ILL" -> 4;
            case "ABRT" -> 6;
            case "FPE" -> 8;
            case "KILL" -> 9;
            case "SEGV" -> 11;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            case "TERM" -> 15;
            case "USR1" -> 10;
            case "USR2" -> 12;
            default -> 127;
        };
    }

    // ------------------------------------------------------------------ the one connection

    /**
     * The shared session, opened if there is none or it died. Waits for the reconnect gate if the wait fits
     * in {@code maxWait}, else fails at once so no caller hammers the host or blocks past its own timeout.
     */
    private ClientSession session(Duration maxWait, Duration callTimeout) throws IOException, InterruptedException {
        ClientSession s = session;
        if (s != null && s.isOpen() && !s.isClosing()) {
            return s;
        }
        synchronized (connectLock) {
            s = session;
            if (s != null && s.isOpen() && !s.isClosing()) {
                return s;
            }
            if (closed) {
                throw new IllegalStateException(settings.computer() + ": transport is closed");
            }
            if (s != null) {
                s.close(true);
                session = null;
            }
            Duration wait = gate.waitBeforeNextAttempt();
            if (wait.compareTo(maxWait) > 0) {
                throw new TransportUnavailableException(where() + ": not connected; the next connection attempt"
                        + " is allowed in " + wait.toMillis() + " ms (after " + gate.consecutiveFailures()
                        + " failed attempts), more than this call's " + callTimeout.toMillis() + " ms",
                        wait, null);
            }
            if (!wait.isZero()) {
                Thread.sleep(wait);
            }
            gate.attempting();
            connectionAttempts.incrementAndGet();
            try {
                s = connect();
            } catch (TransportException e) {
                gate.failed();
                throw e;
            }
            gate.succeeded();
            connectionsOpened.incrementAndGet();
            session = s;
            return s;
        }
    }

    private ClientSession connect() throws TransportException {
        HostConfigEntry entry = effectiveHost();
        String where = entry.getUsername() + "@" + entry.getHostName() + ":" + entry.getPort()
                + (entry.getProxyJump() == null || entry.getProxyJump().isBlank()
                        ? "" : " via " + entry.getProxyJump());
        hostKeyProblem = null;
        ClientSession s;
        try {
            s = client.connect(entry).verify(settings.connectTimeout()).getSession();
        } catch (IOException | RuntimeException e) {
            throw connectFailure(where, e);
        }
        try {
            s.auth().verify(settings.authTimeout());
            return s;
        } catch (IOException | RuntimeException e) {
            s.close(true);
            if (hostKeyProblem != null || !s.isAuthenticated() && isKeyExchangeFailure(e)) {
                throw connectFailure(where, e);
            }
            StringBuilder offered = new StringBuilder();
            offered.append("key files ").append(keyFiles(entry)).append(", agent ")
                    .append(settings.agentSocket() == null ? "none" : settings.agentSocket().toString());
            List<String> problems = keyProblems;
            if (!problems.isEmpty()) {
                offered.append("; unusable keys: ").append(String.join("; ", problems));
            }
            throw new TransportAuthenticationException(settings.computer() + ": authentication failed for "
                    + where + " (offered " + offered + "): " + e.getMessage(), e);
        }
    }

    private static boolean isKeyExchangeFailure(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        return m.contains("key exchange") || m.contains("kex") || m.contains("server key");
    }

    private TransportException connectFailure(String where, Throwable e) {
        String problem = hostKeyProblem;
        if (problem != null) {
            return new HostKeyRejectedException(settings.computer() + ": host key of " + where + " rejected: "
                    + problem, e);
        }
        Duration retry = settings.reconnect().delayAfter(gate.consecutiveFailures() + 1);
        return new TransportUnavailableException(settings.computer() + ": cannot connect to " + where + " ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", retry, e);
    }

    /** The host entry to connect to: ~/.ssh/config values, overridden by what the settings say explicitly. */
    HostConfigEntry effectiveHost() throws TransportUnavailableException {
        HostConfigEntry entry;
        try {
            entry = configResolver.resolveEffectiveHost(settings.host(), settings.port(), null, settings.user(),
                    settings.proxyJump(), null);
        } catch (IOException | RuntimeException e) {
            throw new TransportUnavailableException(settings.computer() + ": cannot read ssh config "
                    + settings.sshConfig() + ": " + e.getMessage(), null, e);
        }
        if (entry == null) {
            entry = new HostConfigEntry(settings.host(), settings.host(), 0, null);
        }
        if (entry.getHostName() == null || entry.getHostName().isBlank()) {
            entry.setHostName(settings.host());
        }
        if (settings.port() > 0) {
            entry.setPort(settings.port());
        } else if (entry.getPort() <= 0) {
            entry.setPort(22);
        }
        if (settings.user() != null) {
            entry.setUsername(settings.user());
        } else if (entry.getUsername() == null || entry.getUsername().isBlank()) {
            entry.setUsername(System.getProperty("user.name"));
        }
        if (settings.proxyJump() != null) {
            entry.setProxyJump(settings.proxyJump());
        }
        return entry;
    }

    /** The key files this connection offers: explicit ones, else ~/.ssh/config's, else OpenSSH's defaults. */
    private List<Path> keyFiles(HostConfigEntry entry) {
        if (!settings.identityFiles().isEmpty()) {
            return settings.identityFiles();
        }
        List<Path> files = new ArrayList<>();
        Collection<String> configured = entry == null ? List.of() : entry.getIdentities();
        if (configured != null && !configured.isEmpty()) {
            for (String id : configured) {
                files.add(expandHome(id));
            }
            return files;
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : DEFAULT_KEY_NAMES) {
            Path p = ssh.resolve(name);
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    private static Path expandHome(String path) {
        if (path.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(2));
        }
        return Path.of(path);
    }

    /**
     * Loads the key files for one authentication. Problems (missing file, passphrase-protected key) are
     * remembered for the error message rather than thrown, so the agent and the remaining keys still get
     * their turn.
     */
    private Iterable<KeyPair> loadIdentities(org.apache.sshd.common.session.SessionContext context) {
        HostConfigEntry entry;
        try {
            entry = effectiveHost();
        } catch (TransportUnavailableException e) {
            entry = null;
        }
        List<KeyPair> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : keyFiles(entry)) {
            if (!Files.isRegularFile(file)) {
                problems.add(file + " does not exist");
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(context, NamedResource.ofName(
                        file.toString()), in, FilePasswordProvider.EMPTY);
                if (loaded != null) {
                    loaded.forEach(keys::add);
                }
            } catch (Exception e) {
                problems.add(file + " could not be loaded (a passphrase-protected key must be used through"
                        + " ssh-agent; passphrases are never stored): " + e.getMessage());
            }
        }
        keyProblems = List.copyOf(problems);
        return keys;
    }

    private ServerKeyVerifier recordingVerifier(SshSettings s) {
        ServerKeyVerifier delegate = s.hostKeyPolicy() == HostKeyPolicy.ACCEPT_NEW
                ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE;
        ServerKeyVerifier knownHosts = new KnownHostsServerKeyVerifier(delegate, s.knownHosts());
        return (clientSession, address, key) -> {
            boolean ok = knownHosts.verifyServerKey(clientSession, address, key);
            if (!ok) {
                hostKeyProblem = address + " presented " + KeyUtils.getKeyType(key) + " key "
                        + KeyUtils.getFingerPrint(key) + ", which " + s.knownHosts() + " does not list for it"
                        + (s.hostKeyPolicy() == HostKeyPolicy.STRICT
                        ? " (policy STRICT: add it with ssh first)" : " (the host's key changed)");
            }
            return ok;
        };
    }

    private String where() {
        String user = settings.user() == null ? "" : settings.user() + "@";
        return settings.computer() + " (" + user + settings.host() + (settings.port() > 0 ? ":" + settings.port() : "")
                + ")";
    }

    /** Keeps at most {@code limit} bytes and remembers that more came; never throws on the I/O thread. */
    private static final class BoundedBuffer extends OutputStream {
        private final int limit;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private boolean overflow;

        BoundedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < limit) {
                bytes.write(b);
            } else {
                overflow = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = limit - bytes.size();
            if (len > room) {
                overflow = true;
            }
            bytes.write(b, off, Math.max(0, Math.min(room, len)));
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized boolean overflowed() {
            return overflow;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

}
