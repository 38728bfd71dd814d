package org.kkr4j.automation.scf;

/** How the automatic procedure ended for one system. */
public enum ScfStatus {
    /** Converged with an ewidth the gap judgement keeps on the converged DOS. */
    FINISHED,
    /** The converged DOS has no low-DOS gap in range: no valid ewidth exists for this system and version. */
    NO_VALID_EWIDTH,
    /** The per-system budget of go runs was spent before a converged, judged result. */
    NOT_CONVERGED,
    /** specx failed in a way moving ewidth or changing SCF controls cannot help (bad input, crash, missing run). */
    ERROR
}
