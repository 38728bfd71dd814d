package org.kkr4j.structure;

import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;
import org.kkr4j.structure.StructureFormatException.Kind;
import org.kkr4j.structure.poscar.Poscar;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PoscarTest {

    static Structure poscar(String text, List<String> species) {
        return Poscar.parse(SourceText.of("POSCAR", text), species);
    }

    @Test
    void vasp5CartesianWithScaleSelectiveDynamicsAndVelocities() {
        Structure s = poscar("""
                NaCl
                2.0
                  1 0 0
                  0 1 0
                  0 0 1
                Na_pv Cl
                1 1
                Selective dynamics
                Cartesian
                  0 0 0 T T T
                  0.5 0.5 0.5 F F F
                
                  0.1 0.2 0.3
                  0.1 0.2 0.3
                """, null);
        assertThat(s.lattice().aAngstrom()).isEqualTo(2.0);
        assertThat(s.sites().get(1).fractional()).isEqualTo(new Vec3(0.5, 0.5, 0.5));
        assertThat(s.composition()).isEqualTo(Map.of("Na", 1.0, "Cl", 1.0));
    }

    @Test
    void negativeScaleIsTheVolumeAndVasp4NeedsSpecies() {
        String vasp4 = """
                Fe bcc
                -23.0
                  1 0 0
                  0 1 0
                  0 0 1
                2
                Direct
                  0 0 0
                  0.5 0.5 0.5
                """;
        Structure s = poscar(vasp4, List.of("Fe"));
        assertThat(s.lattice().volumeAngstrom3()).isCloseTo(23.0, within(1e-12));
        assertThatThrownBy(() -> poscar(vasp4, null)).isInstanceOf(StructureFormatException.class)
                .matches(e -> ((StructureFormatException) e).kind() == Kind.MISSING_FIELD && ((StructureFormatException) e).line() == 6);
    }

    @Test
    void errors() {
        String ok = """
                x
                1.0
                  3 0 0
                  0 3 0
                  0 0 3
                Fe
                1
                Direct
                  0 0 0
                """;
        assertThat(poscar(ok, null).sites()).hasSize(1);
        assertKind(() -> poscar("", null), Kind.EMPTY_FILE, 0);
        assertKind(() -> poscar(ok.replace("1.0", "one"), null), Kind.NON_NUMERIC, 2);
        assertKind(() -> poscar(ok.replace("Fe\n", "Dd\n"), null), Kind.UNKNOWN_ELEMENT, 6);
        assertKind(() -> poscar(ok.replace("  0 0 0\n", "  0 0\n"), null), Kind.MISSING_FIELD, 9);
        assertKind(() -> poscar(ok.replace("  0 0 0\n", ""), null), Kind.MISSING_FIELD, 9);
        assertKind(() -> poscar(ok.replace("1.0", "0.0"), null), Kind.INVALID_VALUE, 2);
    }

    @Test
    void writerRefusesPartialOccupancyUnlessMajorityIsRequested() {
        Lattice l = Lattice.fromParameters(3, 3, 3, 90, 90, 90);
        Site cpa = new Site(Vec3.ZERO, List.of(Occupant.of("Fe", 0.3), Occupant.of("Ni", 0.7)), java.util.Optional.of("M"));
        Structure s = new Structure(l, List.of(cpa));
        assertKind(() -> Poscar.write(s, "x"), Kind.NOT_REPRESENTABLE, 0);
        Structure back = poscar(Poscar.write(s, "x", Poscar.PartialOccupancy.MAJORITY), null);
        assertThat(back.composition()).isEqualTo(Map.of("Ni", 1.0));
    }

    static void assertKind(Runnable r, Kind kind, int line) {
        assertThatThrownBy(r::run).isInstanceOf(StructureFormatException.class).satisfies(e -> {
            StructureFormatException x = (StructureFormatException) e;
            assertThat(x.kind()).as(x.getMessage()).isEqualTo(kind);
            assertThat(x.line()).as(x.getMessage()).isEqualTo(line);
        });
    }
}
