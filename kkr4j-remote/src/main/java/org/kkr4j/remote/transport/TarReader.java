package org.kkr4j.remote.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the tar streams that {@code tar -c} writes on a login node: ustar, GNU (long names in 'L'/'K'
 * members, base-256 sizes) and PAX (per-member 'x' records; global 'g' records are skipped). A stream
 * that ends before the end-of-archive blocks is reported as truncated, so a dropped connection is never
 * mistaken for a complete download.
 */
final class TarReader {
    private static final int BLOCK = TarWriter.BLOCK;

    private final InputStream in;
    private final String source;
    private long remainingInEntry;
    private long paddingAfterEntry;
    private boolean ended;
    private boolean empty;
    private boolean started;

    /** @param source names the stream in error messages (e.g. "tar from hpc:/work/runs") */
    TarReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next member, or null at the end of the archive. Unread data of the previous member is skipped. */
    TarEntry next() throws IOException {
        if (ended) {
            return null;
        }
        skipRest();
        String longName = null;
        String longLink = null;
        Map<String, String> pax = new HashMap<>();
        while (true) {
            byte[] h = new byte[BLOCK];
            int n = readFully(h);
            if (n == 0 && !started) {
                // Nothing at all: the remote side exited before tar ran; its exit code says why.
                empty = true;
                ended = true;
                return null;
            }
            started = true;
            if (n == 0) {
                throw new TarFormatException(source + ": archive ends without its end-of-archive blocks (truncated)");
            }
            if (n < BLOCK) {
                throw new TarFormatException(source + ": archive truncated inside a header");
            }
            if (isZero(h)) {
                ended = true;
                return null;
            }
            verifyChecksum(h);
            char type = (char) h[156];
            long size = number(h, 124, 12);
            if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
                byte[] body = readBody(size);
                switch (type) {
                    case 'L' -> longName = cString(body, 0, body.length);
                    case 'K' -> longLink = cString(body, 0, body.length);
                    case 'x' -> pax.putAll(parsePax(body));
                    default -> { } // global PAX records carry nothing a transfer needs
                }
                continue;
            }
            String name = longName != null ? longName : headerName(h);
            String link = longLink != null ? longLink : cString(h, 157, 100);
            if (pax.containsKey("path")) {
                name = pax.get("path");
            }
            if (pax.containsKey("linkpath")) {
                link = pax.get("linkpath");
            }
            if (pax.containsKey("size")) {
                size = parseLong(pax.get("size"), "PAX size");
            }
            TarEntry.Type kind = switch (type) {
                case '0', '\0', '7' -> TarEntry.Type.FILE;
                case '5' -> TarEntry.Type.DIRECTORY;
                case '2' -> TarEntry.Type.SYMLINK;
                case '1' -> TarEntry.Type.HARDLINK;
                default -> TarEntry.Type.OTHER;
            };
            if (kind == TarEntry.Type.FILE && name.endsWith("/")) {
                kind = TarEntry.Type.DIRECTORY; // pre-POSIX archives mark directories by the trailing slash only
            }
            long dataBytes = (kind == TarEntry.Type.DIRECTORY || kind == TarEntry.Type.SYMLINK
                    || kind == TarEntry.Type.HARDLINK) ? 0 : size;
            remainingInEntry = dataBytes;
            paddingAfterEntry = padding(dataBytes);
            long mtime = pax.containsKey("mtime")
                    ? (long) Double.parseDouble(pax.get("mtime")) : number(h, 136, 12);
            return new TarEntry(name, kind, kind == TarEntry.Type.FILE ? dataBytes : 0,
                    (int) (number(h, 100, 8) & 07777), mtime, link);
        }
    }

    /** Whether the stream ended before its first byte (no archive at all, as opposed to an empty one). */
    boolean wasEmpty() {
        return empty;
    }

    /** The data of the member last returned by {@link #next()}; reads end at the member's end. */
    InputStream data() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remainingInEntry == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remainingInEntry));
                if (n < 0) {
                    throw new TarFormatException(source + ": archive truncated inside a member's data");
                }
                remainingInEntry -= n;
                return n;
            }
        };
    }

    private void skipRest() throws IOException {
        skip(remainingInEntry + paddingAfterEntry);
        remainingInEntry = 0;
        paddingAfterEntry = 0;
    }

    private void skip(long bytes) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new TarFormatException(source + ": archive truncated inside a member's data");
            }
            left -= n;
        }
    }

    private byte[] readBody(long size) throws IOException {
        if (size < 0 || size > 16 * 1024 * 1024) {
            throw new TarFormatException(source + ": extended header of " + size + " bytes is not plausible");
        }
        byte[] body = new byte[(int) size];
        if (readFully(body) < body.length) {
            throw new TarFormatException(source + ": archive truncated inside an extended header");
        }
        skip(padding(size));
        return body;
    }

    private int readFully(byte[] target) throws IOException {
        int total = 0;
        while (total < target.length) {
            int n = in.read(target, total, target.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static long padding(long size) {
        long rest = size % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void verifyChecksum(byte[] h) throws TarFormatException {
        long stored = number(h, 148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        if (stored != unsigned && stored != signed) {
            throw new TarFormatException(source + ": header checksum mismatch (not a tar stream, or corrupted)");
        }
    }

    private static String headerName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean posixUstar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r'
                && h[262] == 0;
        // Only POSIX ustar has a prefix field; GNU's "ustar  " magic uses those bytes for other things.
        if (posixUstar) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** A numeric header field: octal text, or GNU base-256 when the high bit of the first byte is set. */
    private long number(byte[] h, int offset, int length) throws TarFormatException {
        if ((h[offset] & 0x80) != 0) {
            long value = h[offset] & 0x3f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (h[offset + i] & 0xff);
            }
            return value;
        }
        String text = cString(h, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new TarFormatException(source + ": header field at byte " + offset + " is not octal: '" + text + "'");
        }
    }

    private long parseLong(String text, String what) throws TarFormatException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new TarFormatException(source + ": " + what + " is not a number: '" + text + "'");
        }
    }

    private Map<String, String> parsePax(byte[] body) throws TarFormatException {
        Map<String, String> records = new HashMap<>();
        int pos = 0;
        while (pos < body.length) {
            int space = pos;
            while (space < body.length && body[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(body, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new TarFormatException(source + ": malformed PAX record length at offset " + pos);
            }
            if (length <= 0 || pos + length > body.length || body[pos + length - 1] != '\n') {
                throw new TarFormatException(source + ": malformed PAX record at offset " + pos);
            }
            String record = new String(body, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq <= 0) {
                throw new TarFormatException(source + ": PAX record without key at offset " + pos);
            }
            records.put(record.substring(0, eq), record.substring(eq + 1));
            pos += length;
        }
        return records;
    }

}
