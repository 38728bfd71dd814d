package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.Component;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

class StructureToCardTest {

    static final StructureToCard.Options V010 = StructureToCard.Options.defaults(AkaiVersion.CPA2002V010);

    static Site site(double x, double y, double z, Occupant... occ) {
        return new Site(new Vec3(x, y, z), List.of(occ), Optional.empty());
    }

    /** B2 (CsCl type) cell: Co at the corner, Fe0.5 Ni0.4999995 (sum within 1e-6 of 1) at the centre. */
    static Structure b2() {
        return new Structure(Lattice.fromParameters(2.85, 2.85, 2.85, 90, 90, 90), List.of(
                site(0, 0, 0, Occupant.full("Co")),
                site(.5, .5, .5, Occupant.of("Fe", 0.5), Occupant.of("Ni", 0.4999995))));
    }

    @Test
    void namesNeverStartWithCAndFullSitesGetNoVacancy() {
        CardDeck d = StructureToCard.convert(b2(), BrvtypChoice.named(BravaisLattice.SC), null, V010);
        assertThat(d.types()).extracting(AtomType::name).containsExactly("tCo1", "FeNi2");
        assertThat(d.types().get(1).components()).extracting(Component::anclr).containsExactly(26.0, 28.0);
        assertThat(d.lattice().aBohr()).isCloseTo(2.85 / CardToStructure.ANGSTROM_PER_BOHR, within(1e-12));
        // the writer's own comment lines start with "c"; no data line may
        assertThat(CardWriter.write(CardFile.of(d), AkaiVersion.CPA2002V010).lines()
                .filter(l -> l.contains("tCo1") || l.contains("FeNi2"))).isNotEmpty().allMatch(l -> l.startsWith(" "));
    }

    @Test
    void partialOccupancyGetsOneExplicitVacancyComponentAndEmptySpheresAreZ0() {
        Structure s = new Structure(Lattice.fromParameters(5.6, 5.6, 5.6, 90, 90, 90), List.of(
                site(0, 0, 0, Occupant.of("Na", 0.9)),
                site(.5, .5, .5, Occupant.full("X")),
                site(.25, .25, .25, Occupant.of("Fe", 0.5), Occupant.of("Og", 0.25))));
        CardDeck d = StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.SC), null, V010);
        assertThat(d.types()).extracting(AtomType::name).containsExactly("VcNa1", "Vc2", "VcFe3");
        assertThat(d.types().get(0).components()).containsExactly(/* 100·(1 − 0.9) = 9.999999999999998 in binary, written as 10 */ Component.of(0, 10), Component.of(11, 90));
        assertThat(d.types().get(1).components()).containsExactly(Component.of(0, 100));
        assertThat(d.types().get(2).components()).hasSize(2);
        assertThat(d.types().get(2).components().get(0).anclr()).isZero();
        assertThat(d.types().get(2).components().get(0).conc()).isCloseTo(50, within(1e-9));
        Structure back = CardToStructure.convert(d).structure();
        assertThat(back.sites().get(0).totalOccupancy()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void longNamesFallBackToNumberedNames() {
        Structure s = new Structure(Lattice.fromParameters(3, 3, 3, 90, 90, 90), List.of(
                site(0, 0, 0, Occupant.of("Fe", 0.2), Occupant.of("Co", 0.2), Occupant.of("Ni", 0.2),
                        Occupant.of("Mn", 0.2), Occupant.of("Cr", 0.2))));
        assertThat(StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.SC), null, V010).types().get(0).name())
                .isEqualTo("T1");
        assertThat(StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.SC), null,
                StructureToCard.Options.defaults(AkaiVersion.CPA2021V01)).types().get(0).name()).isEqualTo("tCrMnFeCoNi1");
    }

    @Test
    void settingsPerElementAndPerTypeAndLatticeConstantModes() {
        var opts = V010.withByElement(Map.of("Co", StructureToCard.TypeSettings.of(0.4, 0.01, 3),
                        "Ni", StructureToCard.TypeSettings.mxl(4)))
                .withByType(Map.of(1, new StructureToCard.TypeSettings(OptionalDouble.of(0.3), OptionalDouble.empty(),
                        java.util.OptionalInt.empty())))
                .withLatticeConstant(StructureToCard.LatticeConstant.ESTIMATE_EXPERIMENTAL);
        CardDeck d = StructureToCard.convert(b2(), BrvtypChoice.named(BravaisLattice.SC), null, opts);
        AtomType co = d.types().get(0);
        AtomType feni = d.types().get(1);
        assertThat(List.of(co.rmt(), co.field(), (double) co.lmxtyp())).containsExactly(0.4, 0.01, 3.0);
        assertThat(List.of(feni.rmt(), feni.field(), (double) feni.lmxtyp())).containsExactly(0.3, 0.0, 4.0);
        assertThat(d.lattice().aBohr()).isEqualTo(1_000_000);
        assertThat(StructureToCard.convert(b2(), BrvtypChoice.named(BravaisLattice.SC), null,
                V010.withLatticeConstant(StructureToCard.LatticeConstant.ESTIMATE_MJW)).lattice().aBohr()).isZero();
    }

    @Test
    void siteGroupsSplitTypesAndMustBeConsistent() {
        Structure s = new Structure(Lattice.fromParameters(3, 3, 3, 90, 90, 90), List.of(
                site(0, 0, 0, Occupant.full("Fe")), site(.5, .5, .5, Occupant.full("Fe"))));
        CardDeck d = StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.SC),
                List.of(List.of(0), List.of(1)), V010);
        assertThat(d.types()).extracting(AtomType::name).containsExactly("Fe1", "Fe2");
        assertThatThrownBy(() -> StructureToCard.convert(b2(), BrvtypChoice.named(BravaisLattice.SC),
                List.of(List.of(0, 1)), V010)).isInstanceOf(AkaiConversionException.class)
                .hasMessageContaining("same composition");
        assertThatThrownBy(() -> StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.SC),
                List.of(List.of(0)), V010)).hasMessageContaining("in no group");
        // bcc needs both sites of one type: splitting them breaks the centring
        assertThatThrownBy(() -> StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.BCC),
                List.of(List.of(0), List.of(1)), V010)).hasMessageContaining("not in the conventional setting");
        assertThat(StructureToCard.convert(s, BrvtypChoice.named(BravaisLattice.BCC), null, V010).natm()).isEqualTo(1);
    }

    @Test
    void wrongCellForTheLatticeIsRefused() {
        assertThatThrownBy(() -> StructureToCard.convert(b2(), BrvtypChoice.named(BravaisLattice.HCP), null, V010))
                .isInstanceOfSatisfying(AkaiConversionException.class, e -> assertThat(e.field()).isEqualTo("brvtyp"))
                .hasMessageContaining("γ = 120°");
        Structure left = new Structure(new Lattice(new Vec3(3, 0, 0), new Vec3(0, 3, 0), new Vec3(0, 0, -3)),
                List.of(site(0, 0, 0, Occupant.full("Fe"))));
        assertThatThrownBy(() -> StructureToCard.convert(left, BrvtypChoice.auxAsGiven(), null, V010))
                .hasMessageContaining("left-handed");
    }

    @Test
    void sameCrystalOracleSeesDifferences() {
        Structure s = b2();
        assertThat(SameCrystal.difference(s, s, 1e-6, 1e-3)).isEmpty();
        Structure moved = new Structure(s.lattice(), List.of(s.sites().get(0),
                s.sites().get(1).withFractional(new Vec3(.5, .5, .45))));
        assertThat(SameCrystal.difference(s, moved, 1e-6, 1e-3)).isNotEmpty();
        Structure stretched = new Structure(Lattice.fromParameters(2.85, 2.85, 2.86, 90, 90, 90), s.sites());
        assertThat(SameCrystal.difference(s, stretched, 1e-6, 1e-3)).isNotEmpty();
        Structure swapped = new Structure(s.lattice(), List.of(site(0, 0, 0, Occupant.full("Ni")), s.sites().get(1)));
        assertThat(SameCrystal.difference(s, swapped, 1e-6, 1e-3)).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void writtenNumbersCarryNoFloatingPointNoise() {
        assertThat(StructureToCard.cleanFraction(0.2500000000000001)).isEqualTo(0.25);
        assertThat(StructureToCard.cleanFraction(0.9999999999999999)).isEqualTo(0.0);
        assertThat(StructureToCard.cleanFraction(0.123456789)).isEqualTo(0.123456789);
        assertThat(StructureToCard.cleanPercent(5.000000000000004)).isEqualTo(5.0);
        assertThat(StructureToCard.cleanPercent(1e-3)).isEqualTo(1e-3);
    }
}
