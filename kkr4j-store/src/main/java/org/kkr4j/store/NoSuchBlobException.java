package org.kkr4j.store;

/** A blob address the store does not hold. */
public class NoSuchBlobException extends StoreException {
    public NoSuchBlobException(String sha256, String where) {
        super("no blob " + sha256 + " in " + where);
    }
}
