package org.kkr4j.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CompositionTest {

    @Test
    void fractionsEquiatomicListsAndCountsGiveTheSameCanonicalComposition() {
        Composition fractions = Composition.parse("Fe0.25Co0.25Ni0.25Cu0.25");
        Composition list = Composition.parse("CuNiCoFe");
        Composition percent = Composition.parse("Fe25 Co25 Ni25 Cu25");
        assertThat(list).isEqualTo(fractions);
        assertThat(percent).isEqualTo(fractions);
        assertThat(fractions.toString()).isEqualTo("Fe0.25Co0.25Ni0.25Cu0.25");
        assertThat(fractions.systemKey()).isEqualTo("FeCoNiCu");
        assertThat(fractions.isEquiatomic()).isTrue();
    }

    @Test
    void countsWithoutANumberCountOne() {
        Composition c = Composition.parse("Al2CoCrFe");
        // 2 + 1 + 1 + 1 = 5 atoms
        assertThat(c.fraction("Al")).isCloseTo(0.4, within(1e-15));
        assertThat(c.fraction("Co")).isCloseTo(0.2, within(1e-15));
        assertThat(c.fraction("Ni")).isZero();
        assertThat(c.elements()).extracting(e -> e.symbol()).containsExactly("Al", "Cr", "Fe", "Co");
        assertThat(Composition.parse("Fe0.5Co1.5").fraction("Co")).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void badCompositionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Composition.parse("FeXxNi")).isInstanceOf(CompositionFormatException.class)
                .hasMessageContaining("'Xx'");
        assertThatThrownBy(() -> Composition.parse("fe0.5Ni0.5")).isInstanceOf(CompositionFormatException.class)
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> Composition.parse("Fe0.3Ni0.3")).isInstanceOf(CompositionFormatException.class)
                .hasMessageContaining("sum to 0.6");
        assertThatThrownBy(() -> Composition.parse("FeNiFe")).hasMessageContaining("Fe appears twice");
        assertThatThrownBy(() -> Composition.parse("Fe1.2.3Ni")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Composition.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Composition.parse("Fe0Ni0")).hasMessageContaining("all amounts are zero");
    }

    @Test
    void structuresAreCaseInsensitiveBrvtypKeywords() {
        assertThat(Structure.parse(" BCC ")).isEqualTo(Structure.BCC);
        assertThat(Structure.parse("Hcp")).isEqualTo(Structure.HCP);
        assertThatThrownBy(() -> Structure.parse("diamond")).hasMessageContaining("unknown structure 'diamond'");
        assertThatThrownBy(() -> Structure.parse("")).hasMessageContaining("empty structure");
    }
}
