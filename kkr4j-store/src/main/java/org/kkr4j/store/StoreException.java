package org.kkr4j.store;

/** A store operation failed; the message says what and where (database file or URL, node id). */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
