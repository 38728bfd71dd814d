package org.kkr4j.ml.descriptor;

import java.util.List;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * One column per structure, {@code structure.fcc} = 1 for fcc rows and 0 otherwise; family {@code structure}. The
 * structures are fixed when the featurizer is made (a dataset builder uses those of its table): a structure outside
 * them is refused rather than encoded as all zeros.
 */
public record StructureOneHot(List<Structure> structures) implements DescriptorBlock {
    public StructureOneHot {
        structures = List.copyOf(structures);
        if (structures.stream().distinct().count() != structures.size()) {
            throw new IllegalArgumentException("structures listed twice: " + structures);
        }
    }

    @Override
    public List<Descriptor> descriptors() {
        return structures.stream().map(s -> new Descriptor("structure." + s.name(), "structure", "1")).toList();
    }

    @Override
    public void compute(Composition composition, Structure structure, double[] out, int offset) {
        if (structures.isEmpty()) {
            throw new IllegalStateException("the structure one-hot has no structures yet: make the featurizer with "
                    + "withStructures(...) (a DatasetBuilder does it from its table)");
        }
        if (structure == null) {
            throw new IllegalArgumentException("this featurizer encodes the structure, and none was given");
        }
        int k = structures.indexOf(structure);
        if (k < 0) {
            throw new IllegalArgumentException("structure " + structure + " is not one of the featurizer's " + structures);
        }
        for (int i = 0; i < structures.size(); i++) {
            out[offset + i] = i == k ? 1 : 0;
        }
    }
}
