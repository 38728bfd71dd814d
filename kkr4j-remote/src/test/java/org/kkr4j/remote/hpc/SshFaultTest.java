package org.kkr4j.remote.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.transport.ConnectionLostException;
import org.kkr4j.remote.transport.SshTransport;
import org.kkr4j.remote.transport.Transport;
import org.kkr4j.remote.transport.TransportPool;
import org.kkr4j.remote.transport.TransportStats;
import org.kkr4j.remote.transport.TransportUnavailableException;
import org.kkr4j.remote.transport.UploadEntry;

/**
 * The real OpenSSH server of {@code .ci/hpc-start}: one connection per computer under many callers, and sshd
 * killed (SIGKILL, listener and sessions) in the middle of an upload and of a download: the transfer fails
 * as a lost connection, and once sshd is back the repeated transfer brings exactly the expected files.
 */
@HpcTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshFaultTest {
    private static final Duration T = Duration.ofSeconds(120);
    private static final long BIG_BYTES = 192L << 20;
    private static final long KILL_AFTER_BYTES = 16L << 20;
    /** Suffix of a downloaded file while it is being written (TarTransfers). */
    private static final String PART_SUFFIX = ".kkr4j-part";

    private static HpcComputer hpc;
    private static ExecutorService threads;
    private static final List<String> remoteDirs = new ArrayList<>();

    @TempDir
    Path local;

    @BeforeAll
    static void computer() {
        hpc = HpcComputer.require();
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (hpc == null) {
            return;
        }
        threads.shutdownNow();
        hpc.ctl("sshd-start");
        try (SshTransport ssh = new SshTransport(hpc.settings("cleanup"))) {
            for (String d : remoteDirs) {
                ssh.removeTree(d, T);
            }
        }
    }

    @Test
    @Order(1)
    void manyConcurrentCallersShareOneConnection() throws Exception {
        int baseline = hpc.serverSideConnections();
        AtomicInteger mostSeen = new AtomicInteger();
        try (TransportPool pool = new TransportPool(c -> new SshTransport(hpc.settings(c)))) {
            List<Future<CommandResult>> calls = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                calls.add(threads.submit(() -> pool.get("hpc-a").run(List.of("sh", "-c", "sleep 0.2; echo $PPID"), T)));
            }
            while (!calls.stream().allMatch(Future::isDone)) {
                mostSeen.accumulateAndGet(hpc.serverSideConnections() - baseline, Math::max);
                Thread.sleep(100);
            }
            for (Future<CommandResult> c : calls) {
                assertThat(c.get().exitCode()).isZero();
            }
            TransportStats stats = pool.get("hpc-a").stats();
            assertThat(stats.connectionsOpened()).isEqualTo(1);
            assertThat(stats.connectionAttempts()).isEqualTo(1);
            assertThat(stats.commandsRun()).isEqualTo(96);
            assertThat(stats.peakConcurrentCommands()).isBetween(2, 4);
            assertThat(pool.computers()).containsExactly("hpc-a");
            assertThat(hpc.serverSideConnections() - baseline).as("sshd's view").isEqualTo(1);
        }
        assertThat(mostSeen.get()).as("most connections sshd ever saw from the pool").isEqualTo(1);
    }

    @Test
    @Order(2)
    void sshdKilledDuringAnUploadThenTheRepeatedUploadBringsExactlyTheFiles() throws Exception {
        Path payload = Files.createDirectories(local.resolve("payload"));
        writeRandom(payload.resolve("big.bin"), BIG_BYTES, 1);
        Files.createDirectories(payload.resolve("small"));
        Files.writeString(payload.resolve("small/a.txt"), "a\n");
        Files.writeString(payload.resolve("small/b c.txt"), "b c\n");
        String root = remote("up");
        try (SshTransport ssh = new SshTransport(hpc.settings("fault-up"))) {
            ssh.mkdirs(root, T);
            List<UploadEntry> entries = List.of(new UploadEntry(payload, "payload"));
            Future<Void> upload = threads.submit(() -> {
                ssh.upload(entries, root, T);
                return null;
            });
            killSshdWhen(() -> bytes(root) > KILL_AFTER_BYTES, upload);
            assertThat(failureOf(upload)).isInstanceOf(ConnectionLostException.class);
            hpc.ctl("sshd-start");
            assertThat(hpc.remoteBytes(root)).as("the broken upload stopped part-way").isLessThan(BIG_BYTES);

            retrying(() -> {
                ssh.upload(entries, root, T);
                return null;
            });
            CommandResult listing = ssh.run(List.of("sh", "-c",
                    "cd \"$1\" && find . -type f | LC_ALL=C sort && sha256sum payload/big.bin", "sh", root), T);
            assertThat(listing.exitCode()).as(listing.stderr()).isZero();
            assertThat(listing.stdout()).isEqualTo("./payload/big.bin\n./payload/small/a.txt\n"
                    + "./payload/small/b c.txt\n" + sha256(payload.resolve("big.bin")) + "  payload/big.bin\n");
            assertThat(ssh.stats().connectionsOpened()).as("the first, and one after the restart").isEqualTo(2);
            assertThat(hpc.serverSideConnections()).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void sshdKilledDuringADownloadThenTheRepeatedDownloadBringsExactlyTheFiles() throws Exception {
        String root = remote("down");
        Path into = local.resolve("into");
        try (SshTransport ssh = new SshTransport(hpc.settings("fault-down"))) {
            CommandResult made = ssh.run(List.of("sh", "-c", "mkdir -p \"$1/d/sub\" && cd \"$1/d\" && "
                    + "head -c " + BIG_BYTES + " /dev/urandom > big.bin && echo small > sub/small.txt && "
                    + "sha256sum big.bin", "sh", root), T);
            assertThat(made.exitCode()).as(made.stderr()).isZero();
            String remoteSum = made.stdout().split("\\s+")[0];

            Future<Void> download = threads.submit(() -> {
                ssh.download(root, List.of("d", "absent.txt"), into, T);
                return null;
            });
            Path part = into.resolve("d/big.bin" + PART_SUFFIX);
            killSshdWhen(() -> size(part) > KILL_AFTER_BYTES, download);
            assertThat(failureOf(download)).isInstanceOf(ConnectionLostException.class);
            assertThat(into.resolve("d/big.bin")).as("a cut-off file never appears under its name").doesNotExist();
            hpc.ctl("sshd-start");

            var result = retrying(() -> ssh.download(root, List.of("d", "absent.txt"), into, T));
            assertThat(result.files()).containsExactlyInAnyOrder("d/big.bin", "d/sub/small.txt");
            assertThat(result.missing()).containsExactly("absent.txt");
            try (var all = Files.walk(into)) {
                assertThat(all.filter(Files::isRegularFile).map(p -> into.relativize(p).toString()).sorted().toList())
                        .containsExactly("d/big.bin", "d/sub/small.txt");
            }
            assertThat(sha256(into.resolve("d/big.bin"))).isEqualTo(remoteSum);
            assertThat(Files.readString(into.resolve("d/sub/small.txt"))).isEqualTo("small\n");
            assertThat(ssh.stats().connectionsOpened()).isEqualTo(2);
        }
    }

    private static String remote(String name) {
        String d = hpc.remoteDir(name);
        remoteDirs.add(d);
        return d;
    }

    private static long bytes(String remotePath) {
        try {
            return hpc.remoteBytes(remotePath);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Kills sshd once {@code condition} holds; fails if the transfer finished first (nothing was tested). */
    private static void killSshdWhen(BooleanSupplier condition, Future<?> transfer) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(transfer.isDone()).as("the transfer ended before sshd could be killed").isFalse();
            assertThat(Instant.now()).as("the transfer did not get going").isBefore(deadline);
            Thread.sleep(20);
        }
        hpc.ctl("sshd-kill");
    }

    private static Throwable failureOf(Future<?> transfer) throws Exception {
        try {
            transfer.get();
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the transfer succeeded although sshd was killed during it");
    }

    /** Repeats an operation while the transport holds off reconnecting (its backoff after the failure). */
    private static <V> V retrying(Callable<V> op) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                return op.call();
            } catch (TransportUnavailableException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(e.retryAfter().orElse(Duration.ofMillis(500)).toMillis() + 50);
            }
        }
    }

    private static void writeRandom(Path file, long bytes, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        block[i + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(block);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
