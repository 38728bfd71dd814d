package org.kkr4j.ml.descriptor;

import java.util.List;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * {@code fraction.ferromagneticElements}: the fraction of the composition made of elements that are ferromagnetic on
 * their own (a nonzero moment in {@link ElementalMoments}: Fe, Co, Ni among the 3d metals). Family {@code moment}.
 */
public record FerromagneticFraction() implements DescriptorBlock {
    @Override
    public List<Descriptor> descriptors() {
        return List.of(new Descriptor("fraction.ferromagneticElements", "moment", "1"));
    }

    @Override
    public void compute(Composition composition, Structure structure, double[] out, int offset) {
        double f = 0;
        for (Composition.Part p : composition.parts()) {
            if (ElementProperty.MAGNETIC_MOMENT.require(p.element()) > 0) {
                f += p.fraction();
            }
        }
        out[offset] = f;
    }
}
