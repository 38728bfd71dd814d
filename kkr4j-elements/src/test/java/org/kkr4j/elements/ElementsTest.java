package org.kkr4j.elements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementsTest {

    @Test
    void tableRunsFromHydrogenToLawrencium() {
        List<Element> all = Elements.all();
        assertThat(all).hasSize(103);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).z()).isEqualTo(i + 1);
            assertThat(Elements.bySymbol(all.get(i).symbol())).isSameAs(all.get(i));
            assertThat(Elements.byZ(i + 1)).isSameAs(all.get(i));
        }
        assertThat(Elements.maxZ()).isEqualTo(103);
    }

    @Test
    void ironFactsAreThoseOfTheSources() {
        Element fe = Elements.bySymbol("Fe");
        assertThat(fe.z()).isEqualTo(26);
        assertThat(fe.name()).isEqualTo("Iron");
        assertThat(fe.group()).hasValue(8);
        assertThat(fe.period()).isEqualTo(4);
        assertThat(fe.block()).isEqualTo(Block.D);
        assertThat(fe.atomicMassU()).isEqualTo(55.845);
        assertThat(fe.paulingElectronegativity()).hasValue(1.83);
        assertThat(fe.atomicRadiusAngstrom()).hasValue(1.4);
        assertThat(fe.metallicRadiusAngstrom()).hasValue(1.277);
        assertThat(fe.meltingPointK()).hasValue(1811.0);
        assertThat(fe.meltingPointApproximate()).isFalse();
        assertThat(fe.electronConfiguration()).isEqualTo("[Ar] 3d6 4s2");
        assertThat(fe.valenceElectrons()).isEqualTo(8);
        assertThat(fe.dElectrons()).isEqualTo(6);
        assertThat(fe.akaiVolumeExperimentalCcPerMol()).hasValue(7.094);
        assertThat(fe.akaiVolumeMjwCcPerMol()).hasValue(6.531);
        assertThat(fe.akaiVolumeBohr3PerAtom(VolumeSource.EXPERIMENTAL).getAsDouble())
                .isCloseTo(7.094 * 11.205828, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void groupBlockAndValenceFollowTheDocumentedRules() {
        // groups 1..12: valence = group; 13..18: group - 10 (filled d10 not counted)
        for (Element e : Elements.all()) {
            if (e.group().isPresent() && e.z() > 2) {
                int g = e.group().getAsInt();
                assertThat(e.valenceElectrons()).as(e.symbol()).isEqualTo(g <= 12 ? g : g - 10);
            }
            assertThat(e.group().isEmpty()).as(e.symbol()).isEqualTo(e.isLanthanide() || e.isActinide());
            if (e.isLanthanide() || e.isActinide()) {
                assertThat(e.block()).isEqualTo(Block.F);
            }
        }
        assertThat(Elements.bySymbol("Ga").valenceElectrons()).isEqualTo(3);
        assertThat(Elements.bySymbol("Ga").dElectrons()).isEqualTo(10);
        assertThat(Elements.bySymbol("He").block()).isEqualTo(Block.S);
        assertThat(Elements.bySymbol("He").group()).hasValue(18);
        assertThat(Elements.bySymbol("Hf").group()).hasValue(4);
        assertThat(Elements.bySymbol("Hf").fElectrons()).isEqualTo(14);
        assertThat(Elements.bySymbol("Ce").valenceElectrons()).isEqualTo(4);
        assertThat(Elements.bySymbol("Y").group()).hasValue(3);
    }

    @Test
    void missingFactsAreEmptyNotZero() {
        Element he = Elements.bySymbol("He");
        assertThat(he.paulingElectronegativity()).isEmpty();
        assertThat(he.akaiVolumeExperimentalCcPerMol()).isEmpty();
        assertThat(he.akaiVolumeBohr3PerAtom(VolumeSource.MJW)).isEmpty();
        assertThat(Elements.bySymbol("At").akaiVolumeMjwCcPerMol()).isEmpty();
        assertThat(Elements.bySymbol("Lr").akaiVolumeExperimentalCcPerMol()).isEmpty();
        assertThat(Elements.bySymbol("C").metallicRadiusAngstrom()).isEmpty();
        Element fm = Elements.bySymbol("Fm");
        assertThat(fm.meltingPointK()).hasValue(1800.0);
        assertThat(fm.meltingPointApproximate()).isTrue();
        // the AkaiKKR table stops at Fm (Z = 100)
        assertThat(Elements.all().stream().filter(e -> e.akaiVolumeExperimentalCcPerMol().isPresent())
                .mapToInt(Element::z).max()).hasValue(94);
    }

    @Test
    void unknownSymbolsAndNumbersAreRefusedClearly() {
        assertThatThrownBy(() -> Elements.bySymbol("FE")).isInstanceOf(UnknownElementException.class)
                .hasMessageContaining("'FE'").hasMessageContaining("did you mean Fe");
        assertThatThrownBy(() -> Elements.bySymbol("Vc")).isInstanceOf(UnknownElementException.class);
        assertThatThrownBy(() -> Elements.bySymbol("Og")).isInstanceOf(UnknownElementException.class);
        assertThatThrownBy(() -> Elements.bySymbol(null)).isInstanceOf(UnknownElementException.class);
        assertThatThrownBy(() -> Elements.byZ(0)).isInstanceOf(UnknownElementException.class)
                .hasMessageContaining("atomic number 0");
        assertThatThrownBy(() -> Elements.byZ(104)).isInstanceOf(UnknownElementException.class);
        assertThat(Elements.isSymbol("Fe")).isTrue();
        assertThat(Elements.isSymbol("fe")).isFalse();
    }

    @Test
    void damagedTableIsRefusedWithTheLine() {
        String header = String.join(",", Elements.COLUMNS);
        assertThatThrownBy(() -> Elements.parse(List.of("# c", header,
                "2,He,Helium,18,1,s,4.0,,,,,,,false,1s2,2,0,0,,")))
                .hasMessageContaining(":3: [z] expected Z=1");
        assertThatThrownBy(() -> Elements.parse(List.of(header, "1,H,Hydrogen,1,1,s")))
                .hasMessageContaining(":2: [row] 6 fields");
        assertThatThrownBy(() -> Elements.parse(List.of(header,
                "1,H,Hydrogen,1,1,s,x,,,,,,,false,1s1,1,0,0,,")))
                .hasMessageContaining("[atomic_mass_u] not a number");
        assertThatThrownBy(() -> Elements.parse(List.of("z,symbol")))
                .hasMessageContaining("[header]");
    }
}
