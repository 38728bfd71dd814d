package org.kkr4j.store.blob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** Buffered positional writes into a pack, counting the bytes written. */
final class PackOutputStream extends OutputStream {
    private final PackFile file;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long position;
    private long count;

    PackOutputStream(PackFile file, long position) {
        this.file = file;
        this.position = position;
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        buffer.flip();
        int n = buffer.remaining();
        file.write(buffer, position);
        position += n;
        count += n;
        buffer.clear();
    }

    long count() {
        return count;
    }
}
