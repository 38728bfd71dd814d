package org.kkr4j.structure.symmetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PrimitiveCellFinderTest {


    /** For every input with spglib reference data: the primitive cell has as many atoms as spglib's find_primitive. */
    @TestFactory
    List<DynamicTest> primitiveAtomCountMatchesSpglib() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (SpglibReferenced in : SpglibReferenced.all()) {
            Path f = in.input();
            Path ref = in.reference();
            tests.add(DynamicTest.dynamicTest(in.name(), () -> {
                JsonNode r = new ObjectMapper().readTree(ref.toFile());
                Structure s = f.toString().endsWith(".cif") ? CifReader.read(f) : Poscar.read(f);
                PrimitiveCell p = PrimitiveCellFinder.find(s);
                int expected = r.get("primitive_lattice_spglib_find_primitive").get("positions").size();
                assertThat(p.atomCount()).isEqualTo(expected);
                assertThat(p.latticeTranslations()).hasSize(s.sites().size() / expected);
                assertThat(Math.abs(p.structure().lattice().volumeAngstrom3()) * p.latticeTranslations().size())
                        .isCloseTo(Math.abs(s.lattice().volumeAngstrom3()), within(1e-6));
                assertThat(p.structure().lattice().volumeAngstrom3()).isPositive();
                assertThat(scaled(p.structure().composition(), p.latticeTranslations().size()))
                        .isEqualTo(rounded(s.composition()));
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(44);
        return tests;
    }

    private static Map<String, Long> scaled(Map<String, Double> c, int n) {
        Map<String, Long> m = new TreeMap<>();
        c.forEach((k, v) -> m.put(k, Math.round(v * n * 1e6)));
        return m;
    }

    private static Map<String, Long> rounded(Map<String, Double> c) {
        return scaled(c, 1);
    }

    @Test
    void differentCompositionsBreakTheTranslation() {
        Lattice l = Lattice.fromParameters(3, 3, 3, 90, 90, 90);
        Site a = new Site(Vec3.ZERO, List.of(Occupant.of("Fe", 0.5), Occupant.of("Co", 0.5)), Optional.empty());
        Site b = new Site(new Vec3(0.5, 0.5, 0.5), List.of(Occupant.of("Fe", 0.5), Occupant.of("Co", 0.5)), Optional.of("other label"));
        Site c = new Site(new Vec3(0.5, 0.5, 0.5), List.of(Occupant.of("Fe", 0.6), Occupant.of("Co", 0.4)), Optional.empty());
        assertThat(PrimitiveCellFinder.find(new Structure(l, List.of(a, b))).atomCount()).isEqualTo(1);
        assertThat(PrimitiveCellFinder.find(new Structure(l, List.of(a, c))).atomCount()).isEqualTo(2);
    }
}
