package org.kkr4j.ml.descriptor;

import java.util.List;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/** A few descriptors computed together (the statistics of one property, an occupation vector, ...). */
public interface DescriptorBlock {
    List<Descriptor> descriptors();

    /**
     * Writes {@code descriptors().size()} values into {@code out} from {@code offset}.
     *
     * @throws MissingPropertyException when an element lacks a property the block needs
     */
    void compute(Composition composition, Structure structure, double[] out, int offset);

    /** Fractions of a composition in its canonical order. */
    static double[] fractions(Composition c) {
        double[] f = new double[c.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = c.parts().get(i).fraction();
        }
        return f;
    }

    /** One property of every component, refusing missing values. */
    static double[] values(Composition c, ElementProperty p) {
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.require(c.parts().get(i).element());
        }
        return v;
    }
}
