package org.kkr4j.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.StructureFormatException.Kind;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.cif.CifWriter;
import org.kkr4j.structure.poscar.Poscar;
import org.kkr4j.io.SourceText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every file under fixtures/structures/inputs is read and compared with the reference data. */
class FixtureCorpusTest {

    private static final Path INPUTS = SharedRoot.resolve("fixtures/structures/inputs");
    private static final Path REF = SharedRoot.resolve("fixtures/structures/reference");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Structure read(Path f) {
        return f.getFileName().toString().endsWith(".cif") ? CifReader.read(f) : Poscar.read(f);
    }

    static List<Path> inputs() throws IOException {
        try (Stream<Path> s = Files.walk(INPUTS)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyInputReadsAndMatchesItsReference() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files = inputs();
        assertThat(files).hasSizeGreaterThanOrEqualTo(65);
        for (Path f : files) {
            String rel = INPUTS.relativize(f).toString();
            tests.add(DynamicTest.dynamicTest(rel, () -> check(f, rel)));
        }
        return tests;
    }

    private void check(Path f, String rel) throws IOException {
        String base = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        if (rel.startsWith("edge/")) {
            checkEdge(f, base);
            return;
        }
        Structure s = read(f);
        int compared = 0;
        Path spg = REF.resolve("spglib/" + base + ".json");
        if (Files.exists(spg)) {
            JsonNode asRead = JSON.readTree(spg.toFile()).get("structure_as_read");
            assertThat(s.sites()).as("atoms in the cell").hasSize(asRead.get("frac_coords").size());
            Map<String, Double> comp = new TreeMap<>();
            for (JsonNode sp : asRead.get("species")) {
                sp.fields().forEachRemaining(e -> comp.merge(e.getKey(), e.getValue().asDouble(), Double::sum));
            }
            assertComposition(s.composition(), comp);
            for (int i = 0; i < 3; i++) {
                assertThat(new double[]{s.lattice().aAngstrom(), s.lattice().bAngstrom(), s.lattice().cAngstrom()}[i])
                        .isCloseTo(asRead.get("abc").get(i).asDouble(), within(1e-9));
                assertThat(new double[]{s.lattice().alphaDeg(), s.lattice().betaDeg(), s.lattice().gammaDeg()}[i])
                        .isCloseTo(asRead.get("angles").get(i).asDouble(), within(1e-9));
            }
            compared++;
        }
        String prefix = rel.startsWith("tests/") ? "tests__structure__" : "demo__akaikkr_cnd.small.devel__cnd_test__structure__";
        Path c2k = REF.resolve("cif2kkr/" + prefix + base + ".json");
        if (!rel.startsWith("synthetic/") && Files.exists(c2k)) {
            JsonNode r = JSON.readTree(c2k.toFile());
            assertThat(s.sites()).as("input_conv_nsite").hasSize(r.get("input_conv_nsite").asInt());
            compared++;
        }
        assertThat(compared).as("a reference exists for " + rel).isPositive();
        roundTrips(s, base);
    }

    private static void assertComposition(Map<String, Double> actual, Map<String, Double> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isCloseTo(v, within(1e-6)));
    }

    private static void roundTrips(Structure s, String base) {
        Structure back = CifReader.parse(SourceText.of(base + ".cif", CifWriter.write(s, base)), CifReader.Options.DEFAULT);
        assertThat(back.sameAs(s, 1e-9)).as("CIF round trip").isTrue();
        if (s.isOrdered()) {
            Structure p = Poscar.parse(SourceText.of(base + ".vasp", Poscar.write(s, base)), null);
            assertThat(p.lattice().sameParameters(s.lattice(), 1e-9, 1e-9)).isTrue();
            assertThat(p.composition()).isEqualTo(s.composition());
            assertThat(p.sites()).hasSize(s.sites().size());
        } else {
            assertThatThrownBy(() -> Poscar.write(s, base)).isInstanceOf(StructureFormatException.class)
                    .matches(e -> ((StructureFormatException) e).kind() == Kind.NOT_REPRESENTABLE);
        }
    }

    /** Expectations from reference/structure.md §5.4 and reference/cif2kkr/edge/. */
    private void checkEdge(Path f, String base) {
        switch (base) {
            case "deuterium" -> assertError(f, Kind.UNKNOWN_ELEMENT, 0);
            case "occ_gt1" -> assertError(f, Kind.OCCUPANCY_ABOVE_ONE, 0);
            case "charged" -> {
                Structure s = CifReader.read(f);
                assertThat(s.sites()).hasSize(4);
                assertThat(s.sites().get(0).occupants()).extracting(o -> o.species().symbol()).containsExactly("Fe", "Ni");
                assertThat(s.sites().get(0).occupants()).allMatch(o -> o.oxidationState().getAsDouble() == 2.0);
                assertComposition(s.composition(), Map.of("Fe", 0.4, "Ni", 3.6));
            }
            case "label_only" -> {
                Structure s = CifReader.read(f);
                assertThat(s.sites()).hasSize(4);
                assertComposition(s.composition(), Map.of("Fe", 0.4, "Ni", 3.6));
            }
            case "float_sum" -> {
                Structure s = CifReader.read(f);
                assertThat(s.sites()).hasSize(4);
                // 0.7 + 0.2 + 0.1 is 0.9999999999999999 in binary: a full site, no vacancy
                assertThat(s.sites()).allMatch(x -> Math.abs(x.totalOccupancy() - 1.0) < Site.OCCUPANCY_TOLERANCE);
                assertComposition(s.composition(), Map.of("Fe", 0.4, "Co", 0.8, "Ni", 2.8));
            }
            default -> throw new AssertionError("no documented expectation for edge input " + f.getFileName());
        }
    }

    private static void assertError(Path f, Kind kind, int unused) {
        assertThatThrownBy(() -> CifReader.read(f)).isInstanceOf(StructureFormatException.class)
                .satisfies(e -> {
                    StructureFormatException x = (StructureFormatException) e;
                    assertThat(x.kind()).isEqualTo(kind);
                    assertThat(x.line()).isPositive();
                    assertThat(x.source()).contains(f.getFileName().toString());
                });
    }
}
