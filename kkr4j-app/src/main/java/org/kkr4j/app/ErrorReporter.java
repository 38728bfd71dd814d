package org.kkr4j.app;

import java.io.UncheckedIOException;
import org.kkr4j.io.KkrFormatException;
import picocli.CommandLine;

/**
 * Turns the typed errors of the modules into one clear line on stderr and an exit code, instead of
 * a stack trace: 2 for bad input files, 3 for unreadable files, 1 for anything unexpected.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int IO_ERROR = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof KkrFormatException kfe) {
            err.println("kkr4j: error: " + kfe.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException io) {
            err.println("kkr4j: error: " + io.getMessage());
            return IO_ERROR;
        }
        if (ex instanceof IllegalArgumentException iae) {
            err.println("kkr4j: error: " + iae.getMessage());
            return BAD_INPUT;
        }
        err.println("kkr4j: unexpected error: " + ex);
        ex.printStackTrace(err);
        return 1;
    }
}
