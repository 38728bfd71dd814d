package org.kkr4j.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kkr4j.engine.WorkDirectory;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.store.Event;
import org.kkr4j.store.FileEntry;
import org.kkr4j.store.Link;
import org.kkr4j.store.LinkType;
import org.kkr4j.store.Node;
import org.kkr4j.store.Run;
import org.kkr4j.store.RunResult;
import org.kkr4j.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kkr4j show}: one run with its inputs, outputs, results, events and its parsed log. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show one run: code, state and outcome, input and output files (with their provenance),",
            "the typed result columns, every event in order, and the stored log parsed exactly as kkr4j parse",
            "parses a log file."})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "RUN", description = "run id, uuid or uuid prefix")
    String id;

    @Option(names = "--json", description = "as JSON (the parsed log as kkr4j parse --json writes it)")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOptions.open()) {
            Run run = RunLookup.require(store, id);
            List<Link> inputs = store.incoming(run.nodeId()).stream().filter(l -> l.type() == LinkType.INPUT_CALC)
                    .toList();
            Optional<Long> outputNode = store.outputNode(run.nodeId()).map(Node::id);
            List<FileEntry> outputs = outputNode.map(store::files).orElse(List.of());
            List<Event> events = store.events(run.nodeId());
            SpecxLog log = parsedLog(store, run);
            if (json) {
                ObjectNode root = Json.mapper().createObjectNode();
                root.set("run", Json.tree(run));
                store.code(run.codeName()).ifPresent(c -> root.set("code", Json.tree(c)));
                ArrayNode in = root.putArray("inputs");
                for (Link l : inputs) {
                    ObjectNode o = in.addObject();
                    o.put("path", l.label());
                    o.put("node", l.sourceId());
                    o.set("files", Json.tree(store.files(l.sourceId())));
                }
                root.set("outputs", Json.tree(outputs));
                root.set("events", Json.tree(events));
                root.set("log", log == null ? null : Json.tree(log));
                out.println(Json.write(root));
                return 0;
            }
            printText(store, run, inputs, outputNode, outputs, events, log, out);
        }
        return 0;
    }

    private static SpecxLog parsedLog(Store store, Run run) {
        Optional<byte[]> bytes = RunLookup.storedLog(store, run);
        if (bytes.isEmpty() || bytes.get().length == 0) {
            return null;
        }
        try {
            return SpecxLogParser.parse(SourceText.of("run " + run.nodeId() + "/" + WorkDirectory.STDOUT, bytes.get()));
        } catch (KkrFormatException e) {
            return null;
        }
    }

    private static void printText(Store store, Run run, List<Link> inputs, Optional<Long> outputNode,
                                  List<FileEntry> outputs, List<Event> events, SpecxLog log, PrintWriter out) {
        out.println("run " + run.nodeId() + "  " + run.uuid() + (run.label() == null ? "" : "  " + run.label()));
        out.println("  code        " + run.codeName() + " (sha256 " + run.codeSha256().substring(0, 12) + "…)"
                + store.code(run.codeName()).map(c -> " " + c.version() + " " + c.path()).orElse(""));
        out.println("  state       " + run.state() + (run.outcome() == null ? "" : "  outcome " + run.outcome())
                + (run.exitCode() == null ? "" : "  exit status " + run.exitCode()));
        out.println("  threads     " + run.threads() + (run.wallLimitSeconds() > 0 ? "  wall limit "
                + run.wallLimitSeconds() + " s" : ""));
        out.println("  submitted   " + run.submitted() + (run.started() == null ? "" : "  started " + run.started())
                + (run.finished() == null ? "" : "  finished " + run.finished()));
        store.incoming(run.nodeId()).stream().filter(l -> l.type() == LinkType.CALL_CALC).forEach(l -> out.println(
                "  called by   workflow " + l.sourceId() + " (" + store.node(l.sourceId()).label() + ")"));
        if (run.cachedFrom() != null) {
            out.println("  cache hit   answered by run " + run.cachedFrom() + "; no process was started");
        }
        if (run.workDir() != null && run.state() != org.kkr4j.store.RunState.DONE) {
            out.println("  directory   " + run.workDir());
        }
        out.println("  cache key   " + run.cacheKey());
        out.println();
        out.println("inputs");
        for (Link l : inputs) {
            Node source = store.node(l.sourceId());
            String creator = store.incoming(l.sourceId()).stream().filter(x -> x.type() == LinkType.CREATE)
                    .map(x -> ", created by run " + x.sourceId()).findFirst().orElse("");
            for (FileEntry f : store.files(l.sourceId())) {
                if (f.path().equals(l.label()) || store.files(l.sourceId()).size() == 1) {
                    out.println(String.format("  %-14s %10d B  sha256 %s…  node %d (%s%s)", l.label(),
                            f.blob().sizeBytes(), f.blob().sha256().substring(0, 12), source.id(), source.type(),
                            creator));
                }
            }
        }
        out.println();
        out.println("outputs" + outputNode.map(n -> " (node " + n + ")").orElse(""));
        for (FileEntry f : outputs) {
            out.println(String.format("  %-14s %10d B  sha256 %s…", f.path(), f.blob().sizeBytes(),
                    f.blob().sha256().substring(0, 12)));
        }
        out.println();
        out.println("results (units: Ry, bohr, muB, K, micro-ohm cm; '-' = not in the log)");
        RunResult r = run.result();
        row(out, "system", r.system());
        row(out, "lattice", r.lattice());
        row(out, "mode", r.mode());
        row(out, "ewidth", r.ewidthRy());
        row(out, "converged", r.converged());
        row(out, "iterations", r.iterations());
        row(out, "total energy", r.totalEnergyRy());
        row(out, "Fermi energy", r.fermiEnergyRy());
        row(out, "total moment", r.totalMomentMuB());
        row(out, "a", r.latticeConstantBohr());
        row(out, "Tc", r.curieTemperatureK());
        row(out, "resistivity", r.resistivityMicroOhmCm());
        row(out, "moments", r.momentsJson());
        out.println();
        out.println("events");
        for (Event e : events) {
            out.println(String.format("  %6d  %s  %-9s -> %-9s %s", e.seq(), e.time(),
                    e.fromState() == null ? "" : e.fromState(), e.toState(), e.reason() == null ? "" : e.reason()));
        }
        out.println();
        if (log == null) {
            out.println("log: none stored");
        } else {
            out.println("log (parsed as by kkr4j parse)");
            ResultSummary.print(log, out);
        }
    }

    private static void row(PrintWriter out, String name, Object value) {
        out.println(String.format("  %-14s %s", name, value == null ? "-" : value));
    }
}
