package org.kkr4j.automation;

/**
 * One core level of one component and spin as printed in a go log.
 *
 * @param state               the orbital, e.g. {@code 4d}
 * @param spinUp              true for the spin-up list
 * @param levelRy             absolute level (same zero as the printed ef)
 * @param relativeToFermiRy   level − E_F of the same spin
 * @param movedToValence      the level carried the {@code *} mark: configured as core but above the contour
 *                            bottom, its occupation counted on the valence side
 */
public record CoreLevelEvidence(String state, boolean spinUp, double levelRy, double relativeToFermiRy,
                                boolean movedToValence) {
}
