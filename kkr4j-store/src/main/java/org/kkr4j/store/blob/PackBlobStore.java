package org.kkr4j.store.blob;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.kkr4j.store.BlobRef;
import org.kkr4j.store.BlobStore;
import org.kkr4j.store.CorruptBlobException;
import org.kkr4j.store.NoSuchBlobException;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.db.Database;
import org.kkr4j.store.db.Hex;

/**
 * Blobs deflated into append-only pack files {@code <home>/blobs/pack-NNNNNN.pack}, indexed by the
 * {@code blob} table. Crash rule: an entry's bytes are written and forced to disk BEFORE its row is
 * committed, so a row never points at bytes that are not there; bytes without a row (a crash in
 * between) are garbage that {@link PackGarbageCollector} removes.
 */
public final class PackBlobStore implements BlobStore {

    public static final String DIRECTORY = "blobs";
    static final Pattern PACK_NAME = Pattern.compile("pack-(\\d{6,})\\.pack");

    private final Path dir;
    private final Database db;
    private final long rollBytes;
    private final PackFile.Opener opener;
    private final PackLock lock;

    public PackBlobStore(Path dir, Database db, long rollBytes, PackFile.Opener opener) {
        this.dir = dir.toAbsolutePath().normalize();
        this.db = db;
        this.rollBytes = rollBytes;
        this.opener = opener;
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the blob directory " + this.dir + ": " + e, e);
        }
        this.lock = new PackLock(this.dir);
    }

    public Path directory() {
        return dir;
    }

    Database database() {
        return db;
    }

    PackLock lock() {
        return lock;
    }

    long rollBytes() {
        return rollBytes;
    }

    PackFile.Opener opener() {
        return opener;
    }

    @Override
    public BlobRef put(byte[] bytes) throws IOException {
        String sha = Sha256.of(bytes);
        if (!contains(sha)) {
            append(sha, bytes.length, () -> new ByteArrayInputStream(bytes), "the given bytes");
        }
        return new BlobRef(sha, bytes.length);
    }

    @Override
    public BlobRef put(Path file) throws IOException {
        Sha256.Digest digest = Sha256.of(file);
        if (!contains(digest.sha256())) {
            append(digest.sha256(), digest.size(), () -> Files.newInputStream(file), "file " + file);
        }
        return new BlobRef(digest.sha256(), digest.size());
    }

    /**
     * Stores a stream whose digest is known in advance (an archive entry), failing if the bytes do not
     * hash to it. A blob already present is still read and checked.
     *
     * @return true when the blob was not stored before
     */
    public boolean putVerified(InputStreamSource source, String sha256, long size, String sourceName) throws IOException {
        if (contains(sha256)) {
            Sha256.Digest actual;
            try (InputStream in = source.open()) {
                actual = Sha256.of(in);
            }
            if (!actual.sha256().equals(sha256) || actual.size() != size) {
                throw new CorruptBlobException(sha256, sourceName, "content hashes to " + actual.sha256()
                        + " (" + actual.size() + " bytes)");
            }
            return false;
        }
        return append(sha256, size, source, sourceName);
    }

    /** Opens the bytes to store; called once, under the pack lock. */
    @FunctionalInterface
    public interface InputStreamSource {
        InputStream open() throws IOException;
    }

    @Override
    public boolean contains(String sha256) {
        byte[] key = Hex.sha256Bytes(sha256, "blob address");
        return db.read("looking up blob " + sha256, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM blob WHERE sha256 = ?")) {
                statement.setBytes(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public byte[] read(String sha256) throws IOException {
        try (InputStream in = open(sha256)) {
            return in.readAllBytes();
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        BlobLocation location = locate(sha256).orElseThrow(() -> new NoSuchBlobException(sha256, describe()));
        FileChannel channel;
        try {
            channel = FileChannel.open(packPath(location.pack()), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            // the garbage collector may have moved the entry into a new pack after we looked it up
            BlobLocation moved = locate(sha256).orElseThrow(() -> new NoSuchBlobException(sha256, describe()));
            if (moved.equals(location)) {
                throw new CorruptBlobException(sha256, where(location), "the pack file is missing");
            }
            location = moved;
            try {
                channel = FileChannel.open(packPath(location.pack()), StandardOpenOption.READ);
            } catch (NoSuchFileException again) {
                throw new CorruptBlobException(sha256, where(location), "the pack file is missing");
            }
        }
        try {
            return openEntry(channel, location);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private InputStream openEntry(FileChannel channel, BlobLocation location) throws IOException {
        String where = where(location);
        ByteBuffer headerBytes = ByteBuffer.allocate(PackEntryHeader.BYTES);
        long at = location.offset();
        while (headerBytes.hasRemaining()) {
            int n = channel.read(headerBytes, at);
            if (n < 0) {
                throw new CorruptBlobException(location.sha256(), where, "the pack ends inside the entry header");
            }
            at += n;
        }
        String[] problem = new String[1];
        PackEntryHeader header = PackEntryHeader.decode(headerBytes.flip(), problem);
        if (header == null) {
            throw new CorruptBlobException(location.sha256(), where, problem[0]);
        }
        if (!Hex.of(header.sha256()).equals(location.sha256()) || header.rawSize() != location.size()
                || header.storedSize() != location.storedSize()) {
            throw new CorruptBlobException(location.sha256(), where, "the entry header does not match the blob's row");
        }
        if (location.offset() + PackEntryHeader.BYTES + header.storedSize() > channel.size()) {
            throw new CorruptBlobException(location.sha256(), where, "the pack ends inside the entry");
        }
        channel.position(location.offset() + PackEntryHeader.BYTES);
        InputStream stored = new BoundedInputStream(Channels.newInputStream(channel), header.storedSize());
        Inflater inflater = new Inflater();
        InputStream inflated = new InflaterInputStream(new BufferedInputStream(stored, 64 * 1024), inflater, 64 * 1024);
        return new VerifyingInputStream(inflated, location.sha256(), location.size(), where, () -> {
            inflater.end();
            channel.close();
        });
    }

    @Override
    public void copyTo(String sha256, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".part");
        try {
            try (InputStream in = open(sha256)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Total bytes of all pack files. */
    public long packBytes() {
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                if (PACK_NAME.matcher(file.getFileName().toString()).matches()) {
                    total += Files.size(file);
                }
            }
            return total;
        } catch (IOException e) {
            throw new StoreException("cannot list the blob directory " + dir + ": " + e, e);
        }
    }

    Optional<BlobLocation> locate(String sha256) {
        byte[] key = Hex.sha256Bytes(sha256, "blob address");
        return db.read("looking up blob " + sha256, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT size, stored_size, codec, pack, pack_offset FROM blob WHERE sha256 = ?")) {
                statement.setBytes(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new BlobLocation(sha256, rows.getLong(1), rows.getLong(2), rows.getString(3),
                            rows.getInt(4), rows.getLong(5)));
                }
            }
        });
    }

    /** Appends one entry and records its row; returns false when another writer stored it meanwhile. */
    @SuppressWarnings("try") // the held lock is only released by the try
    private boolean append(String sha256, long size, InputStreamSource source, String sourceName) throws IOException {
        if (db.inWriteTransaction()) {
            throw new IllegalStateException("blobs are stored before, not inside, a metadata transaction");
        }
        byte[] key = Hex.sha256Bytes(sha256, "blob address");
        try (PackLock.Held held = lock.acquire()) {
            if (contains(sha256)) {
                return false;
            }
            int pack = currentPack();
            Path path = packPath(pack);
            try (PackFile file = opener.open(path)) {
                long start = file.size();
                long stored;
                try {
                    try (InputStream in = source.open()) {
                        stored = writePayload(in, file, start + PackEntryHeader.BYTES, sha256, size, sourceName);
                    }
                    file.write(new PackEntryHeader(PackEntryHeader.CODEC_DEFLATE, size, stored, key).encode(), start);
                    file.force();
                } catch (IOException | RuntimeException e) {
                    cutBack(file, start, e);
                    if (isDiskFull(e)) {
                        throw new StoreException("disk full: cannot append blob " + sha256 + " (" + size + " bytes, from "
                                + sourceName + ") to " + path + " (" + e.getMessage() + "); the partial entry was removed", e);
                    }
                    throw e;
                }
                try {
                    recordRow(key, size, stored, pack, start);
                } catch (RuntimeException e) {
                    cutBack(file, start, e);
                    throw e;
                }
            }
            return true;
        }
    }

    private static long writePayload(InputStream in, PackFile file, long position, String sha256, long size,
                                     String sourceName) throws IOException {
        PackOutputStream out = new PackOutputStream(file, position);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        MessageDigest digest = Sha256.newDigest();
        long read = 0;
        try {
            DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater, 64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                read += n;
                deflating.write(buffer, 0, n);
            }
            deflating.finish();
            out.flush();
        } finally {
            deflater.end();
        }
        String actual = Hex.of(digest.digest());
        if (!actual.equals(sha256) || read != size) {
            throw new CorruptBlobException(sha256, sourceName, "changed while being stored: now " + read
                    + " bytes hashing to " + actual);
        }
        return out.count();
    }

    private void recordRow(byte[] key, long size, long stored, int pack, long offset) {
        db.write("recording a blob", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO blob (sha256, size, stored_size, codec, pack, pack_offset, created) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                statement.setBytes(1, key);
                statement.setLong(2, size);
                statement.setLong(3, stored);
                statement.setString(4, PackEntryHeader.CODEC_DEFLATE_NAME);
                statement.setInt(5, pack);
                statement.setLong(6, offset);
                statement.setLong(7, System.currentTimeMillis());
                statement.executeUpdate();
            }
            return null;
        });
    }

    private static void cutBack(PackFile file, long size, Throwable cause) {
        try {
            file.truncate(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** The pack new entries go to: the newest one, or a new one once it reached the roll size. */
    int currentPack() throws IOException {
        int newest = newestPack();
        if (newest == 0) {
            return 1;
        }
        Path path = packPath(newest);
        return Files.exists(path) && Files.size(path) >= rollBytes ? newest + 1 : newest;
    }

    int newestPack() throws IOException {
        int newest = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = PACK_NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        return newest;
    }

    Path packPath(int pack) {
        return dir.resolve(String.format("pack-%06d.pack", pack));
    }

    String where(BlobLocation location) {
        return packPath(location.pack()) + " at offset " + location.offset();
    }

    private String describe() {
        return "the blob store " + dir + " (" + db.description() + ")";
    }

    /** Limits a stream to the stored bytes of one entry. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(bytes, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
