package org.kkr4j.remote.transport;

import java.nio.file.Path;

/**
 * One local file or directory to upload, and where it goes relative to the remote root.
 *
 * @param local      a local regular file or directory (directories are sent recursively)
 * @param remotePath relative path under the upload root, e.g. "runs/r0042"
 */
public record UploadEntry(Path local, String remotePath) {
    public UploadEntry {
        if (local == null) {
            throw new IllegalArgumentException("local path is null");
        }
        remotePath = RemotePaths.relative(remotePath, "upload target for " + local);
    }

    /** Uploads {@code local} under its own file name. */
    public static UploadEntry of(Path local) {
        return new UploadEntry(local, local.getFileName().toString());
    }
}
