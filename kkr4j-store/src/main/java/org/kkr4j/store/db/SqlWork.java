package org.kkr4j.store.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work on one connection (inside a transaction for writes). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException, IOException;
}
