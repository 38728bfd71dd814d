package org.kkr4j.store.blob;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fixed header in front of every pack entry. It repeats what the database row says (digest, sizes,
 * codec) so a pack can be checked or rebuilt without the database and a torn or foreign entry is
 * recognised instead of being inflated blindly.
 *
 * <pre>
 *   0  4  magic "KKRB"
 *   4  1  codec (1 = deflate)
 *   5  3  reserved (0)
 *   8  8  uncompressed size, big-endian
 *  16  8  stored (compressed) size, big-endian
 *  24 32  SHA-256 of the uncompressed bytes
 *  56     stored bytes follow
 * </pre>
 */
record PackEntryHeader(byte codec, long rawSize, long storedSize, byte[] sha256) {

    static final int BYTES = 56;
    static final byte CODEC_DEFLATE = 1;
    static final String CODEC_DEFLATE_NAME = "deflate";
    private static final byte[] MAGIC = {'K', 'K', 'R', 'B'};

    ByteBuffer encode() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        buffer.put(MAGIC).put(codec).put(new byte[3]).putLong(rawSize).putLong(storedSize).put(sha256);
        return buffer.flip();
    }

    /** @return the header, or null with {@code problem[0]} set when the bytes are not a valid header */
    static PackEntryHeader decode(ByteBuffer buffer, String[] problem) {
        byte[] magic = new byte[4];
        buffer.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            problem[0] = "no entry header (bad magic)";
            return null;
        }
        byte codec = buffer.get();
        buffer.position(buffer.position() + 3);
        long raw = buffer.getLong();
        long stored = buffer.getLong();
        byte[] sha = new byte[32];
        buffer.get(sha);
        if (codec != CODEC_DEFLATE) {
            problem[0] = "unknown codec " + codec;
            return null;
        }
        if (raw < 0 || stored < 0) {
            problem[0] = "negative size in the entry header";
            return null;
        }
        return new PackEntryHeader(codec, raw, stored, sha);
    }
}
