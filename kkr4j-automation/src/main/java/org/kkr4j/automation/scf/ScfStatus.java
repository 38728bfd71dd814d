package org.kkr4j.automation.scf;

/** How the automatic procedure ended for one system. */
public enum ScfStatus {
    /** Converged with an ewidth the gap judgement keeps on the converged DOS. */
    FINISHED,
    /** The converged DOS has no low-DOS gap in range: no valid ewidth exists for this system and version. */
    NO_VALID_EWIDTH,
    /** The per-system budget of go runs was spent before a converged, judged result. */
    NOT_CONVERGED,
    /**
     * A limit of the settings (the ewidth grid, the widest dos window) stopped the search before a judged result:
     * no claim either way about a valid ewidth; the reason names the limit.
     */
    LIMITED,
    /** specx failed in a way moving ewidth or changing SCF controls cannot help (bad input, crash, missing run). */
    ERROR
}
