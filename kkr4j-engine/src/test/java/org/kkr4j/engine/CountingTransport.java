package org.kkr4j.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kkr4j.remote.CommandResult;
import org.kkr4j.remote.transport.DownloadResult;
import org.kkr4j.remote.transport.RemoteFileStat;
import org.kkr4j.remote.transport.Transport;
import org.kkr4j.remote.transport.TransportStats;
import org.kkr4j.remote.transport.UploadEntry;

/** A transport that remembers every command run through it (with when), for tests that count scheduler calls. */
final class CountingTransport implements Transport {
    record Command(Instant at, List<String> argv) {
        boolean is(String program) {
            return argv.get(0).equals(program);
        }
    }

    private final Transport inner;
    final List<Command> commands = new CopyOnWriteArrayList<>();
    /** Tar streams sent and fetched. */
    final java.util.concurrent.atomic.AtomicInteger uploads = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger();
    /** Every path asked for in a download, relative to that download's remote root. */
    final List<String> fetched = new CopyOnWriteArrayList<>();

    CountingTransport(Transport inner) {
        this.inner = inner;
    }

    /** Makes {@code engine} open counting transports around {@code open}'s, each added to {@code opened}. */
    static void installOn(Engine engine, java.util.function.Function<org.kkr4j.remote.ComputerSpec, Transport> open,
                          List<CountingTransport> opened) {
        engine.openTransportsWith(spec -> {
            CountingTransport t = new CountingTransport(open.apply(spec));
            opened.add(t);
            return t;
        });
    }

    List<Command> of(String program) {
        return commands.stream().filter(c -> c.is(program)).toList();
    }

    @Override
    public String computer() {
        return inner.computer();
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        commands.add(new Command(Instant.now(), List.copyOf(argv)));
        return inner.run(argv, timeout);
    }

    @Override
    public void upload(List<UploadEntry> entries, String remoteRoot, Duration timeout) throws IOException,
            InterruptedException {
        uploads.incrementAndGet();
        inner.upload(entries, remoteRoot, timeout);
    }

    @Override
    public DownloadResult download(String remoteRoot, List<String> relativePaths, Path localRoot, Duration timeout)
            throws IOException, InterruptedException {
        downloads.incrementAndGet();
        fetched.addAll(relativePaths);
        return inner.download(remoteRoot, relativePaths, localRoot, timeout);
    }

    @Override
    public void mkdirs(String remoteDir, Duration timeout) throws IOException, InterruptedException {
        inner.mkdirs(remoteDir, timeout);
    }

    @Override
    public void removeTree(String remotePath, Duration timeout) throws IOException, InterruptedException {
        inner.removeTree(remotePath, timeout);
    }

    @Override
    public Optional<byte[]> readFile(String remotePath, long maxBytes, Duration timeout) throws IOException,
            InterruptedException {
        return inner.readFile(remotePath, maxBytes, timeout);
    }

    @Override
    public void writeFile(String remotePath, byte[] content, Duration timeout) throws IOException,
            InterruptedException {
        inner.writeFile(remotePath, content, timeout);
    }

    @Override
    public Optional<RemoteFileStat> stat(String remotePath, Duration timeout) throws IOException,
            InterruptedException {
        return inner.stat(remotePath, timeout);
    }

    @Override
    public TransportStats stats() {
        return inner.stats();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
