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
        DatasetBuilder b = DatasetBuilder.from(t).target(target, targetUnit == null ? "1" : targetUnit)
                .featurizer(Featurizer.preset(preset));
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
        if (struct != null) {
            b.structureColumn(struct);
        } else {
            b.featurizer(Featurizer.preset(preset).without("structure"));
        }
        if (compositionVector) {
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
