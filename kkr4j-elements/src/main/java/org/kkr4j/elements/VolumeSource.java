package org.kkr4j.elements;

/**
 * Which of AkaiKKR's two atomic-volume columns is meant. specx picks it from the lattice constant
 * given in the card: {@code a > 0.99e6} uses {@link #EXPERIMENTAL}, {@code a < 1.01e-6} uses
 * {@link #MJW} (band-structure volumes of Moruzzi, Janak and Williams where available).
 */
public enum VolumeSource {
    EXPERIMENTAL,
    MJW;

    /** The source that specx uses for a card's lattice constant {@code aBohr}, or empty when a is used as given. */
    public static java.util.Optional<VolumeSource> forCardLatticeConstant(double aBohr) {
        if (aBohr > 0.99e6) {
            return java.util.Optional.of(EXPERIMENTAL);
        }
        if (aBohr < 1.01e-6) {
            return java.util.Optional.of(MJW);
        }
        return java.util.Optional.empty();
    }
}
