package org.kkr4j.automation.scf;

/** Where the first ewidth comes from. */
public enum StartPolicy {
    /** The informed first guess from the core-level tables and the composition ({@code FirstGuess}). */
    FIRST_GUESS,
    /** The ewidth written in the user's card. */
    CARD
}
