package org.kkr4j.store.db;

import java.sql.SQLException;
import org.kkr4j.store.StoreException;

/** Turns driver exceptions into {@link StoreException}s that say what happened and to which database. */
final class DbErrors {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final String description;
    private final long lockWaitMillis;

    DbErrors(String description, long lockWaitMillis) {
        this.description = description;
        this.lockWaitMillis = lockWaitMillis;
    }

    StoreException translate(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int sqliteCode = e instanceof org.sqlite.SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : -1;
        if (sqliteCode == SQLITE_BUSY || sqliteCode == SQLITE_LOCKED || state.equals("55P03")) {
            return new StoreException("the " + description + " is locked: another process or connection held its "
                    + "write lock for longer than " + lockWaitMillis + " ms while " + what
                    + "; nothing was changed, try again when it is done", e);
        }
        if (sqliteCode == SQLITE_FULL || state.equals("53100")) {
            return new StoreException("disk full: the " + description + " could not grow while " + what
                    + "; nothing was changed", e);
        }
        if (sqliteCode == SQLITE_CORRUPT || sqliteCode == SQLITE_NOTADB) {
            return new StoreException("the " + description + " is damaged or not a kkr4j database (" + what + "): "
                    + e.getMessage(), e);
        }
        if (sqliteCode == SQLITE_READONLY || sqliteCode == SQLITE_CANTOPEN) {
            return new StoreException("cannot write or open the " + description + " while " + what + ": "
                    + e.getMessage(), e);
        }
        if (state.startsWith("08")) {
            return new StoreException("cannot reach the " + description + " while " + what + ": " + e.getMessage(), e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException("the " + description + " refused the login: " + e.getMessage(), e);
        }
        return new StoreException("database error in the " + description + " while " + what + ": "
                + e.getMessage(), e);
    }

    static boolean isConnectionBroken(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    static SQLException findSqlCause(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
