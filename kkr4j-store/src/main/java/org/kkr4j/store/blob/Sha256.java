package org.kkr4j.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.kkr4j.store.db.Hex;

/** SHA-256 helpers (every JDK has the algorithm). */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    public static String of(byte[] bytes) {
        return Hex.of(newDigest().digest(bytes));
    }

    /** Digest and length of a stream read to its end. */
    public record Digest(String sha256, long size) {
    }

    public static Digest of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new Digest(Hex.of(digest.digest()), size);
    }

    public static Digest of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }
}
