package org.kkr4j.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a POSIX tar stream (ustar headers, PAX extended headers only where ustar cannot hold a name or a
 * size). Written here rather than taken from a library because a transport needs only files and
 * directories, and ~150 lines are cheaper than another dependency; GNU tar and bsdtar read the result.
 */
final class TarWriter implements AutoCloseable {
    static final int BLOCK = 512;
    /** Largest size that fits the 11 octal digits of a ustar size field. */
    private static final long USTAR_MAX_SIZE = 077777777777L;

    private final OutputStream out;
    private boolean closed;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String name, int mode, long mtimeSeconds) throws IOException {
        String dirName = name.endsWith("/") ? name : name + "/";
        header(dirName, '5', 0, mode, mtimeSeconds);
    }

    /** Writes one regular file whose content is exactly {@code sizeBytes} bytes read from {@code data}. */
    void file(String name, int mode, long mtimeSeconds, long sizeBytes, InputStream data) throws IOException {
        header(name, '0', sizeBytes, mode, mtimeSeconds);
        byte[] buffer = new byte[64 * 1024];
        long left = sizeBytes;
        while (left > 0) {
            int n = data.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                // The file shrank while we were sending it: the header already promised sizeBytes.
                throw new IOException("file " + name + " shrank while being archived (" + left + " bytes missing)");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        pad(sizeBytes);
    }

    private void header(String name, char type, long sizeBytes, int mode, long mtimeSeconds) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int split = ustarSplit(nameBytes);
        boolean needPax = split < -1 || sizeBytes > USTAR_MAX_SIZE;
        if (needPax) {
            StringBuilder records = new StringBuilder();
            if (split < -1) {
                records.append(paxRecord("path", name));
            }
            if (sizeBytes > USTAR_MAX_SIZE) {
                records.append(paxRecord("size", Long.toString(sizeBytes)));
            }
            byte[] body = records.toString().getBytes(StandardCharsets.UTF_8);
            out.write(block(paxName(nameBytes), 'x', body.length, 0644, mtimeSeconds, -1));
            out.write(body);
            pad(body.length);
        }
        byte[] headerName = split < -1 ? paxName(nameBytes) : nameBytes;
        out.write(block(headerName, type, sizeBytes > USTAR_MAX_SIZE ? 0 : sizeBytes, mode, mtimeSeconds,
                split < -1 ? -1 : split));
    }

    /**
     * Where to cut a long name into ustar prefix/name: -1 if it fits the 100-byte name field whole, the index
     * of the separating '/' if prefix (≤155) and name (≤100) fit, or -2 if only a PAX record can hold it.
     */
    private static int ustarSplit(byte[] name) {
        if (name.length <= 100) {
            return -1;
        }
        for (int i = Math.min(155, name.length - 1); i > 0; i--) {
            if (name[i] == '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
                return i;
            }
        }
        return -2;
    }

    /** A stand-in ustar name for a member whose real name travels in a PAX record. */
    private static byte[] paxName(byte[] name) {
        return Arrays.copyOf(name, 99);
    }

    /** A PAX record "LEN key=value\n" where LEN counts the whole record including its own digits. */
    static String paxRecord(String key, String value) {
        int payload = 1 + key.getBytes(StandardCharsets.UTF_8).length + 1
                + value.getBytes(StandardCharsets.UTF_8).length + 1;
        int length = payload + Integer.toString(payload).length();
        if (Integer.toString(length).length() != Integer.toString(payload).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    private static byte[] block(byte[] name, char type, long sizeBytes, int mode, long mtimeSeconds, int split) {
        byte[] h = new byte[BLOCK];
        if (split >= 0) {
            System.arraycopy(name, split + 1, h, 0, name.length - split - 1);
            System.arraycopy(name, 0, h, 345, split);
        } else {
            System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        }
        octal(h, 100, 8, mode & 07777);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, sizeBytes);
        octal(h, 136, 12, Math.max(0, mtimeSeconds));
        h[156] = (byte) type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        return h;
    }

    /** Zero-padded octal digits followed by a NUL, filling {@code length} bytes. */
    private static void octal(byte[] h, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        int width = length - 1;
        if (digits.length() > width) {
            throw new IllegalArgumentException("value " + value + " does not fit a " + length + "-byte tar field");
        }
        String padded = "0".repeat(width - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, offset, width);
        h[offset + width] = 0;
    }

    private void pad(long sizeBytes) throws IOException {
        int rest = (int) (sizeBytes % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    /** Ends the archive with the two zero blocks readers require; does not close the underlying stream. */
    void finish() throws IOException {
        if (!closed) {
            out.write(new byte[2 * BLOCK]);
            out.flush();
            closed = true;
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
