package org.kkr4j.io.akaikkr.output;

/**
 * How a deck (one {@code data read in} section) or a whole specx log ended, read from the log text
 * alone. specx exits with status 0 after an error stop, so the exit status cannot replace this.
 */
public enum RunOutcome {
    /** SCF deck: the last iteration is not followed by {@code *** no convergence} and the summary was printed. */
    CONVERGED,
    /** SCF deck that printed {@code *** no convergence} after its last iteration (the summary is still there). */
    NOT_CONVERGED,
    /**
     * Single-iteration post-processing deck (dsp, dos, spc, tc, j, cnd, sbk) that reached its summary.
     * These always print {@code *** no convergence}; it means nothing for them.
     */
    COMPLETED,
    /** specx stopped in {@code errtrp}: the deck ends with {@code ***err in <routine>...<message>}. */
    STOPPED_BY_ERROR,
    /** No {@code data read in} at all, only date/time and the footer: the binary skipped an unknown mode (cpa2002v010). */
    MODE_NOT_SUPPORTED,
    /** {@code go=geom}: the run stops after echoing the structure, by design. */
    GEOMETRY_ONLY,
    /** The option block was rejected ({@code unknown token:}, {@code failed to read "end_option"}). */
    OPTION_ERROR,
    /** The log ends before the deck's summary or before the footer: a killed or crashed run. */
    TRUNCATED
}
