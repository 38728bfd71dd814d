package org.kkr4j.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineSettings;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunState;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j cancel}: stop runs. */
@Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Cancel runs: a queued run ends at once as CANCELLED; a running one is sent SIGTERM and is",
            "recorded as CANCELLED with its partial log when the engine collects it."})
final class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "run ids, uuids or uuid prefixes")
    List<String> ids;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOptions.open()) {
            Engine engine = new Engine(store, EngineSettings.defaults(storeOptions.home()));
            for (String id : ids) {
                Run run = RunLookup.require(store, id);
                if (run.state() == RunState.DONE) {
                    out.println("run " + run.nodeId() + " has already ended (" + run.outcome() + ")");
                    continue;
                }
                Run after = engine.cancel(run.nodeId());
                out.println(after.state() == RunState.DONE ? "run " + run.nodeId() + " cancelled"
                        : "run " + run.nodeId() + " is being stopped (SIGTERM sent)");
            }
            if (ids.stream().anyMatch(id -> store.findRun(id).map(r -> r.state() != RunState.DONE).orElse(false))) {
                spec.commandLine().getErr().println(BackgroundEngine.ensureRunning(storeOptions));
            }
        }
        return 0;
    }
}
