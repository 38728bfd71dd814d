package org.kkr4j.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * At most one engine executes runs per project home. The operating system releases the lock when the
 * holder dies, even by SIGKILL, so a stale lock cannot block a restart.
 */
public final class EngineLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Optional<EngineLock> tryAcquire(Path home) {
        try {
            Files.createDirectories(home);
            FileChannel channel = FileChannel.open(home.resolve("engine.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return Optional.of(new EngineLock(channel, lock));
        } catch (IOException e) {
            throw new EngineException("cannot take the engine lock in " + home + ": " + e.getMessage(), e);
        }
    }

    /** True when some process holds the engine lock of this home (an engine is running). */
    public static boolean held(Path home) {
        Optional<EngineLock> probe = tryAcquire(home);
        probe.ifPresent(EngineLock::close);
        return probe.isEmpty();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new EngineException("cannot release the engine lock: " + e.getMessage(), e);
        }
    }
}
