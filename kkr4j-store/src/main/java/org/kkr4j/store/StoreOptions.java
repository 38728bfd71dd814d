package org.kkr4j.store;

import java.time.Duration;

/**
 * Tuning of an opened store. The defaults suit the CLI and the engine; tests shorten the lock wait.
 *
 * @param lockWait          how long a write waits for a lock held by another process or connection
 *                          (SQLite {@code busy_timeout}, PostgreSQL {@code lock_timeout}) before it fails
 *                          with a "database is locked" {@link StoreException}
 * @param readerConnections size of the reader pool (≥ 1)
 * @param packRollBytes     a blob pack that reached this size is closed and a new one started
 * @param gcMinBlobAge      {@link Store#gc()} keeps unreferenced blobs younger than this, so the inputs of a
 *                          run being submitted by another process at that moment are not deleted under it
 */
public record StoreOptions(Duration lockWait, int readerConnections, long packRollBytes, Duration gcMinBlobAge) {

    public static final long DEFAULT_PACK_ROLL_BYTES = 256L * 1024 * 1024;

    public StoreOptions {
        if (lockWait.isNegative() || lockWait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lock wait out of range: " + lockWait);
        }
        if (readerConnections < 1) {
            throw new IllegalArgumentException("need at least one reader connection, got " + readerConnections);
        }
        if (packRollBytes < 1024) {
            throw new IllegalArgumentException("pack roll size below 1 KiB: " + packRollBytes);
        }
        if (gcMinBlobAge.isNegative()) {
            throw new IllegalArgumentException("negative gc blob age: " + gcMinBlobAge);
        }
    }

    public static StoreOptions defaults() {
        return new StoreOptions(Duration.ofSeconds(10), 4, DEFAULT_PACK_ROLL_BYTES, Duration.ofMinutes(10));
    }

    public StoreOptions withLockWait(Duration wait) {
        return new StoreOptions(wait, readerConnections, packRollBytes, gcMinBlobAge);
    }

    public StoreOptions withPackRollBytes(long bytes) {
        return new StoreOptions(lockWait, readerConnections, bytes, gcMinBlobAge);
    }

    public StoreOptions withGcMinBlobAge(Duration age) {
        return new StoreOptions(lockWait, readerConnections, packRollBytes, age);
    }
}
