package org.kkr4j.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The parsed manifests of earlier calls, kept in one binary file so that a call does not start the JSON
 * parser (about 0.1 s of the 0.2 s a call costs). Only an optimisation: any doubt means "parse again".
 *
 * <p>An entry is used only when its manifest still has the recorded size and modification time, and that
 * time lies more than {@link #RACY_MARGIN_NANOS} before the cache file's own modification time: a manifest
 * changed within the file system's timestamp granularity of the cache write could keep its time, so such
 * entries are never trusted (the "racy" rule of git's index). Card, log and output files are not cached;
 * they are read from the recordings on every call. The file is replaced atomically, so concurrent calls
 * see either the old or the new one; an unreadable or foreign file is ignored.
 */
final class IndexCache {

    /** Two seconds covers the coarsest common timestamp resolution (FAT). */
    static final long RACY_MARGIN_NANOS = 2_000_000_000L;

    private static final int MAGIC = 0x4b524958; // "KRIX"
    private static final int VERSION = 1;

    /** A parsed manifest with the file state it was parsed from. */
    record Entry(Path manifest, long sizeBytes, long modifiedNanos, Recording recording) {
    }

    private IndexCache() {
    }

    static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    /**
     * The trustworthy entries of {@code cacheFile} for exactly these roots, by manifest path; empty when
     * the file is missing, unreadable, of another format or written for other roots.
     */
    static Map<Path, Entry> read(Path cacheFile, List<Path> roots) {
        Map<Path, Entry> entries = new HashMap<>();
        byte[] bytes;
        long cacheModifiedNanos;
        try {
            cacheModifiedNanos = nanos(Files.getLastModifiedTime(cacheFile));
            bytes = Files.readAllBytes(cacheFile);
        } catch (IOException e) {
            return entries;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return entries;
            }
            int rootCount = in.readInt();
            if (rootCount != roots.size()) {
                return entries;
            }
            for (Path root : roots) {
                if (!in.readUTF().equals(root.toString())) {
                    return entries;
                }
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                Entry e = readEntry(in);
                if (e.modifiedNanos() < cacheModifiedNanos - RACY_MARGIN_NANOS) {
                    entries.put(e.manifest(), e);
                }
            }
            if (in.read() != -1) {
                entries.clear();
            }
        } catch (IOException | RuntimeException e) {
            // truncated or foreign content: parse the manifests instead
            entries.clear();
        }
        return entries;
    }

    /** Replaces {@code cacheFile}; failures are ignored (the next call parses again). */
    static void write(Path cacheFile, List<Path> roots, Collection<Entry> entries) {
        Path temporary = null;
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(roots.size());
                for (Path root : roots) {
                    out.writeUTF(root.toString());
                }
                out.writeInt(entries.size());
                for (Entry e : entries) {
                    writeEntry(out, e);
                }
            }
            Path parent = cacheFile.toAbsolutePath().getParent();
            temporary = parent.resolve("." + cacheFile.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(temporary, buffer.toByteArray(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temporary, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // an unwritable cache only costs time
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the leftover carries a recognisable name and does not disturb readers
                }
            }
        }
    }

    private static void writeEntry(DataOutputStream out, Entry e) throws IOException {
        Recording r = e.recording();
        out.writeUTF(e.manifest().toString());
        out.writeLong(e.sizeBytes());
        out.writeLong(e.modifiedNanos());
        out.writeUTF(r.directory().toString());
        out.writeUTF(r.code().version());
        out.writeUTF(r.code().build());
        out.writeInt(r.code().threads());
        out.writeInt(r.runs().size());
        for (Recording.Run run : r.runs()) {
            out.writeUTF(run.card().toString());
            out.writeUTF(run.log().toString());
            out.writeInt(run.exitCode());
            out.writeDouble(run.seconds());
            out.writeInt(run.filesInSha256().size());
            for (Map.Entry<String, String> in : run.filesInSha256().entrySet()) {
                out.writeUTF(in.getKey());
                out.writeUTF(in.getValue());
            }
            out.writeInt(run.filesOut().size());
            for (Map.Entry<String, Path> o : run.filesOut().entrySet()) {
                out.writeUTF(o.getKey());
                out.writeUTF(o.getValue().toString());
            }
        }
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        Path manifest = Path.of(in.readUTF());
        long size = in.readLong();
        long modified = in.readLong();
        Path directory = Path.of(in.readUTF());
        Recording.Code code = new Recording.Code(in.readUTF(), in.readUTF(), in.readInt());
        int runCount = in.readInt();
        List<Recording.Run> runs = new ArrayList<>(runCount);
        for (int i = 0; i < runCount; i++) {
            Path card = Path.of(in.readUTF());
            Path log = Path.of(in.readUTF());
            int exit = in.readInt();
            double seconds = in.readDouble();
            int inCount = in.readInt();
            Map<String, String> filesIn = new LinkedHashMap<>();
            for (int k = 0; k < inCount; k++) {
                filesIn.put(in.readUTF(), in.readUTF());
            }
            int outCount = in.readInt();
            Map<String, Path> filesOut = new LinkedHashMap<>();
            for (int k = 0; k < outCount; k++) {
                filesOut.put(in.readUTF(), Path.of(in.readUTF()));
            }
            runs.add(new Recording.Run(i, card, log, exit, seconds, filesIn, filesOut));
        }
        return new Entry(manifest, size, modified, new Recording(directory, manifest, code, runs));
    }
}
