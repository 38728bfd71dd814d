package org.kkr4j.store.db;

import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 digests travel as lower-case hex in the API and as 32 raw bytes in the database. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    public static byte[] sha256Bytes(String hex, String what) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException(what + " is not a SHA-256 hex digest (64 hex digits): " + hex);
        }
        try {
            return HEX.parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a SHA-256 hex digest (64 hex digits): " + hex, e);
        }
    }

    public static String of(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
