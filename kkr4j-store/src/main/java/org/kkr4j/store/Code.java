package org.kkr4j.store;

import java.time.Instant;
import java.util.Map;

/**
 * A registered AkaiKKR executable.
 *
 * @param name         user's label ({@code kkr4j code add NAME})
 * @param path         absolute path of the executable
 * @param version      declared AkaiKKR version id (cpa2002v010, cpa2021v01, 2022.0721, 2022.0721-cnd)
 * @param sha256       SHA-256 of the executable's bytes when registered
 * @param helpers      optional helper executables by role (e.g. {@code fmg}), absolute paths
 * @param registered   when it was registered
 * @param computer     the computer the executable lives on; null for this machine
 */
public record Code(String name, String path, String version, String sha256, Map<String, String> helpers,
                   Instant registered, String computer) {
    public Code {
        helpers = Map.copyOf(helpers);
    }

    /** A code on this machine. */
    public Code(String name, String path, String version, String sha256, Map<String, String> helpers,
                Instant registered) {
        this(name, path, version, sha256, helpers, registered, null);
    }

    public boolean remote() {
        return computer != null;
    }
}
