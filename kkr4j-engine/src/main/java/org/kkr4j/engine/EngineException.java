package org.kkr4j.engine;

/** A run cannot be submitted or executed as asked; the message says what to change. */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
