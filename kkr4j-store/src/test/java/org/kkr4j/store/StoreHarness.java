package org.kkr4j.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.kkr4j.store.blob.PackFile;
import org.kkr4j.store.sql.SqlStore;

/**
 * Fresh stores for one test: a new home directory and, on PostgreSQL, a new schema (dropped at the end)
 * in the server named by {@code KKR4J_TEST_POSTGRES_URL}. Without that variable the PostgreSQL variant
 * is skipped, unless {@code KKR4J_TEST_REQUIRE_POSTGRES=1}, which makes it fail.
 */
public final class StoreHarness implements AutoCloseable {
    public static final String URL_VARIABLE = "KKR4J_TEST_POSTGRES_URL";
    public static final String REQUIRE_VARIABLE = "KKR4J_TEST_REQUIRE_POSTGRES";

    private final Backend backend;
    private final Path root;
    private final String serverUrl;
    private final List<String> schemas = new ArrayList<>();
    private final List<Store> opened = new ArrayList<>();
    private StoreLocation location;

    public StoreHarness(Backend backend, Path root) {
        this.backend = backend;
        this.root = root;
        if (backend == Backend.POSTGRESQL) {
            String url = System.getenv(URL_VARIABLE);
            if (url == null || url.isBlank()) {
                String message = URL_VARIABLE + " is not set: no PostgreSQL server for this test "
                        + "(start one with: eval \"$(.ci/postgres-start)\")";
                if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
                    fail(message + ", and " + REQUIRE_VARIABLE + "=1 requires one");
                }
                Assumptions.abort(message);
            }
            this.serverUrl = url;
        } else {
            this.serverUrl = null;
        }
        this.location = newLocation();
    }

    public Backend backend() {
        return backend;
    }

    /** The location of this test's main store. */
    public StoreLocation location() {
        return location;
    }

    /** Another empty store location (new home; new schema on PostgreSQL). */
    public StoreLocation newLocation() {
        try {
            Path home = Files.createTempDirectory(root, "home");
            if (backend == Backend.SQLITE) {
                return StoreLocation.sqlite(home);
            }
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            schemas.add(schema);
            return new StoreLocation(home, serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    null, null);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot prepare a test store: " + e, e);
        }
    }

    public static StoreOptions fastOptions() {
        return StoreOptions.defaults().withLockWait(Duration.ofSeconds(10));
    }

    public Store open() {
        return open(location, fastOptions());
    }

    public Store open(StoreOptions options) {
        return open(location, options);
    }

    public Store open(StoreLocation where, StoreOptions options) {
        Store store = Stores.open(where, options);
        opened.add(store);
        return store;
    }

    public SqlStore open(StoreOptions options, PackFile.Opener packs) {
        SqlStore store = SqlStore.open(location, options, packs);
        opened.add(store);
        return store;
    }

    /** A plain JDBC connection to the main store's database (as another process would have). */
    public Connection rawConnection() throws SQLException {
        if (backend == Backend.SQLITE) {
            return DriverManager.getConnection("jdbc:sqlite:" + location.home().resolve("kkr4j.db"));
        }
        return DriverManager.getConnection(location.jdbcUrl());
    }

    @Override
    public void close() throws SQLException {
        for (Store store : opened) {
            store.close();
        }
        if (!schemas.isEmpty()) {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
