package org.kkr4j.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.kkr4j.store.GcSummary;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.db.Hex;

/**
 * Deletes blob rows no {@code node_file} row references (older than a minimum age), then deletes packs
 * without live entries and rewrites packs whose garbage exceeds half their size. Holds the pack lock
 * throughout, so no blob is appended meanwhile.
 *
 * <p>Crash safety of a rewrite: the live entries are copied into a NEW pack and forced; only then are
 * the rows moved to it in one transaction, and only then is the old pack deleted. A crash before the
 * move leaves an unreferenced new pack; a crash after it leaves an old pack without live entries; the
 * next collection deletes either.
 */
public final class PackGarbageCollector {

    private final PackBlobStore blobs;

    public PackGarbageCollector(PackBlobStore blobs) {
        this.blobs = blobs;
    }

    @SuppressWarnings("try") // the held lock is only released by the try
    public GcSummary collect(Duration minAge) {
        try (PackLock.Held held = blobs.lock().acquire()) {
            long cutoff = System.currentTimeMillis() - minAge.toMillis();
            int removed = deleteUnreferencedRows(cutoff);
            long freed = 0;
            int rewritten = 0;
            Map<Integer, Long> live = liveBytesByPack();
            List<Integer> toRewrite = new ArrayList<>();
            for (Map.Entry<Integer, Path> pack : packFiles().entrySet()) {
                long size = Files.size(pack.getValue());
                long liveBytes = live.getOrDefault(pack.getKey(), 0L);
                if (liveBytes == 0) {
                    Files.delete(pack.getValue());
                    freed += size;
                } else if (size - liveBytes > size / 2) {
                    toRewrite.add(pack.getKey());
                }
            }
            if (!toRewrite.isEmpty()) {
                freed += rewrite(toRewrite);
                rewritten = toRewrite.size();
            }
            return new GcSummary(removed, freed, rewritten, countRows());
        } catch (IOException e) {
            throw new StoreException("garbage collection of " + blobs.directory() + " failed: " + e, e);
        }
    }

    private int deleteUnreferencedRows(long cutoff) {
        return blobs.database().write("deleting unreferenced blobs", connection -> {
            List<byte[]> garbage = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT b.sha256 FROM blob b WHERE b.created <= ? "
                    + "AND NOT EXISTS (SELECT 1 FROM node_file f WHERE f.sha256 = b.sha256)")) {
                select.setLong(1, cutoff);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        garbage.add(rows.getBytes(1));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM blob WHERE sha256 = ?")) {
                for (byte[] sha : garbage) {
                    delete.setBytes(1, sha);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return garbage.size();
        });
    }

    private Map<Integer, Long> liveBytesByPack() {
        return blobs.database().read("measuring live blobs", connection -> {
            Map<Integer, Long> live = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT pack, count(*), sum(stored_size) FROM blob GROUP BY pack")) {
                while (rows.next()) {
                    live.put(rows.getInt(1), rows.getLong(2) * PackEntryHeader.BYTES + rows.getLong(3));
                }
            }
            return live;
        });
    }

    private Map<Integer, Path> packFiles() throws IOException {
        Map<Integer, Path> packs = new TreeMap<>();
        try (Stream<Path> files = Files.list(blobs.directory())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = PackBlobStore.PACK_NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    packs.put(Integer.parseInt(m.group(1)), file);
                }
            }
        }
        return packs;
    }

    private record Move(byte[] sha256, int pack, long offset) {
    }

    /** Copies the live entries of {@code packs} into new packs; returns the bytes freed. */
    private long rewrite(List<Integer> packs) throws IOException {
        int target = blobs.newestPack() + 1;
        List<Integer> written = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        long oldBytes = 0;
        long newBytes = 0;
        PackFile out = null;
        try {
            out = blobs.opener().open(blobs.packPath(target));
            written.add(target);
            long position = 0;
            for (int pack : packs) {
                Path path = blobs.packPath(pack);
                oldBytes += Files.size(path);
                try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
                    for (BlobLocation entry : entries(pack)) {
                        verify(entry);
                        if (position > 0 && position >= blobs.rollBytes()) {
                            out.force();
                            newBytes += out.size();
                            out.close();
                            target++;
                            out = blobs.opener().open(blobs.packPath(target));
                            written.add(target);
                            position = 0;
                        }
                        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(PackEntryHeader.BYTES + entry.storedSize()));
                        long at = entry.offset();
                        while (bytes.hasRemaining()) {
                            int n = in.read(bytes, at);
                            if (n < 0) {
                                throw new IOException("pack " + path + " ends inside the entry at " + entry.offset());
                            }
                            at += n;
                        }
                        bytes.flip();
                        int length = bytes.remaining();
                        out.write(bytes, position);
                        moves.add(new Move(Hex.sha256Bytes(entry.sha256(), "blob"), target, position));
                        position += length;
                    }
                }
            }
            out.force();
            newBytes += out.size();
            out.close();
            out = null;
        } catch (IOException | RuntimeException e) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            for (int pack : written) {
                Files.deleteIfExists(blobs.packPath(pack));
            }
            throw e;
        }
        blobs.database().write("moving blobs to rewritten packs", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE blob SET pack = ?, pack_offset = ? WHERE sha256 = ?")) {
                for (Move move : moves) {
                    update.setInt(1, move.pack());
                    update.setLong(2, move.offset());
                    update.setBytes(3, move.sha256());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
        for (int pack : packs) {
            Files.deleteIfExists(blobs.packPath(pack));
        }
        return oldBytes - newBytes;
    }

    /** A damaged entry must not be carried into a new pack as if it were fine. */
    private void verify(BlobLocation entry) throws IOException {
        try (InputStream in = blobs.open(entry.sha256())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private List<BlobLocation> entries(int pack) {
        return blobs.database().read("listing the entries of pack " + pack, connection -> {
            List<BlobLocation> entries = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT sha256, size, stored_size, codec, pack_offset FROM blob WHERE pack = ? ORDER BY pack_offset")) {
                statement.setInt(1, pack);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new BlobLocation(Hex.of(rows.getBytes(1)), rows.getLong(2), rows.getLong(3),
                                rows.getString(4), pack, rows.getLong(5)));
                    }
                }
            }
            return entries;
        });
    }

    private int countRows() {
        return blobs.database().read("counting blobs", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM blob")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
