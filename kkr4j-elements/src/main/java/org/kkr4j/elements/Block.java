package org.kkr4j.elements;

/** The block of the periodic table: which subshell the element's last electron is counted in. */
public enum Block {
    S, P, D, F;

    /** The lower-case letter used in the element table ({@code s}, {@code p}, {@code d}, {@code f}). */
    public String letter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Block fromLetter(String letter) {
        for (Block b : values()) {
            if (b.letter().equals(letter)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown block '" + letter + "'");
    }
}
