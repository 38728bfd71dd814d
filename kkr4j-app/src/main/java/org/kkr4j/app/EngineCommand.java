package org.kkr4j.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kkr4j.engine.Engine;
import org.kkr4j.engine.EngineListener;
import org.kkr4j.engine.EngineLock;
import org.kkr4j.engine.EngineSettings;
import org.kkr4j.store.Run;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j engine}: the process that executes queued runs of a home (started by {@code kkr4j run}). */
@Command(name = "engine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Execute the queued runs of this home on this machine. One engine per home (a lock file);",
            "after a crash or kill, starting it again picks up every run where it was. kkr4j run starts one in",
            "the background when needed; it exits after --idle-exit seconds with nothing to do."})
final class EngineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--cores", paramLabel = "N",
            description = "core budget of this machine: a run with N threads takes N (default: all cores)")
    Integer cores;

    @Option(names = "--idle-exit", paramLabel = "SECONDS", defaultValue = "5",
            description = "exit after this long with nothing queued or running; 0 = never (default: ${DEFAULT-VALUE})")
    long idleExitSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<EngineLock> lock = EngineLock.tryAcquire(storeOptions.home());
        if (lock.isEmpty()) {
            out.println("an engine is already running for " + storeOptions.home());
            return 0;
        }
        try (EngineLock held = lock.get(); Store store = storeOptions.open()) {
            EngineSettings settings = EngineSettings.defaults(storeOptions.home());
            if (cores != null) {
                settings = settings.withCores(cores);
            }
            Engine engine = new Engine(store, settings);
            engine.addListener(new EngineListener() {
                @Override
                public void finished(Run run) {
                    out.println(Instant.now() + " run " + run.nodeId() + " " + run.outcome());
                    out.flush();
                }

                @Override
                public void problem(long runId, String message) {
                    out.println(Instant.now() + " run " + runId + ": " + message);
                    out.flush();
                }
            });
            out.println(Instant.now() + " engine " + ProcessHandle.current().pid() + " for " + store.describe());
            out.flush();
            engine.reconcile();
            Instant idleSince = null;
            while (true) {
                boolean busy = engine.step();
                if (busy) {
                    idleSince = null;
                } else if (idleSince == null) {
                    idleSince = Instant.now();
                } else if (idleExitSeconds > 0
                        && Duration.between(idleSince, Instant.now()).toSeconds() >= idleExitSeconds) {
                    out.println(Instant.now() + " idle, exiting");
                    return 0;
                }
                Thread.sleep(settings.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
