package org.kkr4j.engine;

import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.LogMessage;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.store.Outcome;

/**
 * Classifies a finished specx process from its exit status and its log. The log decides first where it
 * is explicit, because specx exits with status 0 after {@code ***err in}; the exit status decides what the
 * log cannot tell (signals, crashes).
 */
public final class OutcomeClassifier {
    private OutcomeClassifier() {
    }

    /**
     * @param exitCode     status recorded by the wrapper shell (128+N after signal N), null when the process
     *                     vanished without one
     * @param log          the process's standard output
     * @param source       name of the log for messages
     * @param termination  whether the engine itself stopped the process
     * @param wallLimitSeconds the limit that applied, for the message
     */
    public static Classification classify(Integer exitCode, byte[] log, String source, Termination termination,
                                          long wallLimitSeconds) {
        SpecxLog parsed = null;
        String parseProblem = null;
        if (log.length > 0 && !isBlank(log)) {
            try {
                parsed = SpecxLogParser.parse(SourceText.of(source, log));
            } catch (KkrFormatException e) {
                parseProblem = e.getMessage();
            }
        }
        switch (termination) {
            case CANCELLED -> {
                return new Classification(Outcome.CANCELLED, "cancelled on request", parsed);
            }
            case TIMED_OUT -> {
                return new Classification(Outcome.TIMED_OUT, "stopped at the wall-clock limit of " + wallLimitSeconds
                        + " s", parsed);
            }
            case NONE -> {
            }
        }
        if (parsed != null && parsed.outcome() == org.kkr4j.io.akaikkr.output.RunOutcome.STOPPED_BY_ERROR) {
            return new Classification(Outcome.ERROR_STOP, errorText(parsed) + exitNote(exitCode), parsed);
        }
        if (exitCode == null) {
            return new Classification(Outcome.KILLED,
                    "the process disappeared without an exit status (killed together with its wrapper?)", parsed);
        }
        if (exitCode > 128 && exitCode <= 128 + 64) {
            int signal = exitCode - 128;
            return new Classification(Outcome.KILLED, "killed by signal " + signal + signalName(signal), parsed);
        }
        if (exitCode != 0) {
            String tail = parsed == null ? "" : "; the log ends at " + stage(parsed);
            return new Classification(Outcome.CRASHED, "exit status " + exitCode + tail, parsed);
        }
        if (parsed == null) {
            if (parseProblem != null) {
                return new Classification(Outcome.CRASHED, "exit status 0 but the log is unreadable: " + parseProblem,
                        null);
            }
            return new Classification(Outcome.MODE_NOT_SUPPORTED,
                    "specx printed nothing: this binary does not run the card's mode", null);
        }
        return switch (parsed.outcome()) {
            case CONVERGED -> new Classification(Outcome.CONVERGED, "converged after " + iterations(parsed)
                    + " iterations", parsed);
            case NOT_CONVERGED -> new Classification(Outcome.NOT_CONVERGED, "*** no convergence after "
                    + iterations(parsed) + " iterations", parsed);
            case COMPLETED -> new Classification(Outcome.COMPLETED, "post-processing finished", parsed);
            case GEOMETRY_ONLY -> new Classification(Outcome.GEOMETRY_ONLY, "geometry echoed (go=geom)", parsed);
            case MODE_NOT_SUPPORTED -> new Classification(Outcome.MODE_NOT_SUPPORTED,
                    "this binary skipped the card's mode (no 'data read in')", parsed);
            case OPTION_ERROR -> new Classification(Outcome.OPTION_ERROR, "the option block was rejected: "
                    + parsed.outcomeDetail(), parsed);
            case TRUNCATED -> new Classification(Outcome.CRASHED, "exit status 0 but the log is cut short: "
                    + parsed.outcomeDetail(), parsed);
            case STOPPED_BY_ERROR -> throw new IllegalStateException("handled above");
        };
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String errorText(SpecxLog log) {
        for (int i = log.decks().size() - 1; i >= 0; i--) {
            LogMessage stop = log.decks().get(i).errorStop();
            if (stop != null) {
                return "***err in " + stop.routine() + ": " + stop.text().strip() + " (line " + stop.line() + ")";
            }
        }
        return "***err in: " + log.outcomeDetail();
    }

    private static String exitNote(Integer exitCode) {
        return exitCode == null ? "" : exitCode == 0 ? " (exit status 0)" : " (exit status " + exitCode + ")";
    }

    private static int iterations(SpecxLog log) {
        Deck deck = log.lastDeck();
        return deck == null ? 0 : deck.iterations().size();
    }

    private static String stage(SpecxLog log) {
        Deck deck = log.lastDeck();
        return deck == null ? "the preamble" : deck.stage();
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> " (SIGHUP)";
            case 2 -> " (SIGINT)";
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL, e.g. out of memory)";
            case 11 -> " (SIGSEGV, e.g. stack size too small: ulimit -s / OMP_STACKSIZE)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }
}
