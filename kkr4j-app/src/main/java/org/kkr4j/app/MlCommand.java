package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.data.Table;
import org.kkr4j.ml.descriptor.Descriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kkr4j ml ...}: descriptors, regression, explanations, suggestions and active learning over tables. */
@Command(name = "ml", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Machine learning over tables of results (CSV, JSON or the project's store): descriptors,",
            "regression with group-aware validation, explanations, Bayesian optimisation and active learning."},
        subcommands = {MlCommand.Describe.class, MlFitCommand.class, MlExplainCommand.class,
            MlSuggestCommand.class, MlLearnCommand.class})
final class MlCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Compute the descriptors of every row of a table and write them (CSV or JSON by the",
                "extension of --out), with the rows left out and why; --list prints each descriptor's family and unit."})
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        MlTableOptions input;
        @Option(names = "--target", required = true, paramLabel = "COL", description = "the property column")
        String target;
        @Option(names = "--unit", paramLabel = "U", description = "the property's unit (default 1)")
        String unit;
        @Option(names = "--out", paramLabel = "FILE", description = "descriptor table, .csv or .json (default: none)")
        Path out;
        @Option(names = "--list", description = "print every descriptor with its family and unit")
        boolean list;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            Table table = input.read();
            BuiltDataset built = input.build(table, target, unit);
            o.print(built.report());
            Dataset d = built.dataset();
            o.println("families: " + String.join(", ", built.featurizer().families()));
            if (list) {
                for (Descriptor x : d.features()) {
                    o.println(String.format("  %-44s %-18s %s", x.name(), x.family(), x.unit()));
                }
            }
            if (out != null) {
                write(d, out);
                o.println("wrote " + out);
            }
            return 0;
        }
    }

    /** The dataset as a table: id, group, target, then one column per descriptor. */
    static void write(Dataset d, Path out) {
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            if (out.getFileName().toString().endsWith(".json")) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < d.size(); i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", d.rowIds().get(i));
                    row.put("group", d.groups().get(i));
                    row.put(d.target().name(), d.y()[i]);
                    for (int j = 0; j < d.dimension(); j++) {
                        row.put(d.features().get(j).name(), d.x()[i][j]);
                    }
                    rows.add(row);
                }
                Files.writeString(out, Json.write(rows) + "\n");
                return;
            }
            try (Writer w = Files.newBufferedWriter(out)) {
                List<String> header = new ArrayList<>(List.of("id", "group", d.target().name()));
                d.features().forEach(f -> header.add(f.name()));
                w.write(csvRow(header));
                for (int i = 0; i < d.size(); i++) {
                    List<String> cells = new ArrayList<>(List.of(d.rowIds().get(i), d.groups().get(i),
                            Double.toString(d.y()[i])));
                    for (double v : d.x()[i]) {
                        cells.add(Double.toString(v));
                    }
                    w.write(csvRow(cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    static String csvRow(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\""
                    : c);
        }
        return b.append('\n').toString();
    }
}
