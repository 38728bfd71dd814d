package org.kkr4j.store;

import org.kkr4j.store.sql.SqlStore;

/** Opens a store: SQLite in the home directory, or PostgreSQL by JDBC URL; migrates the schema first. */
public final class Stores {
    private Stores() {
    }

    public static Store open(StoreLocation location) {
        return open(location, StoreOptions.defaults());
    }

    public static Store open(StoreLocation location, StoreOptions options) {
        if (location == null || location.home() == null) {
            throw new IllegalArgumentException("a store needs a home directory (--home / KKR4J_HOME)");
        }
        return SqlStore.open(location, options);
    }
}
