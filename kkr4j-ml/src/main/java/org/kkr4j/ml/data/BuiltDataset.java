package org.kkr4j.ml.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.descriptor.Descriptor;
import org.kkr4j.ml.descriptor.Featurizer;

/**
 * What a {@link DatasetBuilder} made: the dataset, the featurizer it used (with the structures and elements fixed
 * from the table: featurize candidates with it so that their columns match), the composition and structure of each
 * kept row, and every row left out with its reason. {@code rowsRead = dataset.size() + leftOut.size()}.
 *
 * @param source       the table's source
 * @param rowsRead     rows in the table
 * @param dataset      the kept rows
 * @param featurizer   the featurizer behind {@code dataset.features()}
 * @param compositions one per kept row
 * @param structures   one per kept row (null entries when the builder had no structure column)
 * @param lines        the source line of each kept row
 * @param leftOut      the rows not used
 * @param droppedDescriptors descriptors of the requested featurizer left out because an element of the table
 *                     lacks their property (only with {@code DatasetBuilder.dropDescriptorsMissingForTable()})
 */
public record BuiltDataset(String source, int rowsRead, Dataset dataset, Featurizer featurizer,
                           List<Composition> compositions, List<Structure> structures, List<Integer> lines,
                           List<LeftOutRow> leftOut, List<Descriptor> droppedDescriptors) {
    public BuiltDataset {
        compositions = List.copyOf(compositions);
        structures = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(structures));
        lines = List.copyOf(lines);
        leftOut = List.copyOf(leftOut);
        droppedDescriptors = List.copyOf(droppedDescriptors);
        if (rowsRead != dataset.size() + leftOut.size()) {
            throw new IllegalStateException(source + ": " + rowsRead + " rows read but " + dataset.size() + " kept and "
                    + leftOut.size() + " left out");
        }
    }

    /** Rows left out per reason. */
    public Map<LeftOutRow.Reason, Integer> leftOutCounts() {
        Map<LeftOutRow.Reason, Integer> m = new EnumMap<>(LeftOutRow.Reason.class);
        for (LeftOutRow r : leftOut) {
            m.merge(r.reason(), 1, Integer::sum);
        }
        return m;
    }

    /** A few lines for the user: counts, then each left-out row. */
    public String report() {
        StringBuilder s = new StringBuilder();
        s.append(source).append(": ").append(rowsRead).append(" rows, ").append(dataset.size()).append(" used, ")
                .append(leftOut.size()).append(" left out");
        if (!leftOut.isEmpty()) {
            s.append(" (").append(leftOutCounts().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append(')');
        }
        s.append('\n');
        s.append(dataset.dimension()).append(" descriptors in ").append(featurizer.families().size())
                .append(" families; target ").append(dataset.target().name()).append('\n');
        if (!droppedDescriptors.isEmpty()) {
            s.append("descriptors left out (a property missing for an element of the table): ")
                    .append(droppedDescriptors.stream().map(Descriptor::name).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        for (LeftOutRow r : leftOut) {
            s.append("  left out ").append(r).append('\n');
        }
        return s.toString();
    }
}
