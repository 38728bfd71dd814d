package org.kkr4j.ml.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kkr4j.ml.descriptor.Descriptor;

/**
 * Columns that are explained together: one feature, or a family of descriptors (all group-number statistics, say)
 * that permutation importance shuffles jointly and Shapley values treat as one player.
 *
 * @param name    the feature's or family's name
 * @param columns column indices, at least one
 */
public record ColumnGroup(String name, int[] columns) {

    public ColumnGroup {
        columns = columns.clone();
        if (columns.length == 0) {
            throw new IllegalArgumentException("column group " + name + " has no columns");
        }
    }

    /** One group per feature, named after it. */
    public static List<ColumnGroup> single(List<Descriptor> features) {
        List<ColumnGroup> out = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            out.add(new ColumnGroup(features.get(j).name(), new int[] {j}));
        }
        return out;
    }

    /** One group per descriptor family, in order of first appearance. */
    public static List<ColumnGroup> families(List<Descriptor> features) {
        Map<String, List<Integer>> byFamily = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            byFamily.computeIfAbsent(features.get(j).family(), f -> new ArrayList<>()).add(j);
        }
        List<ColumnGroup> out = new ArrayList<>();
        byFamily.forEach((family, cols) -> out.add(new ColumnGroup(family,
                cols.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }
}
