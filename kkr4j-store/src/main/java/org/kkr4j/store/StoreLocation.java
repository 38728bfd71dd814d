package org.kkr4j.store;

import java.nio.file.Path;

/**
 * Where a store lives. The home directory always holds the blob packs (and, for SQLite, the database
 * file {@code kkr4j.db}); a JDBC URL of PostgreSQL puts the metadata there instead.
 *
 * @param home      project directory ({@code --home} / {@code KKR4J_HOME})
 * @param jdbcUrl   null for the embedded SQLite database, else {@code jdbc:postgresql://...}
 * @param user      database user (PostgreSQL), or null
 * @param password  database password (PostgreSQL), or null
 */
public record StoreLocation(Path home, String jdbcUrl, String user, String password) {
    public static StoreLocation sqlite(Path home) {
        return new StoreLocation(home, null, null, null);
    }
}
