package org.kkr4j.store.archive;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Nullable column getters. */
final class Rows {
    private Rows() {
    }

    static Long lng(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static Double dbl(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    static Boolean bool(ResultSet rows, int column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }
}
