package org.kkr4j.io.akaikkr.card;

/**
 * One token of the card stream. An empty text is the "blank token" that a surplus comma produces
 * and that means "keep the default".
 *
 * @param text   the token without surrounding blanks (case as written)
 * @param line   1-based line
 * @param column 1-based column of its first character (of the comma for an empty token)
 */
record CardToken(String text, int line, int column) {

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** specx's {@code alphac(token(1:1))}: the token starts with a letter. */
    boolean startsWithLetter() {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Shown in messages: the text in quotes, or "an empty field". */
    String shown() {
        return text.isEmpty() ? "an empty field (comma)" : "'" + text + "'";
    }
}
