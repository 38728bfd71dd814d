package org.kkr4j.store.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A pack opened for appending. An interface so that a test can make a write fail like a full disk. */
public interface PackFile extends AutoCloseable {

    long size() throws IOException;

    /** Writes all of {@code bytes} at {@code position}. */
    void write(ByteBuffer bytes, long position) throws IOException;

    /** Makes everything written durable (the file's data reaches the disk). */
    void force() throws IOException;

    void truncate(long size) throws IOException;

    @Override
    void close() throws IOException;

    /** Opens pack files for writing. */
    @FunctionalInterface
    interface Opener {
        PackFile open(Path path) throws IOException;
    }

    Opener CHANNELS = path -> {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new PackFile() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void write(ByteBuffer bytes, long position) throws IOException {
                long at = position;
                while (bytes.hasRemaining()) {
                    at += channel.write(bytes, at);
                }
            }

            @Override
            public void force() throws IOException {
                channel.force(false);
            }

            @Override
            public void truncate(long size) throws IOException {
                channel.truncate(size);
                channel.force(false);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    };
}
