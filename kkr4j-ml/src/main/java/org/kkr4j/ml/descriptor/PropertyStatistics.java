package org.kkr4j.ml.descriptor;

import java.util.List;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/** Statistics of one elemental property over the components, named {@code <statistic>.<property>}. */
public record PropertyStatistics(ElementProperty property, List<Statistic> statistics) implements DescriptorBlock {
    public PropertyStatistics {
        statistics = List.copyOf(statistics);
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException(property + ": no statistics");
        }
    }

    @Override
    public List<Descriptor> descriptors() {
        return statistics.stream().map(s -> new Descriptor(s.key() + "." + property.key(), property.family(),
                s == Statistic.DISTINCT ? "1" : property.unit())).toList();
    }

    @Override
    public void compute(Composition composition, Structure structure, double[] out, int offset) {
        double[] f = DescriptorBlock.fractions(composition);
        double[] v = DescriptorBlock.values(composition, property);
        for (int i = 0; i < statistics.size(); i++) {
            out[offset + i] = statistics.get(i).compute(f, v);
        }
    }
}
