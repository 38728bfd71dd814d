package org.kkr4j.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.kkr4j.engine.WorkDirectory;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Run;
import org.kkr4j.store.Store;

/** Finding a run by what users type, and reading its stored files. */
final class RunLookup {
    private RunLookup() {
    }

    static Run require(Store store, String idOrUuid) {
        return store.findRun(idOrUuid).orElseThrow(() -> new IllegalArgumentException("no run '" + idOrUuid + "' in "
                + store.describe() + " (give the id from kkr4j ps, a uuid or a unique uuid prefix)"));
    }

    /** The stored output file at {@code path} (following a cache hit to its source), if the run produced it. */
    static Optional<FileEntry> output(Store store, Run run, String path) {
        return store.outputFile(run.nodeId(), path);
    }

    static Optional<byte[]> storedLog(Store store, Run run) {
        return output(store, run, WorkDirectory.STDOUT).map(f -> read(store, f));
    }

    static byte[] read(Store store, FileEntry f) {
        try {
            return store.blobs().read(f.blob().sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path() + " from the blob store: " + e.getMessage(), e);
        }
    }
}
