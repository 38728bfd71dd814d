package org.kkr4j.app;

import java.nio.file.Path;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;
import picocli.CommandLine.Option;

/** Where the project's store is: {@code --home} and {@code --db}, shared by every command that uses the store. */
final class StoreOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "project directory with the store and the run directories (default: $KKR4J_HOME, else ~/.kkr4j)")
    Path home;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1/kkr4j?user=me (default: $KKR4J_DB,"
                    + " else the embedded SQLite database in the home)")
    String db;

    Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String env = System.getenv("KKR4J_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".kkr4j");
    }

    StoreLocation location() {
        String url = db != null ? db : System.getenv("KKR4J_DB");
        if (url == null || url.isBlank()) {
            return StoreLocation.sqlite(home());
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://...), got " + url);
        }
        return new StoreLocation(home(), url, null, System.getenv("KKR4J_DB_PASSWORD"));
    }

    Store open() {
        return Stores.open(location());
    }
}
