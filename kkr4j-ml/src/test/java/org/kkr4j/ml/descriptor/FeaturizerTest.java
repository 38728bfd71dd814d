package org.kkr4j.ml.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kkr4j.elements.Elements;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * Values computed by hand from the element table (kkr4j-elements): groups Al 13, Cr 6, Fe 8, Co 9, Ni 10, Cu 11;
 * valence electrons = group number for Cr..Cu and 3 for Al; metallic radii (Å) Al 1.43, Cr 1.285, Fe 1.277,
 * Co 1.25, Ni 1.246, Cu 1.278.
 */
class FeaturizerTest {
    private static final double R = 8.314462618;
    private final Featurizer compact = Featurizer.preset("compact").withStructures(List.of(Structure.FCC,
            Structure.BCC));

    private Map<String, Double> values(Featurizer f, String composition, Structure s) {
        double[] x = f.featurize(Composition.parse(composition), s);
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            m.put(f.descriptors().get(i).name(), x[i]);
        }
        return m;
    }

    @Test
    void feCoNiCuByHand() {
        Map<String, Double> v = values(compact, "FeCoNiCu", Structure.FCC);
        assertThat(v.get("mean.group")).isCloseTo(9.5, within(1e-12));                  // (8+9+10+11)/4
        assertThat(v.get("avgdev.group")).isCloseTo(1.0, within(1e-12));                // (1.5+.5+.5+1.5)/4
        assertThat(v.get("min.group")).isEqualTo(8.0);
        assertThat(v.get("max.group")).isEqualTo(11.0);
        assertThat(v.get("range.group")).isEqualTo(3.0);
        assertThat(v.get("distinct.group")).isEqualTo(4.0);
        assertThat(v.get("distinct.period")).isEqualTo(1.0);
        assertThat(v.get("mixing.vec")).isCloseTo(9.5, within(1e-12));
        // r̄ = 5.051/4 = 1.26275; Σ(1 - r/r̄)²/4 = 1.3778e-4; δ = 100 √ = 1.17378 %
        assertThat(v.get("mixing.delta")).isCloseTo(1.17378, within(1e-4));
        assertThat(v.get("mixing.entropy")).isCloseTo(R * Math.log(4), within(1e-12));
        assertThat(v.get("mixing.entropy")).isCloseTo(11.5263, within(1e-4));
        // Fe, Co, Ni are ferromagnetic elements, Cu is not; mean moment (2.22+1.72+0.606+0)/4
        assertThat(v.get("fraction.ferromagneticElements")).isCloseTo(0.75, within(1e-12));
        assertThat(v.get("mean.magneticMoment")).isCloseTo(4.546 / 4, within(1e-12));
        assertThat(v.get("structure.fcc")).isEqualTo(1.0);
        assertThat(v.get("structure.bcc")).isEqualTo(0.0);
    }

    @Test
    void alCrCoCuByHand() {
        Map<String, Double> v = values(compact, "Al0.25Cr0.25Co0.25Cu0.25", Structure.BCC);
        assertThat(v.get("mean.group")).isCloseTo(9.75, within(1e-12));                 // (13+6+9+11)/4
        assertThat(v.get("avgdev.group")).isCloseTo(2.25, within(1e-12));               // (3.25+3.75+.75+1.25)/4
        assertThat(v.get("range.group")).isEqualTo(7.0);
        assertThat(v.get("mixing.vec")).isCloseTo(7.25, within(1e-12));                 // (3+6+9+11)/4
        // r̄ = 5.243/4 = 1.31075; δ = 100 √(Σ(1 - r/r̄)²/4) = 5.34682 %
        assertThat(v.get("mixing.delta")).isCloseTo(5.34682, within(1e-4));
        // χ = 1.61, 1.66, 1.88, 1.90; χ̄ = 1.7625; √(Σ(χ-χ̄)²/4) = 0.128914
        assertThat(v.get("mixing.electronegativityDifference")).isCloseTo(0.128914, within(1e-5));
        assertThat(v.get("mixing.entropy")).isCloseTo(R * Math.log(4), within(1e-12));
        assertThat(v.get("structure.bcc")).isEqualTo(1.0);
        assertThat(v.get("distinct.period")).isEqualTo(2.0);                            // Al period 3, rest 4
    }

    @Test
    void weightedStatisticsAgreeWithABruteForceOverAtoms() {
        // Al2CoCrFe as 5 atoms: the unweighted mean over the atoms is the fraction-weighted mean
        int[] groupsOfAtoms = {13, 13, 9, 6, 8};
        double mean = 0;
        for (int g : groupsOfAtoms) {
            mean += g / 5.0;
        }
        double dev = 0;
        for (int g : groupsOfAtoms) {
            dev += Math.abs(g - mean) / 5.0;
        }
        Map<String, Double> v = values(compact, "Al2CoCrFe", Structure.FCC);
        assertThat(v.get("mean.group")).isCloseTo(mean, within(1e-12));
        assertThat(v.get("avgdev.group")).isCloseTo(dev, within(1e-12));
        // S = -R Σ c ln c with c = 0.4, 0.2, 0.2, 0.2
        assertThat(v.get("mixing.entropy")).isCloseTo(-R * (0.4 * Math.log(0.4) + 3 * 0.2 * Math.log(0.2)),
                within(1e-12));
    }

    @Test
    void occupationVectorsSumToOneAndSitAtTheRightGroups() {
        Featurizer full = Featurizer.preset("full").withStructures(List.of(Structure.FCC));
        Map<String, Double> v = values(full, "Al2CoCrFe", Structure.FCC);
        assertThat(v.get("occupation.group.13")).isCloseTo(0.4, within(1e-12));
        assertThat(v.get("occupation.group.6")).isCloseTo(0.2, within(1e-12));
        assertThat(v.get("occupation.group.1")).isZero();
        assertThat(v.get("occupation.period.3")).isCloseTo(0.4, within(1e-12));
        assertThat(v.get("occupation.period.4")).isCloseTo(0.6, within(1e-12));
        assertThat(v.get("occupation.block.p") + v.get("occupation.block.d")).isCloseTo(1.0, within(1e-12));
        double groups = 0;
        for (int g = 1; g <= 18; g++) {
            groups += v.get("occupation.group." + g);
        }
        assertThat(groups).isCloseTo(1.0, within(1e-12));
        // AkaiKKR volume of Fe in bohr³/atom = 7.094 cc/mol × 11.205828 (a fact of kkr4j-elements)
        Map<String, Double> fe = values(full, "Fe", Structure.FCC);
        assertThat(fe.get("mean.atomicVolume")).isCloseTo(7.094 * 11.205828, within(1e-9));
        assertThat(fe.get("mixing.delta")).isZero();
        assertThat(fe.get("mixing.entropy")).isZero();
    }

    @Test
    void everyDescriptorHasNameFamilyAndUnitAndPresetsListTheirFamilies() {
        for (String preset : Featurizer.PRESETS) {
            Featurizer f = Featurizer.preset(preset).withStructures(List.of(Structure.FCC));
            assertThat(f.descriptors()).allSatisfy(d -> {
                assertThat(d.name()).isNotBlank();
                assertThat(d.family()).isNotBlank();
                assertThat(d.unit()).isNotBlank();
            });
            assertThat(f.families()).contains("group", "period", "electronegativity", "mixing", "structure", "moment");
            assertThat(f.featurize(Composition.parse("FeCoNiCu"), Structure.FCC)).hasSize(f.dimension());
        }
        // 8 properties × 6 statistics + ferromagnetic fraction + 4 mixing + 2 structures
        assertThat(compact.dimension()).isEqualTo(8 * 6 + 1 + 4 + 2);
        // 11 × 6 + (18 groups + 7 periods + 4 blocks) + 1 + 4 + 2
        assertThat(Featurizer.preset("full").withStructures(List.of(Structure.FCC, Structure.BCC)).dimension())
                .isEqualTo(11 * 6 + 29 + 1 + 4 + 2);
        assertThat(Featurizer.preset("full").families()).contains("block", "volume", "meltingPoint", "mass");
        assertThat(Featurizer.preset("compact").families()).doesNotContain("block", "volume");
        assertThat(Featurizer.preset("compact").descriptors()).extracting(Descriptor::name)
                .contains("mixing.delta").filteredOn(n -> n.startsWith("structure.")).isEmpty();
        assertThatThrownBy(() -> Featurizer.preset("huge")).hasMessageContaining("presets: compact, full");
    }

    @Test
    void theCompositionVectorAndStructureOneHotRefuseWhatTheyCannotEncode() {
        Featurizer f = compact.withCompositionVector(List.of(Elements.bySymbol("Ni"), Elements.bySymbol("Fe")));
        Map<String, Double> v = values(f, "Fe3Ni", Structure.FCC);
        assertThat(v.get("fraction.Fe")).isCloseTo(0.75, within(1e-12));
        assertThat(f.descriptors().get(f.dimension() - 2).name()).isEqualTo("fraction.Fe");   // sorted by Z
        assertThatThrownBy(() -> f.featurize(Composition.parse("FeCo"), Structure.FCC))
                .hasMessageContaining("Co is not among the composition-vector elements");
        assertThatThrownBy(() -> compact.featurize(Composition.parse("FeCo"), Structure.HCP))
                .hasMessageContaining("structure hcp is not one of");
        assertThatThrownBy(() -> Featurizer.preset("compact").featurize(Composition.parse("FeCo"), Structure.FCC))
                .hasMessageContaining("no structures yet");
        Featurizer noStructure = Featurizer.preset("compact").without("structure");
        assertThat(noStructure.usesStructure()).isFalse();
        assertThat(noStructure.featurize(Composition.parse("FeCo"), null)).hasSize(noStructure.dimension());
    }

    @Test
    void missingElementalPropertiesAreRefusedNeverZero() {
        // hydrogen has no metallic radius in the table; Tb's moment is "unknown"; La has no group
        assertThatThrownBy(() -> compact.featurize(Composition.parse("FeH"), Structure.FCC))
                .isInstanceOfSatisfying(MissingPropertyException.class, e -> {
                    assertThat(e.element().symbol()).isEqualTo("H");
                    assertThat(e.property()).isEqualTo("metallicRadius");
                });
        Featurizer moments = new Featurizer(List.of(new PropertyStatistics(ElementProperty.MAGNETIC_MOMENT,
                List.of(Statistic.MEAN))));
        assertThatThrownBy(() -> moments.featurize(Composition.parse("FeTb"), null))
                .isInstanceOfSatisfying(MissingPropertyException.class,
                        e -> assertThat(e.property()).isEqualTo("magneticMoment"));
        assertThatThrownBy(() -> compact.featurize(Composition.parse("FeLa"), Structure.FCC))
                .isInstanceOfSatisfying(MissingPropertyException.class, e -> assertThat(e.property()).isEqualTo("group"));
        // restricted to Fe and H: the blocks needing the metallic radius (its statistics and mixing) go, the rest stay
        Featurizer forFeH = compact.restrictedTo(List.of(Elements.bySymbol("Fe"), Elements.bySymbol("H")));
        assertThat(forFeH.descriptors()).extracting(Descriptor::name).contains("mean.group", "structure.fcc")
                .doesNotContain("mean.metallicRadius", "mixing.delta", "mixing.vec");
        assertThat(compact.dimension() - forFeH.dimension()).isEqualTo(6 + 4);
        Map<String, Double> feH = values(forFeH, "FeH", Structure.FCC);
        assertThat(feH.get("mean.group")).isCloseTo(4.5, within(1e-12));                // (8 + 1)/2
        Featurizer noMoment = compact.without("moment");
        assertThat(noMoment.families()).doesNotContain("moment");
        assertThat(ElementalMoments.of(Elements.bySymbol("Cr")).getAsDouble()).isZero();
        assertThat(ElementalMoments.of(Elements.bySymbol("U"))).isEmpty();
    }
}
