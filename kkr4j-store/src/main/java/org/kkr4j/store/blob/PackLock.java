package org.kkr4j.store.blob;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.kkr4j.store.StoreException;

/**
 * Excludes other appenders and the garbage collector from the packs of one blob directory: a JVM-wide
 * lock (two stores in one JVM on the same home share it) plus an OS file lock on {@code pack.lock}
 * for other processes. The JVM lock comes first because the OS lock belongs to the whole process.
 */
final class PackLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock jvmLock;

    PackLock(Path blobDir) {
        this.lockFile = blobDir.resolve("pack.lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(blobDir.toAbsolutePath().normalize(), p -> new ReentrantLock(true));
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held acquire() {
        jvmLock.lock();
        if (jvmLock.getHoldCount() > 1) {
            return jvmLock::unlock;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            FileChannel held = channel;
            return () -> {
                try {
                    lock.release();
                    held.close();
                } catch (IOException ignored) {
                    // closing the channel drops the OS lock in any case
                } finally {
                    jvmLock.unlock();
                }
            };
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            jvmLock.unlock();
            throw new StoreException("cannot lock the blob packs (" + lockFile + "): " + e, e);
        }
    }
}
