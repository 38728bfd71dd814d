package org.kkr4j.engine;

import java.nio.file.Path;
import java.util.Optional;
import org.kkr4j.store.Store;
import org.kkr4j.store.StoreLocation;
import org.kkr4j.store.Stores;

/** An engine in its own JVM, for tests that kill it: {@code EngineProcessMain HOME CORES}. */
public final class EngineProcessMain {
    private EngineProcessMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        Optional<EngineLock> lock = EngineLock.tryAcquire(home);
        if (lock.isEmpty()) {
            System.err.println("engine lock held");
            System.exit(3);
        }
        try (EngineLock held = lock.get(); Store store = Stores.open(StoreLocation.sqlite(home))) {
            new Engine(store, EngineSettings.defaults(home).withCores(Integer.parseInt(args[1]))).runUntilIdle();
        }
    }
}
