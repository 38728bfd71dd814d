package org.kkr4j.store;

/** A content-addressed blob: the SHA-256 of the uncompressed bytes (lower-case hex) and their length. */
public record BlobRef(String sha256, long sizeBytes) {
    public BlobRef {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
    }
}
