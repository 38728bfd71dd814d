package org.kkr4j.app;

import java.nio.file.Path;

/** Where the shared data lives: an explicit option, else {@code KKR4J_SHARED}, else ../shared beside the checkout. */
final class SharedLocation {

    private SharedLocation() {
    }

    static Path resolve(Path explicit) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String env = System.getenv("KKR4J_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        String project = System.getProperty("kkr4j.project");
        Path base = project != null ? Path.of(project) : Path.of("").toAbsolutePath();
        return base.resolve("../shared").toAbsolutePath().normalize();
    }
}
