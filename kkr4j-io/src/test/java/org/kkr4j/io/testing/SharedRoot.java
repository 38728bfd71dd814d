package org.kkr4j.io.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one configurable root of the shared fixtures ({@code ../shared} beside the project).
 * Set by the build through the system property {@code kkr4j.shared}; a missing root is an error,
 * never a silently skipped test.
 */
public final class SharedRoot {

    public static final String PROPERTY = "kkr4j.shared";

    private SharedRoot() {
    }

    public static Path path() {
        String configured = System.getProperty(PROPERTY);
        Path root = Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared fixture root " + root + " does not exist; set -D"
                    + PROPERTY + "=/path/to/shared");
        }
        return root;
    }

    public static Path resolve(String relative) {
        Path p = path().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture missing: " + p);
        }
        return p;
    }

    /** {@code shared/fixtures/akaikkr}. */
    public static Path akaikkr() {
        return resolve("fixtures/akaikkr");
    }
}
