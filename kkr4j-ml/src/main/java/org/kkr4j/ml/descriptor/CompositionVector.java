package org.kkr4j.ml.descriptor;

import java.util.List;
import org.kkr4j.elements.Element;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * The fraction of each of a fixed list of elements (in the list's order), {@code fraction.Fe}; family
 * {@code composition}. A composition with an element outside the list is refused: its fraction would be lost.
 */
public record CompositionVector(List<Element> elements) implements DescriptorBlock {
    public CompositionVector {
        elements = List.copyOf(elements);
    }

    @Override
    public List<Descriptor> descriptors() {
        return elements.stream().map(e -> new Descriptor("fraction." + e.symbol(), "composition", "1")).toList();
    }

    @Override
    public void compute(Composition composition, Structure structure, double[] out, int offset) {
        for (Element e : composition.elements()) {
            if (!elements.contains(e)) {
                throw new IllegalArgumentException(composition + ": " + e.symbol()
                        + " is not among the composition-vector elements " + elements.stream().map(Element::symbol).toList());
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            out[offset + i] = composition.fraction(elements.get(i));
        }
    }
}
