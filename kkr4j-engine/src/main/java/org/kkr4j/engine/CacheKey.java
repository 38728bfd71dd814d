package org.kkr4j.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.kkr4j.store.Code;
import org.kkr4j.store.RunSubmission;

/**
 * The cache key of a run: SHA-256 over the executable's hash, its declared version, the canonical card and
 * the staged input files (path and content hash, in path order). Two runs with the same key compute the
 * same thing, so the second is answered from the store.
 */
public final class CacheKey {
    /** Raise when the key's definition changes, so that old keys no longer match. */
    static final String SCHEME = "kkr4j-cache-1";

    private CacheKey() {
    }

    public static String of(Code code, PreparedCard card, List<RunSubmission.InputFile> inputs) {
        MessageDigest md = Sha256.digest();
        line(md, SCHEME);
        line(md, code.sha256());
        line(md, code.version());
        line(md, card.canonicalText());
        inputs.stream().sorted(Comparator.comparing(RunSubmission.InputFile::path))
                .forEach(in -> line(md, in.path() + "\0" + in.blob().sha256()));
        return HexFormat.of().formatHex(md.digest());
    }

    private static void line(MessageDigest md, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        md.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(bytes);
    }
}
