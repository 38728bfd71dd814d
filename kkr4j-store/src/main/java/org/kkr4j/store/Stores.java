package org.kkr4j.store;

/** Opens a store: SQLite in the home directory, or PostgreSQL by JDBC URL; migrates the schema first. */
public final class Stores {
    private Stores() {
    }

    public static Store open(StoreLocation location) {
        throw new StoreException("not implemented yet: " + location);
    }
}
