package org.kkr4j.remote.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;

class SshTransportTest {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private TestSshServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestSshServer(Files.createDirectories(tmp.resolve("server"))).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.close();
    }

    private SshTransport transport(SshSettings settings) {
        SshTransport t = new SshTransport(settings);
        toClose.add(t);
        return t;
    }

    @Test
    void awkwardArgumentsRoundTripExactly() throws Exception {
        SshTransport ssh = transport(server.settings("hpc"));
        List<String> awkward = List.of("a b", "it's", "\"double\"", "$HOME", "${PATH}", "a;b", "x && y", "`id`",
                "$(id)", "*", "~", "back\\slash", "tab\there", "ü 日本 ✓", "-n", "", "'", "!", "#c");
        List<String> argv = new ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(awkward);
        CommandResult result = ssh.run(argv, T);
        assertThat(result.exitCode()).isZero();
        StringBuilder expected = new StringBuilder();
        awkward.forEach(a -> expected.append('[').append(a).append("]\n"));
        assertThat(result.stdout()).isEqualTo(expected.toString());
    }

    @Test
    void exitCodeAndStderrAreReported() throws Exception {
        SshTransport ssh = transport(server.settings("hpc"));
        CommandResult result = ssh.run(List.of("sh", "-c", "echo out; echo err >&2; exit 7"), T);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    void newlineOrNulIsRefusedBeforeAnythingIsSent() {
        SshTransport ssh = transport(server.settings("hpc"));
        assertThatThrownBy(() -> ssh.run(List.of("echo", "a\nrm -rf ~"), T))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> ssh.mkdirs("runs/a\0b", T))
                .isInstanceOf(UnsafeArgumentException.class).hasMessageContaining("NUL");
        assertThat(ssh.stats().connectionAttempts()).isZero();
        assertThat(server.sessionsCreated.get()).isZero();
    }

    @Test
    void twentyConcurrentCallersShareOneSessionAndStayUnderTheChannelCap() throws Exception {
        SshTransport ssh = transport(server.settings("hpc").withMaxChannels(4));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                results.add(pool.submit(() -> ssh.run(List.of("sh", "-c", "sleep 0.3; echo $1", "sh",
                        Integer.toString(n)), T)));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(results.get(i).get().stdout()).isEqualTo(i + "\n");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.sessionsCreated.get()).isEqualTo(1);
        assertThat(ssh.stats().connectionsOpened()).isEqualTo(1);
        assertThat(server.execChannels.get()).isEqualTo(20);
        assertThat(server.peakExecs.get()).isLessThanOrEqualTo(4);
        assertThat(ssh.stats().peakConcurrentCommands()).isEqualTo(4); // the cap was actually reached
        assertThat(ssh.stats().commandsRun()).isEqualTo(20);
    }

    @Test
    void twoHundredRunDirectoriesGoUpAndSelectedFilesComeBackInOneChannelEach() throws Exception {
        SshTransport ssh = transport(server.settings("hpc"));
        Path local = Files.createDirectories(tmp.resolve("local"));
        List<UploadEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Path run = Files.createDirectories(local.resolve(String.format("r%03d", i)));
            Files.writeString(run.resolve("input.card"), "card " + i + "\n");
            Files.writeString(run.resolve("job.sh"), "#!/bin/sh\necho " + i + "\n");
            Files.createDirectories(run.resolve("sub"));
            Files.writeString(run.resolve("sub/ü.dat"), "x".repeat(i));
            entries.add(new UploadEntry(run, "runs/" + run.getFileName()));
        }
        ssh.upload(entries, "~/work", T);
        assertThat(server.execChannels.get()).isEqualTo(1);
        Path remoteRuns = server.home.resolve("work/runs");
        assertThat(Files.readString(remoteRuns.resolve("r137/input.card"))).isEqualTo("card 137\n");
        assertThat(Files.readString(remoteRuns.resolve("r199/sub/ü.dat"))).isEqualTo("x".repeat(199));
        try (var list = Files.list(remoteRuns)) {
            assertThat(list.count()).isEqualTo(200);
        }

        // The "job" writes outputs in every run directory (one command), then we fetch some of them.
        ssh.run(List.of("sh", "-c", "for d in work/runs/r*; do echo \"log of $d\" > \"$d/out.log\"; "
                + "echo 0 > \"$d/exit_code\"; done"), T);
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String run = String.format("runs/r%03d", i);
            wanted.add(run + "/out.log");
            wanted.add(run + "/exit_code");
        }
        wanted.add("runs/r000/never-written");
        int before = server.execChannels.get();
        Path back = tmp.resolve("back");
        DownloadResult result = ssh.download("work", wanted, back, T);
        assertThat(server.execChannels.get() - before).isEqualTo(1);
        assertThat(result.files()).hasSize(400);
        assertThat(result.missing()).containsExactly("runs/r000/never-written");
        assertThat(Files.readString(back.resolve("runs/r042/out.log"))).isEqualTo("log of work/runs/r042\n");
        assertThat(back.resolve("runs/r042/input.card")).doesNotExist();
        try (var walk = Files.walk(back)) {
            assertThat(walk.filter(p -> p.toString().endsWith(TarTransfers.PART_SUFFIX))).isEmpty();
        }
        assertThat(ssh.stats().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void directoriesDownloadRecursivelyAndAMissingRootIsAllMissing() throws Exception {
        SshTransport ssh = transport(server.settings("hpc"));
        Files.createDirectories(server.home.resolve("w/r1/deep"));
        Files.writeString(server.home.resolve("w/r1/deep/a"), "A");
        Files.writeString(server.home.resolve("w/r1/b"), "B");
        DownloadResult result = ssh.download("w", List.of("r1"), tmp.resolve("d"), T);
        assertThat(result.files()).containsExactlyInAnyOrder("r1/deep/a", "r1/b");
        assertThat(result.missing()).isEmpty();
        assertThat(result.bytes()).isEqualTo(2);
        DownloadResult none = ssh.download("no/such/root", List.of("x", "y"), tmp.resolve("e"), T);
        assertThat(none.missing()).containsExactly("x", "y");
        assertThat(none.files()).isEmpty();
    }

    @Test
    void smallFileOperations() throws Exception {
        SshTransport ssh = transport(server.settings("hpc"));
        ssh.mkdirs("~/a b/c", T);
        assertThat(server.home.resolve("a b/c")).isDirectory();
        assertThat(ssh.stat("a b/c", T)).contains(new RemoteFileStat(RemoteFileStat.Kind.DIRECTORY, 0));
        byte[] content = "exit 0\nü\n".getBytes(StandardCharsets.UTF_8);
        ssh.writeFile("a b/c/it's $x", content, T);
        assertThat(Files.readAllBytes(server.home.resolve("a b/c/it's $x"))).isEqualTo(content);
        assertThat(ssh.readFile("a b/c/it's $x", 1000, T)).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        assertThat(ssh.stat("a b/c/it's $x", T)).contains(new RemoteFileStat(RemoteFileStat.Kind.FILE, content.length));
        assertThat(ssh.readFile("a b/c/absent", 1000, T)).isEmpty();
        assertThat(ssh.exists("a b/c/absent", T)).isFalse();
        assertThatThrownBy(() -> ssh.readFile("a b/c/it's $x", 3, T))
                .isInstanceOf(RemoteOperationException.class).hasMessageContaining("larger than");
        ssh.removeTree("~/a b", T);
        assertThat(server.home.resolve("a b")).doesNotExist();
        ssh.removeTree("~/a b", T); // absent: fine
        assertThatThrownBy(() -> ssh.removeTree("/", T)).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> ssh.removeTree("~", T)).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> ssh.removeTree("/work", T)).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> ssh.removeTree("runs/../..", T)).isInstanceOf(UnsafeArgumentException.class);
        assertThatThrownBy(() -> ssh.mkdirs("/proc/kkr4j-cannot", T))
                .isInstanceOf(RemoteOperationException.class).hasMessageContaining("mkdir");
    }

    @Test
    void aSlowCommandTimesOutAndTheSessionIsKept() throws Exception {
        SshTransport ssh = transport(server.settings("hpc"));
        assertThatThrownBy(() -> ssh.run(List.of("sleep", "5"), Duration.ofMillis(400)))
                .isInstanceOf(TransportTimeoutException.class).hasMessageContaining("400 ms");
        assertThat(ssh.run(List.of("echo", "still here"), T).stdout()).isEqualTo("still here\n");
        assertThat(server.sessionsCreated.get()).isEqualTo(1);
    }

    @Test
    void heartbeatsKeepTheIdleSessionAlive() throws Exception {
        SshTransport ssh = transport(server.settings("hpc").withHeartbeatInterval(Duration.ofMillis(300)));
        ssh.run(List.of("true"), T);
        Thread.sleep(2000); // several heartbeats, all answered
        assertThat(ssh.isConnected()).isTrue();
        ssh.run(List.of("true"), T);
        assertThat(server.sessionsCreated.get()).isEqualTo(1);
    }

    @Test
    void serverStoppedMidTransferThenRestartedReconnectsAfterBackoffAndTheRetrySucceeds() throws Exception {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(200), Duration.ofMillis(1500),
                Duration.ofSeconds(10));
        SshTransport ssh = transport(server.settings("hpc").withReconnect(policy));
        Path big = Files.createDirectories(tmp.resolve("big"));
        byte[] noise = new byte[4 * 1024 * 1024];
        new Random(6).nextBytes(noise);
        Files.write(big.resolve("pot.dat"), noise);
        List<UploadEntry> upload = List.of(new UploadEntry(big, "run1"));

        server.stopAfterStdinBytes = 512 * 1024;
        assertThatThrownBy(() -> ssh.upload(upload, "work", T))
                .isInstanceOf(ConnectionLostException.class).hasMessageContaining("upload to work");
        server.stopAfterStdinBytes = -1;
        long attempts = ssh.stats().connectionAttempts();

        // Server down: the first call tries (and fails) after the cooldown; the next is held off.
        assertThatThrownBy(() -> ssh.run(List.of("true"), T)).isInstanceOf(TransportUnavailableException.class);
        assertThat(ssh.stats().connectionAttempts()).isEqualTo(attempts + 1);
        TransportUnavailableException heldOff = org.junit.jupiter.api.Assertions.assertThrows(
                TransportUnavailableException.class, () -> ssh.run(List.of("true"), Duration.ofMillis(100)));
        assertThat(heldOff.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(ssh.stats().connectionAttempts()).isEqualTo(attempts + 1);

        server.start();
        long t0 = System.nanoTime();
        ssh.upload(upload, "work", T); // the caller's retry: whole tar again
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(Files.readAllBytes(server.home.resolve("work/run1/pot.dat"))).isEqualTo(noise);
        assertThat(ssh.stats().connectionsOpened()).isEqualTo(2);
        assertThat(ssh.stats().connectionAttempts()).isEqualTo(attempts + 2);
    }

    @Test
    void downloadCutOffMidStreamIsAConnectionLossAndLeavesNoHalfFiles() throws Exception {
        SshTransport ssh = transport(server.settings("hpc").withReconnect(
                new ReconnectPolicy(Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(1))));
        byte[] noise = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(noise);
        Files.createDirectories(server.home.resolve("w/r"));
        Files.write(server.home.resolve("w/r/big.dat"), noise);
        server.stopAfterStdoutBytes = 256 * 1024;
        Path back = tmp.resolve("back");
        assertThatThrownBy(() -> ssh.download("w", List.of("r/big.dat"), back, T))
                .isInstanceOf(ConnectionLostException.class);
        assertThat(back.resolve("r/big.dat")).doesNotExist();
        server.stopAfterStdoutBytes = -1;
        server.start();
        DownloadResult again = ssh.download("w", List.of("r/big.dat"), back, T);
        assertThat(again.files()).containsExactly("r/big.dat");
        assertThat(Files.readAllBytes(back.resolve("r/big.dat"))).isEqualTo(noise);
    }

    @Test
    void wrongKeyIsAClearAuthenticationErrorNamingUserAndHost() throws Exception {
        Path other = TestSshServer.writePrivateKey(TestSshServer.newKeyPair(), tmp.resolve("other_key"));
        SshTransport ssh = transport(server.settings("hpc").withIdentityFiles(List.of(other)));
        assertThatThrownBy(() -> ssh.run(List.of("true"), T))
                .isInstanceOf(TransportAuthenticationException.class)
                .hasMessageContaining("kkr@127.0.0.1:" + server.port())
                .hasMessageContaining(other.toString());
        assertThat(ssh.stats().connectionsOpened()).isZero();
    }

    @Test
    void missingKeyFileIsNamedInTheAuthenticationError() {
        Path absent = tmp.resolve("no_such_key");
        SshTransport ssh = transport(server.settings("hpc").withIdentityFiles(List.of(absent)));
        assertThatThrownBy(() -> ssh.run(List.of("true"), T))
                .isInstanceOf(TransportAuthenticationException.class)
                .hasMessageContaining(absent + " does not exist");
    }

    @Test
    void knownHostsAreChecked() throws Exception {
        Path knownHosts = tmp.resolve("kh");
        SshTransport strict = transport(server.settings("hpc").withKnownHosts(knownHosts, HostKeyPolicy.STRICT));
        assertThatThrownBy(() -> strict.run(List.of("true"), T))
                .isInstanceOf(HostKeyRejectedException.class).hasMessageContaining("STRICT");

        SshTransport acceptNew = transport(server.settings("hpc2").withKnownHosts(knownHosts, HostKeyPolicy.ACCEPT_NEW));
        assertThat(acceptNew.run(List.of("true"), T).exitCode()).isZero();
        assertThat(Files.readString(knownHosts)).contains("127.0.0.1");
        acceptNew.close();

        SshTransport strictNow = transport(server.settings("hpc3").withKnownHosts(knownHosts, HostKeyPolicy.STRICT));
        assertThat(strictNow.run(List.of("true"), T).exitCode()).isZero();
        strictNow.close();

        // The host's key changes (same port, new key): refused even under accept-new.
        server.stop();
        Files.delete(server.hostKeyFile);
        server.start();
        SshTransport changed = transport(server.settings("hpc4").withKnownHosts(knownHosts, HostKeyPolicy.ACCEPT_NEW));
        assertThatThrownBy(() -> changed.run(List.of("true"), T))
                .isInstanceOf(HostKeyRejectedException.class).hasMessageContaining("changed");
    }

    @Test
    void sshConfigHostEntryIsHonoured() throws Exception {
        Path config = tmp.resolve("ssh_config");
        Files.writeString(config, "Host login-a\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User "
                + server.user + "\n  IdentityFile " + server.userKeyFile + "\n");
        SshSettings settings = SshSettings.forHost("a", "login-a")
                .withSshConfig(config)
                .withAgentSocket(null)
                .withKnownHosts(tmp.resolve("kh"), HostKeyPolicy.ACCEPT_NEW)
                .withHeartbeatInterval(Duration.ZERO);
        SshTransport ssh = transport(settings);
        assertThat(ssh.effectiveHost().getPort()).isEqualTo(server.port());
        assertThat(ssh.run(List.of("echo", "via config"), T).stdout()).isEqualTo("via config\n");
    }

    @Test
    void proxyJumpGoesThroughTheJumpHost() throws Exception {
        SshTransport ssh = transport(server.settings("behind")
                .withProxyJump(server.user + "@127.0.0.1:" + server.port()));
        assertThat(ssh.run(List.of("echo", "jumped"), T).stdout()).isEqualTo("jumped\n");
        // One session on the jump host plus the tunnelled one to the target (here the same server).
        assertThat(server.sessionsCreated.get()).isEqualTo(2);
        assertThat(ssh.stats().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void poolHandsOutOneTransportPerComputer() throws Exception {
        try (TransportPool pool = new TransportPool(name -> new SshTransport(server.settings(name)))) {
            Transport a = pool.get("a");
            assertThat(pool.get("a")).isSameAs(a);
            assertThat(pool.get("b")).isNotSameAs(a);
            a.run(List.of("true"), T);
            pool.get("a").run(List.of("true"), T);
            assertThat(a.stats().connectionsOpened()).isEqualTo(1);
            pool.evict("a");
            assertThat(pool.get("a")).isNotSameAs(a);
            assertThat(pool.computers()).containsExactlyInAnyOrder("a", "b");
        }
        assertThat(server.sessionsCreated.get()).isEqualTo(1);
    }
}
