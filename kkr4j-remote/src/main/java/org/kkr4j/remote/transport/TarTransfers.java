package org.kkr4j.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The local half of tar transfers: packing upload entries, unpacking a download under a local root. */
final class TarTransfers {
    /** Suffix of a file still being written; it is renamed once complete, so a reader never sees half a file. */
    static final String PART_SUFFIX = ".kkr4j-part";

    private TarTransfers() {
    }

    /** Writes every entry (directories recursively) as one tar stream, ending it properly. */
    static void pack(List<UploadEntry> entries, OutputStream out) throws IOException {
        TarWriter tar = new TarWriter(out);
        for (UploadEntry entry : entries) {
            Path local = entry.local();
            if (Files.isDirectory(local)) {
                List<Path> tree;
                try (Stream<Path> walk = Files.walk(local)) {
                    tree = walk.sorted().toList();
                }
                for (Path p : tree) {
                    String rel = local.relativize(p).toString().replace('\\', '/');
                    String name = rel.isEmpty() ? entry.remotePath() : entry.remotePath() + "/" + rel;
                    packOne(tar, p, name);
                }
            } else if (Files.isRegularFile(local)) {
                packOne(tar, local, entry.remotePath());
            } else {
                throw new IOException("upload source is neither a file nor a directory: " + local);
            }
        }
        tar.finish();
    }

    private static void packOne(TarWriter tar, Path p, String name) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
        long mtime = attrs.lastModifiedTime().toMillis() / 1000;
        if (attrs.isDirectory()) {
            tar.directory(name, mode(p, 0755), mtime);
        } else if (attrs.isRegularFile()) {
            try (InputStream in = Files.newInputStream(p)) {
                tar.file(name, mode(p, 0644), mtime, attrs.size(), in);
            }
        }
        // Sockets, fifos and devices have no place in a run directory; they are left out.
    }

    private static int mode(Path p, int fallback) throws IOException {
        try {
            int mode = 0;
            for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) {
                mode |= 1 << (8 - perm.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException e) {
            return fallback;
        }
    }

    /**
     * Unpacks a download under {@code localRoot}. Members must be relative and stay inside the root
     * (anything else is a {@link TarFormatException}); symbolic links and special files are skipped.
     */
    static Unpacked unpack(InputStream in, String source, List<String> requested, Path localRoot)
            throws IOException {
        Path root = localRoot.toAbsolutePath().normalize();
        Files.createDirectories(root);
        TarReader reader = new TarReader(in, source);
        List<String> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        TarEntry entry;
        while ((entry = reader.next()) != null) {
            if (entry.type() == TarEntry.Type.DIRECTORY && entry.name().matches("(\\./?)+|/")) {
                continue; // the archive's own root ("./"), which "tar -cf - ." writes first
            }
            String name = memberName(entry.name(), source);
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new TarFormatException(source + ": member \"" + entry.name() + "\" lies outside " + root);
            }
            seen.add(name);
            switch (entry.type()) {
                case DIRECTORY -> Files.createDirectories(target);
                case FILE -> {
                    Files.createDirectories(target.getParent());
                    Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
                    try (OutputStream out = Files.newOutputStream(part)) {
                        reader.data().transferTo(out);
                    }
                    finish(part, target, entry);
                    files.add(name);
                    bytes += entry.sizeBytes();
                }
                case HARDLINK -> {
                    // tar writes a file met twice as a link to its first copy; repeat the copy locally.
                    Path first = root.resolve(memberName(entry.linkName(), source)).normalize();
                    if (first.startsWith(root) && Files.isRegularFile(first, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target.getParent());
                        if (!first.equals(target)) {
                            Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
                            Files.copy(first, part, StandardCopyOption.REPLACE_EXISTING);
                            finish(part, target, entry);
                        }
                        if (!files.contains(name)) {
                            files.add(name);
                        }
                    }
                }
                case SYMLINK, OTHER -> seen.remove(name);
            }
        }
        // tar pads its output to whole records (10 KiB): read the padding so the channel can finish.
        in.transferTo(OutputStream.nullOutputStream());
        List<String> missing = new ArrayList<>();
        for (String want : new LinkedHashSet<>(requested)) {
            boolean found = seen.contains(want) || seen.stream().anyMatch(s -> s.startsWith(want + "/"));
            if (!found) {
                missing.add(want);
            }
        }
        return new Unpacked(new DownloadResult(files, missing, bytes), reader.wasEmpty());
    }

    /** @param noArchive the stream held no bytes at all (the remote side never started tar) */
    record Unpacked(DownloadResult result, boolean noArchive) {
    }

    private static void finish(Path part, Path target, TarEntry entry) throws IOException {
        Files.setLastModifiedTime(part, FileTime.fromMillis(entry.mtimeSeconds() * 1000));
        if ((entry.mode() & 0100) != 0) {
            part.toFile().setExecutable(true, true);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String memberName(String raw, String source) throws TarFormatException {
        try {
            return RemotePaths.relative(raw, "tar member");
        } catch (UnsafeArgumentException e) {
            throw new TarFormatException(source + ": " + e.getMessage());
        }
    }
}
