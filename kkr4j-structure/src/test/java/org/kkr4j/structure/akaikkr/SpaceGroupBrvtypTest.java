package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.structure.symmetry.CrystalSystem;
import org.kkr4j.structure.symmetry.SpaceGroupSetting;
import org.kkr4j.structure.symmetry.SpaceGroupTable;

/** All 230 numbers: the transcribed table equals "crystal family + first letter of the standard H-M symbol". */
class SpaceGroupBrvtypTest {

    @Test
    void everyGroupFollowsFamilyAndCentring() {
        for (int n = 1; n <= 230; n++) {
            final int number = n;
            SpaceGroupSetting standard = SpaceGroupTable.settings().stream().filter(s -> s.number() == number)
                    .min(java.util.Comparator.comparingInt(SpaceGroupSetting::hallNumber)).orElseThrow();
            char centring = standard.internationalShort().charAt(0);
            BravaisLattice expected = switch (CrystalSystem.ofSpaceGroup(n)) {
                case TRICLINIC -> BravaisLattice.TRC;
                case MONOCLINIC -> centring == 'P' ? BravaisLattice.SM : BravaisLattice.BSM;
                case ORTHORHOMBIC -> switch (centring) {
                    case 'P' -> BravaisLattice.SO;
                    case 'C', 'A' -> BravaisLattice.BSO;
                    case 'F' -> BravaisLattice.FCO;
                    default -> BravaisLattice.BCO;
                };
                case TETRAGONAL -> centring == 'P' ? BravaisLattice.ST : BravaisLattice.BCT;
                case TRIGONAL, HEXAGONAL -> centring == 'R' ? BravaisLattice.RHB : BravaisLattice.HCP;
                case CUBIC -> centring == 'P' ? BravaisLattice.SC : centring == 'F' ? BravaisLattice.FCC : BravaisLattice.BCC;
            };
            assertThat(SpaceGroupBrvtyp.of(n)).as("%d %s", n, standard.internationalShort()).isEqualTo(expected);
        }
    }

    @Test
    void spotChecksFromTheReferenceTable() {
        assertThat(SpaceGroupBrvtyp.of(38)).isEqualTo(BravaisLattice.BSO);
        assertThat(SpaceGroupBrvtyp.of(22)).isEqualTo(BravaisLattice.FCO);
        assertThat(SpaceGroupBrvtyp.of(74)).isEqualTo(BravaisLattice.BCO);
        assertThat(SpaceGroupBrvtyp.of(166)).isEqualTo(BravaisLattice.RHB);
        assertThat(SpaceGroupBrvtyp.of(164)).isEqualTo(BravaisLattice.HCP);
        assertThat(SpaceGroupBrvtyp.of(230)).isEqualTo(BravaisLattice.BCC);
        assertThatThrownBy(() -> SpaceGroupBrvtyp.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpaceGroupBrvtyp.of(231)).isInstanceOf(IllegalArgumentException.class);
    }
}
