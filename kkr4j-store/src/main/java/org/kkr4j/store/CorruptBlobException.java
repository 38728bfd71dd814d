package org.kkr4j.store;

/** A blob's bytes no longer hash to its address, or its pack entry is unreadable. */
public class CorruptBlobException extends StoreException {
    public CorruptBlobException(String sha256, String where, String problem) {
        super("blob " + sha256 + " in " + where + ": " + problem);
    }
}
