package org.kkr4j.structure;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;
import org.kkr4j.structure.StructureFormatException.Kind;
import org.kkr4j.structure.cif.CifReader;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CifReaderTest {

    private static final String CELL = """
            data_test
            _cell_length_a 5.431(2)
            _cell_length_b 5.431(2)
            _cell_length_c 5.431(2)
            _cell_angle_alpha 90
            _cell_angle_beta 90.0(1)
            _cell_angle_gamma 90
            """;

    static Structure cif(String text) {
        return CifReader.parse(SourceText.of("t.cif", text), CifReader.Options.DEFAULT);
    }

    static void fails(String text, Kind kind, int line) {
        assertThatThrownBy(() -> cif(text)).isInstanceOf(StructureFormatException.class)
                .satisfies(e -> {
                    StructureFormatException x = (StructureFormatException) e;
                    assertThat(x.kind()).as(x.getMessage()).isEqualTo(kind);
                    assertThat(x.line()).as(x.getMessage()).isEqualTo(line);
                    assertThat(x.getMessage()).startsWith("t.cif");
                });
    }

    @Test
    void expandsFromHermannMauguinSymbolWithoutOperatorLoop() {
        Structure s = cif(CELL + """
                _symmetry_space_group_name_H-M 'F d -3 m :2'
                loop_
                _atom_site_label
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Si1 0.125(1) 0.125 0.125
                """);
        assertThat(s.sites()).hasSize(8);
        assertThat(s.lattice().aAngstrom()).isEqualTo(5.431);
        assertThat(s.composition()).isEqualTo(Map.of("Si", 8.0));
    }

    @Test
    void expandsFromHallSymbolAndFromNumber() {
        String atoms = """
                loop_
                _atom_site_type_symbol
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Na+ 0 0 0
                Cl- 0.5 0.5 0.5
                """;
        Structure hall = cif(CELL + "_space_group_name_Hall '-F 4 2 3'\n" + atoms);
        Structure number = cif(CELL + "_space_group_IT_number 225\n" + atoms);
        assertThat(hall.sites()).hasSize(8);
        assertThat(hall.sameAs(number, 1e-12)).isTrue();
        assertThat(hall.sites().get(0).occupants().get(0).oxidationState().getAsDouble()).isEqualTo(1.0);
        assertThat(hall.sites().get(4).occupants().get(0).oxidationState().getAsDouble()).isEqualTo(-1.0);
    }

    @Test
    void oldOperatorTagPartialOccupancyAndSharedPosition() {
        Structure s = cif(CELL + """
                loop_
                _symmetry_equiv_pos_as_xyz
                x,y,z
                x+1/2,y+1/2,z+1/2
                loop_
                _atom_site_label
                _atom_site_type_symbol
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                _atom_site_occupancy
                Fe1 Fe3+ 0 0 0 0.5
                Co1 Co 0 0 0 0.3
                """);
        assertThat(s.sites()).hasSize(2);
        Site site = s.sites().get(0);
        assertThat(site.occupants()).extracting(o -> o.species().symbol()).containsExactly("Fe", "Co");
        assertThat(site.totalOccupancy()).isCloseTo(0.8, within(1e-12));
        assertThat(site.isOrdered()).isFalse();
        assertThat(site.label()).contains("Fe1");
    }

    @Test
    void occupancySlightlyAboveOneIsRescaledAndEmptySpheresAreZ0() {
        Structure s = cif(CELL + """
                loop_
                _atom_site_label
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                _atom_site_occupancy
                Fe1 0 0 0 0.5004
                Ni1 0 0 0 0.5
                X1 0.5 0.5 0.5 1
                Vc1 0.25 0.25 0.25 1
                """);
        assertThat(s.sites().get(0).totalOccupancy()).isCloseTo(1.0, within(1e-12));
        assertThat(s.sites().get(1).occupants().get(0).species().z()).isZero();
        assertThat(s.sites().get(2).occupants().get(0).species().symbol()).isEqualTo("Vc");
    }

    @Test
    void readsFirstOrNamedBlock() {
        String two = CELL + """
                loop_
                _atom_site_label
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Fe1 0 0 0
                """ + CELL.replace("data_test", "data_second") + """
                loop_
                _atom_site_label
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Cu1 0 0 0
                """;
        assertThat(cif(two).composition()).containsOnlyKeys("Fe");
        assertThat(CifReader.parse(SourceText.of("t.cif", two), CifReader.Options.DEFAULT.withBlock("second")).composition())
                .containsOnlyKeys("Cu");
    }

    @Test
    void typedErrorsWithLine() {
        fails("", Kind.EMPTY_FILE, 0);
        fails("# only a comment\n", Kind.EMPTY_FILE, 0);
        fails(CELL.replace("_cell_length_c 5.431(2)\n", ""), Kind.MISSING_CELL, 1);
        fails(CELL.replace("_cell_angle_beta 90.0(1)", "_cell_angle_beta abc"), Kind.NON_NUMERIC, 6);
        String atoms = """
                loop_
                _atom_site_label
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                _atom_site_occupancy
                """;
        fails(CELL + atoms + "Fe1 0 0 0.x 1\n", Kind.NON_NUMERIC, 14);
        fails(CELL + atoms + "Q1 0 0 0 1\n", Kind.UNKNOWN_ELEMENT, 14);
        fails(CELL + atoms + "Fe1 0 0 0 0.6\nNi1 0 0 0 0.6\n", Kind.OCCUPANCY_ABOVE_ONE, 15);
        fails(CELL + atoms + "Fe1 0 0 0 1.2\n", Kind.OCCUPANCY_ABOVE_ONE, 14);
        // not a group: a 4-fold rotation without its square
        fails(CELL + "loop_\n_space_group_symop_operation_xyz\n'x,y,z'\n'-y,x,z'\n" + atoms + "Fe1 0 0 0 1\n", Kind.CONTRADICTORY_OPERATORS, 11);
        // a group, but it maps Fe (0,0,0) onto the declared Ni at (1/2,1/2,1/2)
        fails(CELL + "loop_\n_space_group_symop_operation_xyz\n'x,y,z'\n'x+1/2,y+1/2,z+1/2'\n" + atoms
                + "Fe1 0 0 0 1\nNi1 0.5 0.5 0.5 1\n", Kind.CONTRADICTORY_OPERATORS, 18);
        fails(CELL + "_symmetry_space_group_name_H-M 'Q 9'\n" + atoms + "Fe1 0 0 0 1\n", Kind.UNKNOWN_SPACE_GROUP, 8);
        fails(CELL + "_symmetry_space_group_name_H-M 'F d -3 m'\n" + atoms + "Fe1 0 0 0 1\n", Kind.UNKNOWN_SPACE_GROUP, 8);
        fails(CELL + "_chemical_name 'unterminated\n", Kind.SYNTAX, 8);
        fails(CELL, Kind.MISSING_FIELD, 1);
    }
}
