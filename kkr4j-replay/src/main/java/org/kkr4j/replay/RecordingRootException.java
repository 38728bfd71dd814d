package org.kkr4j.replay;

import java.io.IOException;
import java.nio.file.Path;

/** A configured recording root that does not exist, is not a directory, or holds no recording. */
public final class RecordingRootException extends IOException {

    private final Path root;

    public RecordingRootException(Path root, String problem) {
        super("recording root " + root + " " + problem);
        this.root = root;
    }

    public Path root() {
        return root;
    }
}
