package org.kkr4j.remote.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.kkr4j.remote.CommandResult;

/**
 * The "local" computer: commands are started directly with {@link ProcessBuilder} (no shell, so no
 * quoting), files are copied with java.nio. Relative and "~/" paths are resolved against a home directory
 * (the user's by default, a temporary one in tests), as a login directory would be for SSH.
 */
public final class LocalTransport implements Transport {
    private final String computer;
    private final Path home;
    private final AtomicLong commandsRun = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public LocalTransport(String computer, Path home) {
        this.computer = computer;
        this.home = home.toAbsolutePath().normalize();
    }

    /** The local computer with the user's home directory as its login directory. */
    public static LocalTransport forUserHome(String computer) {
        return new LocalTransport(computer, Path.of(System.getProperty("user.home")));
    }

    @Override
    public String computer() {
        return computer;
    }

    /** Where a transport path lands on this machine. */
    public Path resolve(String path) {
        RemotePaths.check(path, "path");
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2)).normalize();
        }
        return home.resolve(path).normalize();
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException, InterruptedException {
        if (argv.isEmpty()) {
            throw new UnsafeArgumentException("empty command");
        }
        // The JVM encodes arguments in sun.jnu.encoding; refuse what that charset would garble.
        Charset argvCharset = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.get(i);
            if (word == null) {
                throw new UnsafeArgumentException("argument " + i + " is null in " + argv);
            }
            ShellWords.check(word, "argument " + i);
            if (!argvCharset.newEncoder().canEncode(word)) {
                throw new UnsafeArgumentException("argument " + i + " cannot be encoded in " + argvCharset
                        + " (the JVM's sun.jnu.encoding; run with a UTF-8 locale): \"" + word + "\"");
            }
        }
        ProcessBuilder builder = new ProcessBuilder(argv).directory(home.toFile());
        Process process = builder.start();
        commandsRun.incrementAndGet();
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new TransportTimeoutException(computer + ": " + argv + " did not end within "
                        + timeout.toMillis() + " ms and was killed", timeout);
            }
            return new CommandResult(process.exitValue(), utf8(out), utf8(err));
        } finally {
            running.decrementAndGet();
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Thread::startVirtualThread);
    }

    private static String utf8(CompletableFuture<byte[]> bytes) throws IOException, InterruptedException {
        try {
            return new String(bytes.get(), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw new IOException("reading a command's output failed", e.getCause());
        }
    }

    @Override
    public void upload(List<UploadEntry> entries, String remoteRoot, Duration timeout) throws IOException {
        Path root = resolve(remoteRoot);
        Files.createDirectories(root);
        for (UploadEntry entry : entries) {
            copyTree(entry.local(), root.resolve(entry.remotePath()));
        }
    }

    @Override
    public DownloadResult download(String remoteRoot, List<String> relativePaths, Path localRoot, Duration timeout)
            throws IOException {
        Path root = resolve(remoteRoot);
        Path target = localRoot.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        long bytes = 0;
        for (String raw : relativePaths) {
            String rel = RemotePaths.relative(raw, "download path");
            Path source = root.resolve(rel);
            if (!Files.exists(source)) {
                missing.add(rel);
                continue;
            }
            List<Path> tree;
            try (Stream<Path> walk = Files.walk(source)) {
                tree = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : tree) {
                String name = root.relativize(file).toString().replace('\\', '/');
                Path dest = target.resolve(name);
                Files.createDirectories(dest.getParent());
                Path part = dest.resolveSibling(dest.getFileName() + TarTransfers.PART_SUFFIX);
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files.add(name);
                bytes += Files.size(dest);
            }
        }
        return new DownloadResult(files, missing, bytes);
    }

    private static void copyTree(Path source, Path dest) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.createDirectories(dest.getParent());
            Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        if (!Files.isDirectory(source)) {
            throw new IOException("upload source is neither a file nor a directory: " + source);
        }
        List<Path> tree;
        try (Stream<Path> walk = Files.walk(source)) {
            tree = walk.sorted().toList();
        }
        for (Path p : tree) {
            Path d = dest.resolve(source.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(d);
            } else if (Files.isRegularFile(p)) {
                Files.copy(p, d, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @Override
    public void mkdirs(String remoteDir, Duration timeout) throws IOException {
        Files.createDirectories(resolve(remoteDir));
    }

    @Override
    public void removeTree(String remotePath, Duration timeout) throws IOException {
        Path root = resolve(RemotePaths.removable(remotePath));
        if (root.equals(home) || root.getParent() == null) {
            throw new UnsafeArgumentException("refusing to remove \"" + remotePath + "\" (" + root + ")");
        }
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Like rm -rf: links are removed, never followed.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException e) {
                    throw new IOException("could not remove " + dir + ": something was written into it meanwhile", e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public Optional<byte[]> readFile(String remotePath, long maxBytes, Duration timeout) throws IOException {
        Path file = resolve(remotePath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new RemoteOperationException(computer + ": " + file + " is " + size + " bytes, more than the "
                    + maxBytes + " allowed", 1, "");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(buffer);
        }
        return Optional.of(buffer.toByteArray());
    }

    @Override
    public void writeFile(String remotePath, byte[] content, Duration timeout) throws IOException {
        Path file = resolve(remotePath);
        Path part = file.resolveSibling(file.getFileName() + TarTransfers.PART_SUFFIX);
        try (OutputStream out = Files.newOutputStream(part)) {
            out.write(content);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<RemoteFileStat> stat(String remotePath, Duration timeout) throws IOException {
        Path p = resolve(remotePath);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        if (Files.isDirectory(p)) {
            return Optional.of(new RemoteFileStat(RemoteFileStat.Kind.DIRECTORY, 0));
        }
        if (Files.isRegularFile(p)) {
            return Optional.of(new RemoteFileStat(RemoteFileStat.Kind.FILE, Files.size(p)));
        }
        return Optional.of(new RemoteFileStat(RemoteFileStat.Kind.OTHER, 0));
    }

    @Override
    public TransportStats stats() {
        return new TransportStats(0, 0, commandsRun.get(), peak.get());
    }

    @Override
    public void close() {
        // Nothing is held open between calls.
    }
}
