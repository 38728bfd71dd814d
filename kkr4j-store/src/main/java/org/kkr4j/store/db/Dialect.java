package org.kkr4j.store.db;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What differs between the two databases behind the same logical schema: how a uuid is stored (16-byte
 * BLOB in SQLite, native {@code uuid} in PostgreSQL), how a run row is locked for a compare-and-set, and
 * where the migrations are.
 */
public enum Dialect {
    SQLITE("classpath:db/migration/sqlite", ""),
    POSTGRESQL("classpath:db/migration/postgresql", " FOR UPDATE");

    private final String migrations;
    private final String lockRowSuffix;

    Dialect(String migrations, String lockRowSuffix) {
        this.migrations = migrations;
        this.lockRowSuffix = lockRowSuffix;
    }

    public String migrations() {
        return migrations;
    }

    /**
     * Appended to a single-row SELECT that precedes an UPDATE in the same transaction. SQLite needs
     * nothing: the writer's {@code BEGIN IMMEDIATE} already holds the database's only write lock.
     */
    public String lockRow() {
        return lockRowSuffix;
    }

    public void setUuid(PreparedStatement statement, int index, UUID uuid) throws SQLException {
        if (this == POSTGRESQL) {
            statement.setObject(index, uuid);
        } else {
            statement.setBytes(index, uuidBytes(uuid));
        }
    }

    public UUID getUuid(ResultSet rows, int column) throws SQLException {
        if (this == POSTGRESQL) {
            return rows.getObject(column, UUID.class);
        }
        byte[] bytes = rows.getBytes(column);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }
}
