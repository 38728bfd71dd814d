package org.kkr4j.ml.descriptor;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.elements.Element;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * The fraction of the composition in each periodic-table group (1..18), period (1..7) or block (s, p, d, f),
 * named {@code occupation.group.8}, {@code occupation.period.4}, {@code occupation.block.d}; the entries sum to 1.
 * Groups of the lanthanides and actinides are not defined: compositions with them are refused by the group vector.
 */
public record OccupationVector(Kind kind) implements DescriptorBlock {
    public enum Kind {
        GROUP(18), PERIOD(7), BLOCK(4);

        private final int size;

        Kind(int size) {
            this.size = size;
        }
    }

    private static final String[] BLOCKS = {"s", "p", "d", "f"};

    @Override
    public List<Descriptor> descriptors() {
        List<Descriptor> out = new ArrayList<>(kind.size);
        String family = kind.name().toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < kind.size; i++) {
            String label = kind == Kind.BLOCK ? BLOCKS[i] : Integer.toString(i + 1);
            out.add(new Descriptor("occupation." + family + "." + label, family, "1"));
        }
        return out;
    }

    @Override
    public void compute(Composition composition, Structure structure, double[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + kind.size, 0.0);
        for (Composition.Part p : composition.parts()) {
            out[offset + index(p.element())] += p.fraction();
        }
    }

    private int index(Element e) {
        return switch (kind) {
            case GROUP -> (int) ElementProperty.GROUP.require(e) - 1;
            case PERIOD -> e.period() - 1;
            case BLOCK -> e.block().ordinal();
        };
    }
}
