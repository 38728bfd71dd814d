package org.kkr4j.engine;

import java.util.List;

/** File names inside a run directory: relative, without {@code ..}, and not the engine's own. */
final class StagedPaths {
    private StagedPaths() {
    }

    static void requireRelative(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            throw new EngineException("'" + path + "' cannot be staged: input files need a relative path inside the"
                    + " run directory");
        }
        if (path.equals(WorkDirectory.CARD) || path.startsWith(WorkDirectory.META + "/")
                || path.equals(WorkDirectory.STDOUT) || path.equals(WorkDirectory.STDERR)) {
            throw new EngineException("'" + path + "' is reserved in the run directory");
        }
    }
}
