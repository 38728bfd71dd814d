package org.kkr4j.store;

/** How a finished run ended, as classified by the engine from the exit status and the log. */
public enum Outcome {
    /** SCF run finished and converged. */
    CONVERGED,
    /** SCF run finished with {@code *** no convergence}. */
    NOT_CONVERGED,
    /** Post-processing run (dos, spc, j, tc, cnd, ...) reached its summary. */
    COMPLETED,
    /** {@code go=geom}: stopped after the structure echo, by design. */
    GEOMETRY_ONLY,
    /** The log ends with {@code ***err in ...} (specx may still exit with 0). */
    ERROR_STOP,
    /** The binary printed nothing for this mode: it does not support it. */
    MODE_NOT_SUPPORTED,
    /** The option block was rejected. */
    OPTION_ERROR,
    /** Killed by a signal the engine did not send. */
    KILLED,
    /** Killed by the engine at the wall-clock limit. */
    TIMED_OUT,
    /** Killed on the user's request. */
    CANCELLED,
    /** Non-zero exit status, or a log cut short without a signal. */
    CRASHED,
    /** The process could not be started (missing executable, unreadable input file, full disk). */
    LAUNCH_FAILED;

    /** Only runs that ended as specx meant them to may answer later identical submissions. */
    public boolean cacheable() {
        return this == CONVERGED || this == NOT_CONVERGED || this == COMPLETED || this == GEOMETRY_ONLY;
    }
}
