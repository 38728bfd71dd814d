package org.kkr4j.replay;

import java.io.IOException;
import java.nio.file.Path;

/** A {@code recording.json} that cannot be used: unreadable, not the documented format, or naming files that are not there. */
public final class RecordingFormatException extends IOException {

    private final Path manifest;

    public RecordingFormatException(Path manifest, String problem) {
        super(manifest + ": " + problem);
        this.manifest = manifest;
    }

    public RecordingFormatException(Path manifest, String problem, Throwable cause) {
        super(manifest + ": " + problem, cause);
        this.manifest = manifest;
    }

    public Path manifest() {
        return manifest;
    }
}
