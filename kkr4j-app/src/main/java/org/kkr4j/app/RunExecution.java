package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineListener;
import org.kkr4j.engine.EngineLock;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunState;
import org.kkr4j.store.Store;

/**
 * Brings submitted runs to DONE from a command: with the home's engine lock this process executes them;
 * when another engine holds it (a background {@code kkr4j engine}), this process waits for that one.
 */
final class RunExecution {
    private final Engine engine;
    private final Path home;
    private final PrintWriter err;

    RunExecution(Engine engine, Path home, PrintWriter err) {
        this.engine = engine;
        this.home = home;
        this.err = err;
    }

    /** Runs (or waits for) {@code ids} with a progress bar labelled {@code what}. */
    void complete(Collection<Long> ids, String what) {
        Store store = engine.store();
        long pending = ids.stream().filter(id -> store.run(id).map(r -> r.state() != RunState.DONE).orElse(false))
                .count();
        if (pending == 0) {
            return;
        }
        try (ProgressBar progress = new ProgressBar(err, what, pending)) {
            Optional<EngineLock> lock = EngineLock.tryAcquire(home);
            if (lock.isPresent()) {
                try (EngineLock held = lock.get()) {
                    EngineListener listener = new EngineListener() {
                        @Override
                        public void finished(Run run) {
                            if (ids.contains(run.nodeId())) {
                                progress.step();
                            }
                        }

                        @Override
                        public void problem(long runId, String message) {
                            err.println("run " + runId + ": " + message);
                        }
                    };
                    engine.addListener(listener);
                    try {
                        engine.runUntilDone(ids);
                    } finally {
                        engine.removeListener(listener);
                    }
                }
            } else {
                err.println("another engine is running for " + home + "; waiting for it");
                while (true) {
                    long left = ids.stream().filter(id -> store.run(id).map(r -> r.state() != RunState.DONE)
                            .orElse(false)).count();
                    progress.advanceTo(pending - left);
                    if (left == 0) {
                        return;
                    }
                    Thread.sleep(500);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
