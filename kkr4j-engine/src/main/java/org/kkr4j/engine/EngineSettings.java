package org.kkr4j.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an engine runs processes on this machine.
 *
 * @param home            project directory: work directories go to {@code home/work}
 * @param cores           core budget: a run with N threads takes min(N, cores) of it (the per-machine concurrency limit)
 * @param pollInterval    how often running processes are checked
 * @param killGrace       time between SIGTERM and SIGKILL when the engine stops a process
 * @param keepWorkDirs    keep work directories after the files are stored (debugging)
 */
public record EngineSettings(Path home, int cores, Duration pollInterval, Duration killGrace, boolean keepWorkDirs) {
    public EngineSettings {
        if (cores < 1) {
            throw new EngineException("the core budget must be at least 1, got " + cores);
        }
    }

    public static EngineSettings defaults(Path home) {
        return new EngineSettings(home, Runtime.getRuntime().availableProcessors(), Duration.ofMillis(100),
                Duration.ofSeconds(10), false);
    }

    public EngineSettings withCores(int n) {
        return new EngineSettings(home, n, pollInterval, killGrace, keepWorkDirs);
    }

    public Path workRoot() {
        return home.resolve("work");
    }
}
