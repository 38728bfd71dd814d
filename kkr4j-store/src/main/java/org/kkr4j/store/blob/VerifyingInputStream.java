package org.kkr4j.store.blob;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.zip.ZipException;
import org.kkr4j.store.CorruptBlobException;
import org.kkr4j.store.db.Hex;

/**
 * The inflated bytes of one pack entry, hashed as they are read. At the end of the stream the length
 * and the SHA-256 must match the blob's address, else {@link CorruptBlobException}; a stream the caller
 * abandons early is not checked.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final MessageDigest digest = Sha256.newDigest();
    private final String sha256;
    private final long expectedSize;
    private final String where;
    private final AutoCloseable resources;
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream inflated, String sha256, long expectedSize, String where, AutoCloseable resources) {
        super(inflated);
        this.sha256 = sha256;
        this.expectedSize = expectedSize;
        this.where = where;
        this.resources = resources;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(bytes, offset, length);
        } catch (ZipException | EOFException e) {
            throw new CorruptBlobException(sha256, where, "compressed bytes are damaged (" + e.getMessage() + ")");
        }
        if (n < 0) {
            verify();
            return -1;
        }
        digest.update(bytes, offset, n);
        count += n;
        if (count > expectedSize) {
            throw new CorruptBlobException(sha256, where, "inflates to more than its recorded " + expectedSize + " bytes");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() {
        if (verified) {
            return;
        }
        if (count != expectedSize) {
            throw new CorruptBlobException(sha256, where, "inflates to " + count + " bytes, recorded " + expectedSize);
        }
        String actual = Hex.of(digest.digest());
        if (!actual.equals(sha256)) {
            throw new CorruptBlobException(sha256, where, "content hashes to " + actual);
        }
        verified = true;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            try {
                resources.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
