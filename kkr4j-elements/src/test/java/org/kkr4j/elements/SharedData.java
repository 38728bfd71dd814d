package org.kkr4j.elements;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared data root for this module's tests. kkr4j-elements cannot use kkr4j-io's SharedRoot
 * (kkr4j-io depends on this module), so it reads the same system property set by the build.
 */
final class SharedData {

    private SharedData() {
    }

    static Path resolve(String relative) {
        String configured = System.getProperty("kkr4j.shared");
        Path root = Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared file missing: " + p + " (set -Dkkr4j.shared=/path/to/shared)");
        }
        return p;
    }
}
