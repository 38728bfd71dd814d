package org.kkr4j.store;

/** A node id (or run id) that the store does not hold. */
public class NoSuchNodeException extends StoreException {
    public NoSuchNodeException(long nodeId, String where) {
        super("no node " + nodeId + " in " + where);
    }

    public NoSuchNodeException(String what, long nodeId, String where) {
        super("node " + nodeId + " in " + where + " is not " + what);
    }
}
