package org.kkr4j.io.akaikkr.output;

import java.util.List;
import org.kkr4j.io.KkrFormatException;

/** A specx log that ends before its run finished (killed or crashed job, or a file copied too early). */
public class TruncatedLogException extends KkrFormatException {

    private final List<String> missing;

    public TruncatedLogException(String source, int lastLine, String problem, List<String> missing) {
        super(source, lastLine, "log", problem);
        this.missing = List.copyOf(missing);
    }

    /** What the log lacks, e.g. {@code final summary}, {@code footer}. */
    public List<String> missing() {
        return missing;
    }
}
