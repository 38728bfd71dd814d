package org.kkr4j.app;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr for long commands. On a terminal it redraws in place; when
 * stderr is a file or a pipe (CI logs) it prints a line at every tenth of the work, so logs stay short.
 */
public final class ProgressBar implements AutoCloseable {

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean terminal;
    private long done;
    private int lastDecile = -1;

    public ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(total, 1);
        this.terminal = System.console() != null;
    }

    public void step() {
        advanceTo(done + 1);
    }

    public void advanceTo(long value) {
        done = Math.min(value, total);
        int percent = (int) (100 * done / total);
        if (terminal) {
            int width = 30;
            int filled = (int) (width * done / total);
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                    + percent + "% " + done + "/" + total);
            err.flush();
        } else if (percent / 10 != lastDecile) {
            lastDecile = percent / 10;
            err.println(label + ": " + percent + "% (" + done + "/" + total + ")");
            err.flush();
        }
    }

    @Override
    public void close() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
