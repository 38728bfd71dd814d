package org.kkr4j.remote.scheduler;

/** A job specification cannot be turned into a job script: names the field and the reason. */
public final class InvalidJobSpecException extends IllegalArgumentException {
    private final String field;

    public InvalidJobSpecException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
