package org.kkr4j.ml.descriptor;

import java.util.List;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * The usual solid-solution quantities of high-entropy alloys (Yang and Zhang 2012; Guo and Liu 2011), family
 * {@code mixing}:
 * <ul>
 *   <li>{@code mixing.delta}: atomic-size mismatch δ = 100 √(Σ c_i (1 − r_i / r̄)²), r̄ = Σ c_i r_i, metallic radii
 *       (%);</li>
 *   <li>{@code mixing.electronegativityDifference}: Δχ = √(Σ c_i (χ_i − χ̄)²), Pauling scale;</li>
 *   <li>{@code mixing.vec}: valence-electron concentration Σ c_i VEC_i with VEC = valence electrons as in
 *       kkr4j-elements (the group number for groups 1..12, Al 3);</li>
 *   <li>{@code mixing.entropy}: ideal mixing entropy −R Σ c_i ln c_i in J/(mol K).</li>
 * </ul>
 */
public record MixingQuantities() implements DescriptorBlock {
    /** Molar gas constant, J/(mol K) (exact in the 2019 SI). */
    public static final double GAS_CONSTANT_J_PER_MOL_K = 8.314462618;

    @Override
    public List<Descriptor> descriptors() {
        return List.of(new Descriptor("mixing.delta", "mixing", "%"),
                new Descriptor("mixing.electronegativityDifference", "mixing", "1"),
                new Descriptor("mixing.vec", "mixing", "e/atom"),
                new Descriptor("mixing.entropy", "mixing", "J/(mol K)"));
    }

    @Override
    public void compute(Composition composition, Structure structure, double[] out, int offset) {
        double[] c = DescriptorBlock.fractions(composition);
        double[] r = DescriptorBlock.values(composition, ElementProperty.METALLIC_RADIUS);
        double[] chi = DescriptorBlock.values(composition, ElementProperty.ELECTRONEGATIVITY);
        double[] vec = DescriptorBlock.values(composition, ElementProperty.VALENCE_ELECTRONS);
        double rMean = Statistic.mean(c, r);
        double chiMean = Statistic.mean(c, chi);
        double size = 0;
        double electronegativity = 0;
        double entropy = 0;
        for (int i = 0; i < c.length; i++) {
            double x = 1 - r[i] / rMean;
            size += c[i] * x * x;
            double d = chi[i] - chiMean;
            electronegativity += c[i] * d * d;
            entropy -= c[i] * Math.log(c[i]);
        }
        out[offset] = 100 * Math.sqrt(size);
        out[offset + 1] = Math.sqrt(electronegativity);
        out[offset + 2] = Statistic.mean(c, vec);
        out[offset + 3] = GAS_CONSTANT_J_PER_MOL_K * entropy;
    }
}
