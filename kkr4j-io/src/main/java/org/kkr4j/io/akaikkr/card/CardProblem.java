package org.kkr4j.io.akaikkr.card;

import java.util.Objects;

/**
 * Something a card reader or checker found. ERROR: the target version cannot do it or would misread
 * it (the writer refuses); WARNING: legal but probably not what was meant; INFO: worth knowing.
 *
 * @param severity how bad
 * @param line     1-based line of the card, 0 when not tied to a line (e.g. a model built in code)
 * @param field    the card field, e.g. {@code deck[1].type[2].name}
 * @param message  what is wrong and what specx would do
 */
public record CardProblem(Severity severity, int line, String field, String message) {

    public enum Severity { ERROR, WARNING, INFO }

    public CardProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + (line > 0 ? " line " + line : "") + " [" + field + "] " + message;
    }
}
