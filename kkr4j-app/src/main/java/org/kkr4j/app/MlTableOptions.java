package org.kkr4j.app;

import java.nio.file.Path;
import java.util.Locale;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.data.CsvTableReader;
import org.kkr4j.ml.data.DatasetBuilder;
import org.kkr4j.ml.data.GroupKey;
import org.kkr4j.ml.data.JsonTableReader;
import org.kkr4j.ml.data.StoreTableReader;
import org.kkr4j.ml.data.Table;
import org.kkr4j.ml.descriptor.Featurizer;
import org.kkr4j.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The table a {@code kkr4j ml} command learns from and how its rows become a dataset: a CSV or JSON file, or the
 * project's store ({@code --from-store}); the composition and structure columns; the descriptor preset; filters;
 * the grouping that keeps the rows of one alloy together in cross-validation.
 */
final class MlTableOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE",
            description = "CSV (header row) or JSON (array of objects) file; omit with --from-store")
    Path table;

    @Option(names = "--from-store", description = "one row per finished run of the project's store (its result columns)")
    boolean fromStore;

    @Option(names = "--code", paramLabel = "NAME", description = "with --from-store: only runs of this code")
    String code;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--composition", paramLabel = "COL",
            description = "composition column, e.g. Fe0.25Co0.25Ni0.25Cu0.25, FeCoNiCu, Al2CoCrFe (default: "
                    + "'composition' if present, else 'system', else one column per element)")
    String composition;

    @Option(names = "--element-columns", description = "the composition is one column per element (c_Fe, x_Fe or Fe)")
    boolean elementColumns;

    @Option(names = "--structure", paramLabel = "COL",
            description = "structure column: fcc, bcc, hcp, ... (default: 'lattice' or 'structure' if present)")
    String structure;

    @Option(names = "--preset", paramLabel = "compact|full", defaultValue = "compact",
            description = "descriptor set (default ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--composition-vector", description = "add the fraction of each element of the table")
    boolean compositionVector;

    @Option(names = "--families", paramLabel = "F,F,...", split = ",",
            description = {"only these descriptor families of the preset (see ml describe --list; 'composition' adds",
                "the composition vector). Fewer descriptors make Gaussian processes much faster: ARD fits one",
                "length scale per descriptor."})
    java.util.List<String> families;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "keep rows where COLUMN OP VALUE holds (OP: == != < <= > >=), e.g. 'converged == 1'; repeatable")
    java.util.List<String> filters = new java.util.ArrayList<>();

    @Option(names = "--group-by", paramLabel = "composition|system|COL", defaultValue = "composition",
            description = "rows that are never split between training and test (default: the composition, so the "
                    + "fcc and bcc rows of one alloy stay together)")
    String groupBy;

    @Option(names = "--id", paramLabel = "COL", description = "row id column (default: composition_structure)")
    String id;

    @Option(names = "--leave-out-bad-rows",
            description = "rows with an unreadable target, composition or structure are left out and listed, not an error")
    boolean leaveOutBadRows;

    /** The families a Gaussian process gets when the user names none: few descriptors, each with a meaning. */
    static final java.util.List<String> GP_FAMILIES = java.util.List.of("mixing", "structure", "composition");

    /**
     * For commands that fit Gaussian processes: without {@code --families}, use {@link #GP_FAMILIES} (an ARD fit
     * over the 55+ descriptors of a preset takes minutes per fit) and say so.
     */
    void defaultFamiliesForGaussianProcesses(java.io.PrintWriter out) {
        if (families == null) {
            families = GP_FAMILIES;
            out.println("descriptor families for the Gaussian process: " + String.join(",", GP_FAMILIES)
                    + " (choose others with --families)");
        }
    }

    Table read() {
        if (fromStore) {
            if (table != null) {
                throw new IllegalArgumentException("give either TABLE or --from-store, not both");
            }
            try (Store store = storeOptions.open()) {
                return code == null ? StoreTableReader.read(store) : StoreTableReader.read(store, code);
            }
        }
        if (table == null) {
            throw new IllegalArgumentException("no table: give a CSV or JSON file, or --from-store");
        }
        String name = table.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? JsonTableReader.read(table) : CsvTableReader.read(table);
    }

    /** The rows of {@code t} with {@code target} as the target, featurized as the options say. */
    BuiltDataset build(Table t, String target, String targetUnit) {
        DatasetBuilder b = DatasetBuilder.from(t).target(target, targetUnit == null ? "1" : targetUnit);
        Featurizer f = Featurizer.preset(preset);
        boolean vector = compositionVector;
        boolean keepStructure = true;
        if (families != null) {
            java.util.Set<String> keep = new java.util.LinkedHashSet<>(families);
            vector |= keep.remove("composition");
            keepStructure = keep.remove("structure");
            java.util.List<String> offered = f.families().stream()
                    .filter(x -> !x.equals("composition") && !x.equals("structure")).toList();
            for (String family : keep) {
                if (!offered.contains(family)) {
                    throw new IllegalArgumentException("--families: no family '" + family + "' in preset " + preset
                            + " (families: " + String.join(", ", offered) + ", structure, composition)");
                }
            }
            for (String family : offered) {
                if (!keep.contains(family)) {
                    f = f.without(family);
                }
            }
        }
        String comp = composition != null ? composition
                : t.columns().contains("composition") ? "composition"
                : t.columns().contains("system") && !elementColumns ? "system" : null;
        if (elementColumns || comp == null) {
            b.elementColumns();
        } else {
            b.compositionColumn(comp);
        }
        String struct = structure != null ? structure
                : t.columns().contains("lattice") ? "lattice" : t.columns().contains("structure") ? "structure" : null;
        if (struct != null && keepStructure) {
            b.structureColumn(struct);
        } else if (f.usesStructure()) {
            f = f.without("structure");
        }
        b.featurizer(f);
        if (vector) {
            b.withCompositionVector();
        }
        filters.forEach(b::filter);
        b.groupKey(switch (groupBy) {
            case "composition" -> GroupKey.composition();
            case "system" -> GroupKey.system();
            default -> GroupKey.column(groupBy);
        });
        if (id != null) {
            b.idColumn(id);
        }
        if (leaveOutBadRows) {
            b.leaveOutBadRows();
        }
        return b.build();
    }
}
