package org.kkr4j.store.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.kkr4j.store.StoreException;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.StoreOptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's connections: ONE writer connection through which every write of this process goes (a fair
 * lock serialises them, so SQLite never sees two writers of ours racing for its lock), and a small pool
 * of reader connections. Each {@link #write} is one transaction; any exception rolls it back.
 */
public final class Database implements AutoCloseable {

    public static final String SQLITE_FILE_NAME = "kkr4j.db";

    private final Dialect dialect;
    private final DataSource dataSource;
    private final String description;
    private final Path sqliteFile;
    private final long lockWaitMillis;
    private final DbErrors errors;

    private final ReentrantLock writeLock = new ReentrantLock(true);
    private Connection writer;
    private int writeDepth;

    private final Semaphore readerPermits;
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    private Database(Dialect dialect, DataSource dataSource, String description, Path sqliteFile,
                     StoreOptions options) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.description = description;
        this.sqliteFile = sqliteFile;
        this.lockWaitMillis = options.lockWait().toMillis();
        this.readerPermits = new Semaphore(options.readerConnections(), true);
        this.errors = new DbErrors(description, lockWaitMillis);
    }

    /** Opens (creating the SQLite file if needed) and migrates the schema to the newest version. */
    public static Database open(StoreLocation location, StoreOptions options) {
        Database database;
        if (location.jdbcUrl() == null) {
            Path file = location.home().toAbsolutePath().normalize().resolve(SQLITE_FILE_NAME);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new StoreException("cannot create the store directory " + file.getParent() + ": " + e, e);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout((int) options.lockWait().toMillis());
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + file);
            database = new Database(Dialect.SQLITE, source, "SQLite database " + file, file, options);
        } else if (location.jdbcUrl().startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            try {
                source.setURL(location.jdbcUrl());
            } catch (IllegalArgumentException e) {
                throw new StoreException("not a usable PostgreSQL JDBC URL: " + withoutPassword(location.jdbcUrl())
                        + " (" + e.getMessage() + ")", e);
            }
            if (location.user() != null) {
                source.setUser(location.user());
            }
            if (location.password() != null) {
                source.setPassword(location.password());
            }
            database = new Database(Dialect.POSTGRESQL, source,
                    "PostgreSQL database " + withoutPassword(location.jdbcUrl()), null, options);
        } else {
            throw new StoreException("unsupported JDBC URL " + withoutPassword(location.jdbcUrl())
                    + ": kkr4j stores metadata in SQLite (no URL) or PostgreSQL (jdbc:postgresql://...)");
        }
        database.migrate();
        return database;
    }

    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private void migrate() {
        writeLock.lock();
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .loggers(MigrationLog.class.getName())
                    .dataSource(dataSource)
                    .locations(dialect.migrations())
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            SQLException sql = DbErrors.findSqlCause(e);
            if (sql != null) {
                throw errors.translate("migrating the schema", sql);
            }
            throw new StoreException("cannot migrate the schema of " + description + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public String description() {
        return description;
    }

    /** The SQLite database file, or null for PostgreSQL. */
    public Path sqliteFile() {
        return sqliteFile;
    }

    /**
     * Runs {@code work} in one write transaction through the single writer connection and commits it;
     * any exception rolls everything back. A nested call on the same thread joins the open transaction.
     */
    public <T> T write(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            checkOpen();
            if (writeDepth > 0) {
                return runNested(what, work);
            }
            Connection connection = writerConnection(what);
            try {
                begin(connection);
            } catch (SQLException e) {
                dropWriterIfBroken(e);
                throw errors.translate(what, e);
            }
            writeDepth++;
            try {
                T result = work.run(connection);
                commit(connection);
                return result;
            } catch (SQLException e) {
                rollback(connection, e);
                throw errors.translate(what, e);
            } catch (IOException e) {
                rollback(connection, e);
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                writeDepth--;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T runNested(String what, SqlWork<T> work) {
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw errors.translate(what, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the calling thread is inside {@link #write}. */
    public boolean inWriteTransaction() {
        return writeLock.isHeldByCurrentThread() && writeDepth > 0;
    }

    /** Runs {@code work} on a pooled reader connection (auto-commit: each statement sees committed data). */
    public <T> T read(String what, SqlWork<T> work) {
        checkOpen();
        Connection connection = borrowReader(what);
        boolean broken = false;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            broken = DbErrors.isConnectionBroken(e);
            throw errors.translate(what, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            returnReader(connection, broken);
        }
    }

    /**
     * Bytes the metadata occupies. SQLite: the database file plus its WAL after a checkpoint that moves
     * the WAL into the file; PostgreSQL: tables with their indexes and TOAST in the current schema.
     */
    public long metadataBytes() {
        if (dialect == Dialect.SQLITE) {
            write("checkpointing the WAL", connection -> {
                try (Statement statement = connection.createStatement()) {
                    // a checkpoint cannot run inside a transaction: commit the one write() opened
                    statement.execute("COMMIT");
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    statement.execute("BEGIN IMMEDIATE");
                }
                return null;
            });
            long bytes = 0;
            for (String suffix : new String[] {"", "-wal"}) {
                Path file = sqliteFile.resolveSibling(sqliteFile.getFileName() + suffix);
                try {
                    bytes += Files.exists(file) ? Files.size(file) : 0;
                } catch (IOException e) {
                    throw new StoreException("cannot read the size of " + file + ": " + e, e);
                }
            }
            return bytes;
        }
        return read("measuring the tables", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) "
                         + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                         + "WHERE n.nspname = current_schema() AND c.relkind = 'r'")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private Connection writerConnection(String what) {
        if (writer == null) {
            try {
                Connection connection = dataSource.getConnection();
                try (Statement statement = connection.createStatement()) {
                    if (dialect == Dialect.POSTGRESQL) {
                        connection.setAutoCommit(false);
                        statement.execute("SET lock_timeout = " + lockWaitMillis);
                        connection.commit();
                    }
                }
                writer = connection;
            } catch (SQLException e) {
                throw errors.translate(what, e);
            }
        }
        return writer;
    }

    private void begin(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            // Auto-commit stays on in the driver and the transaction is explicit: the driver's own
            // transaction handling would re-open an IMMEDIATE transaction right after each commit and so
            // hold the write lock while idle. IMMEDIATE takes the lock now, so no read-then-upgrade deadlock.
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            }
        }
    }

    private void commit(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        } else {
            connection.commit();
        }
    }

    private void rollback(Connection connection, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ROLLBACK");
                }
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL): then there is nothing to undo
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
                closeQuietly(connection);
                writer = null;
            }
        }
        if (cause instanceof SQLException sql) {
            dropWriterIfBroken(sql);
        }
    }

    private void dropWriterIfBroken(SQLException e) {
        if (DbErrors.isConnectionBroken(e) && writer != null) {
            closeQuietly(writer);
            writer = null;
        }
    }

    private Connection borrowReader(String what) {
        try {
            readerPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a reader connection to " + description, e);
        }
        Connection connection = idleReaders.pollFirst();
        if (connection != null) {
            return connection;
        }
        try {
            connection = dataSource.getConnection();
            if (dialect == Dialect.SQLITE) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
            }
            return connection;
        } catch (SQLException e) {
            readerPermits.release();
            if (connection != null) {
                closeQuietly(connection);
            }
            throw errors.translate(what, e);
        }
    }

    private void returnReader(Connection connection, boolean broken) {
        if (broken || closed) {
            closeQuietly(connection);
        } else {
            idleReaders.addFirst(connection);
        }
        readerPermits.release();
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("the store " + description + " is closed");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (writer != null) {
                closeQuietly(writer);
                writer = null;
            }
        } finally {
            writeLock.unlock();
        }
        Connection connection;
        while ((connection = idleReaders.pollFirst()) != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection that already failed: nothing left to release
        }
    }
}
