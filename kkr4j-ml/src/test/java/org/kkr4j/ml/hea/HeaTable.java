package org.kkr4j.ml.hea;

import java.io.IOException;
import java.util.List;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.data.CsvTableReader;
import org.kkr4j.ml.data.DatasetBuilder;
import org.kkr4j.ml.data.GroupKey;
import org.kkr4j.ml.descriptor.Featurizer;
import org.kkr4j.ml.explain.AlloyObservation;

/**
 * The real hea-3d table through the module's own pipeline: compact descriptors plus the composition vector, the
 * lattice as structure, converged rows only (the others are left out and counted), groups = compositions (one
 * alloy on fcc and bcc is one group).
 */
final class HeaTable {
    static final String TARGET = "moment_per_atom";

    final BuiltDataset built;
    final Dataset data;
    final List<AlloyObservation> alloys;

    private HeaTable(BuiltDataset built) {
        this.built = built;
        this.data = built.dataset();
        this.alloys = AlloyObservation.of(built);
    }

    static HeaTable load() throws IOException {
        var table = CsvTableReader.read(SharedRoot.resolve("datasets/hea-3d/hea3d_equiatomic.csv"));
        return new HeaTable(DatasetBuilder.from(table)
                .target(TARGET, "muB")
                .compositionColumn("composition")
                .structureColumn("lattice")
                .featurizer(Featurizer.preset("compact"))
                .withCompositionVector()
                .groupKey(GroupKey.composition())
                .filter("converged == 1")
                .build());
    }

    /** The same rows with only the columns of the given descriptor families. */
    Dataset families(String... families) {
        List<String> wanted = List.of(families);
        int[] cols = java.util.stream.IntStream.range(0, data.dimension())
                .filter(j -> wanted.contains(data.features().get(j).family())).toArray();
        return data.columns(cols);
    }
}
