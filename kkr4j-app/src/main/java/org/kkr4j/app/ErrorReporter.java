package org.kkr4j.app;

import java.io.UncheckedIOException;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.akaikkr.card.CardNotSupportedException;
import org.kkr4j.io.akaikkr.card.CardProblem;
import picocli.CommandLine;

/**
 * Turns the typed errors of the modules into clear lines on stderr and an exit code, instead of a
 * stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    /** The request cannot be carried out for this AkaiKKR version (a card it cannot express). */
    static final int NOT_SUPPORTED = 1;
    /** A file that is not what it should be (names file, line and field). */
    static final int BAD_INPUT = 2;
    /** A file that cannot be read or written. */
    static final int IO_ERROR = 3;
    /** The store cannot be used: locked or unreachable database, corrupt blob, full disk. */
    static final int STORE_ERROR = 4;
    /** A bug in kkr4j. */
    static final int INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        try {
            if (ex instanceof CardNotSupportedException cns) {
                err.println("kkr4j: not supported: " + cns.getMessage());
                for (CardProblem p : cns.problems()) {
                    err.println("  " + p);
                }
                return NOT_SUPPORTED;
            }
            if (ex instanceof KkrFormatException kfe) {
                err.println("kkr4j: error: " + kfe.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof org.kkr4j.store.StoreException se) {
                err.println("kkr4j: store error: " + se.getMessage());
                return STORE_ERROR;
            }
            if (ex instanceof org.kkr4j.engine.EngineException ee) {
                err.println("kkr4j: error: " + ee.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException io) {
                err.println("kkr4j: error: " + io.getMessage());
                return IO_ERROR;
            }
            if (ex instanceof UnsupportedOperationException uoe) {
                err.println("kkr4j: not supported: " + uoe.getMessage());
                return NOT_SUPPORTED;
            }
            if (ex instanceof IllegalArgumentException iae) {
                err.println("kkr4j: error: " + iae.getMessage());
                return BAD_INPUT;
            }
            err.println("kkr4j: internal error (please report): " + ex);
            ex.printStackTrace(err);
            return INTERNAL;
        } finally {
            err.flush();
        }
    }
}
