package org.kkr4j.structure.cif;

/**
 * One value of a CIF file with its 1-based line.
 *
 * @param text   the value without quotes or text-field semicolons
 * @param line   line where the value starts
 * @param quoted true when it was quoted or a text field: then {@code ?} and {@code .} are literal text
 */
public record CifToken(String text, int line, boolean quoted) {

    /** {@code ?} (unknown) or {@code .} (inapplicable), unquoted. */
    public boolean isPlaceholder() {
        return !quoted && (text.equals("?") || text.equals("."));
    }
}
