package org.kkr4j.app;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunQuery;
import org.kkr4j.store.RunState;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j ps}: the runs of this home, newest first. */
@Command(name = "ps", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List runs, newest first: state, outcome and the main results.")
final class PsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "only these states: QUEUED, LAUNCHING, RUNNING, DONE")
    Set<RunState> states = EnumSet.noneOf(RunState.class);

    @Option(names = "--code", paramLabel = "NAME", description = "only runs of this code")
    String code;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50",
            description = "at most N runs, 0 for all (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOptions.open()) {
            List<Run> runs = store.runs(new RunQuery(states, code, limit, false));
            if (json) {
                out.println(Json.write(runs));
                return 0;
            }
            RunTable.print(runs, out);
            out.println(runs.size() + " run(s) shown; queued " + store.countRuns(RunState.QUEUED) + ", running "
                    + (store.countRuns(RunState.RUNNING) + store.countRuns(RunState.LAUNCHING)) + ", done "
                    + store.countRuns(RunState.DONE) + " (" + store.describe() + ")");
        }
        return 0;
    }
}
