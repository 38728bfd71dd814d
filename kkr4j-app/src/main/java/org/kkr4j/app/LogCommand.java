package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kkr4j.engine.WorkDirectory;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunState;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j log}: the exact standard output (or error) of a run, stored or still being written. */
@Command(name = "log", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print a run's specx log byte for byte: the stored one, or the one being written while it runs.")
final class LogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "RUN", description = "run id, uuid or uuid prefix")
    String id;

    @Option(names = "--stderr", description = "the standard error instead")
    boolean stderr;

    @Override
    public Integer call() {
        String name = stderr ? WorkDirectory.STDERR : WorkDirectory.STDOUT;
        try (Store store = storeOptions.open()) {
            Run run = RunLookup.require(store, id);
            byte[] bytes;
            if (run.state() == RunState.DONE) {
                Optional<byte[]> stored = RunLookup.output(store, run, name).map(f -> RunLookup.read(store, f));
                if (stored.isEmpty()) {
                    spec.commandLine().getErr().println("run " + run.nodeId() + " (" + run.outcome() + ") stored no "
                            + name + (stderr ? " (it was empty)" : ""));
                    return stderr ? 0 : 1;
                }
                bytes = stored.get();
            } else if (run.workDir() != null && Files.exists(Path.of(run.workDir(), name))) {
                bytes = Files.readAllBytes(Path.of(run.workDir(), name));
            } else {
                spec.commandLine().getErr().println("run " + run.nodeId() + " is " + run.state() + "; no " + name
                        + " yet");
                return 0;
            }
            spec.commandLine().getOut().flush();
            PrintStream raw = System.out;
            raw.write(bytes);
            raw.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
