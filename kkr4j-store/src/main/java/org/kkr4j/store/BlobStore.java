package org.kkr4j.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed, compressed, packed blob storage (SHA-256 of the uncompressed bytes). Storing the
 * same bytes twice stores them once. Reads verify the hash and throw {@link CorruptBlobException}.
 */
public interface BlobStore {

    BlobRef put(byte[] bytes) throws IOException;

    BlobRef put(Path file) throws IOException;

    boolean contains(String sha256);

    byte[] read(String sha256) throws IOException;

    InputStream open(String sha256) throws IOException;

    /** Writes the blob's bytes to {@code target} (parent directories created), verifying the hash. */
    void copyTo(String sha256, Path target) throws IOException;
}
