package org.kkr4j.io.akaikkr.output.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.output.modes.ModeFixtures.Log;
import org.kkr4j.io.testing.SharedRoot;

/**
 * kkr4j against what PyAkaiKKR returns for the same logs (shared/reference/pyakaikkr). Where the
 * reference is right the numbers must be identical (both read the same printed text); where its
 * README documents it wrong, the test shows the correct value read from the file instead.
 */
class PyAkaiKkrReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fixture logs that have a reference file. */
    static Stream<Log> referenced() {
        return ModeFixtures.all().stream().filter(l -> Files.exists(referencePath(l)));
    }

    static Stream<Log> referencedDos() {
        return withValue("get_dos_as_list");
    }

    static Stream<Log> referencedJij() {
        return withValue("get_jij_as_dataframe");
    }

    static Stream<Log> referencedTc() {
        return withValue("get_curie_temperature");
    }

    static Stream<Log> referencedTransport() {
        return withValue("get_resistivity");
    }

    static Stream<Log> referencedFixedSpin() {
        return withValue("get_fixed_spin_moment");
    }

    /** Logs whose reference getter {@code key} returned a value (not an error). */
    private static Stream<Log> withValue(String key) {
        return referenced().filter(l -> results(l).get(key).has("value"));
    }

    private static Path referencePath(Log log) {
        return SharedRoot.path().resolve("reference/pyakaikkr").resolve(log.relative() + ".json");
    }

    private static JsonNode results(Log log) {
        try {
            return JSON.readTree(referencePath(log).toFile()).get("results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModeResults parse(Log log) {
        return ModeBlockParser.parse(SourceText.read(log.path()), log.dialect(), List.of());
    }

    @Test
    void everyKindOfReferenceIsCompared() {
        List<Log> logs = referenced().toList();
        assertThat(logs.stream().filter(l -> results(l).get("get_dos_as_list").has("value"))).hasSizeGreaterThanOrEqualTo(14);
        assertThat(logs.stream().filter(l -> results(l).get("get_jij_as_dataframe").has("value"))).hasSizeGreaterThanOrEqualTo(7);
        assertThat(logs.stream().filter(l -> results(l).get("get_resistivity").has("value"))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedDos")
    void totalDosEqualsReference(Log log) {
        JsonNode ref = results(log).get("get_dos_as_list");
        DosResult dos = parse(log).dos().orElseThrow();
        JsonNode energies = ref.get("value").get(0);
        JsonNode spins = ref.get("value").get(1);
        assertThat(spins.size()).isEqualTo(dos.spins().size());
        for (int s = 0; s < spins.size(); s++) {
            List<DosPoint> ours = dos.spins().get(s).totalDosStatesPerRy();
            assertThat(ours).hasSize(energies.size());
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i).energyRy()).isEqualTo(energies.get(i).asDouble());
                assertThat(ours.get(i).value()).isEqualTo(spins.get(s).get(i).asDouble());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedDos")
    void pdosNumbersEqualReference(Log log) {
        JsonNode ref = results(log).get("get_pdos_as_list");
        DosResult dos = parse(log).dos().orElseThrow();
        JsonNode energies = ref.get("value").get(0);
        JsonNode spins = ref.get("value").get(1);
        assertThat(spins.size()).isEqualTo(dos.spins().size());
        for (int s = 0; s < spins.size(); s++) {
            List<ComponentPdos> comps = dos.spins().get(s).components();
            assertThat(comps).hasSize(spins.get(s).size());
            for (int c = 0; c < comps.size(); c++) {
                List<PdosRow> rows = comps.get(c).rows();
                JsonNode refRows = spins.get(s).get(c);
                assertThat(rows).hasSize(refRows.size());
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(rows.get(i).energyRy()).isEqualTo(energies.get(i).asDouble());
                    assertThat(rows.get(i).statesPerRy()).containsExactlyElementsOf(doubles(refRows.get(i)));
                }
            }
        }
    }

    /**
     * Reference defect: PyAkaiKKR labels PDOS columns by position (s p d f ...), so the total column
     * of the 2021-family logs is called {@code f}. kkr4j calls it {@code total}, and it is the sum of
     * the l columns within the rounding of the printed numbers.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedDos")
    void pdosColumnLabels(Log log) {
        JsonNode ref = results(log).get("get_pdos_as_dictdataframe");
        DosResult dos = parse(log).dos().orElseThrow();
        JsonNode up = ref.get("value").get("pdos_up");
        for (int c = 0; c < up.size(); c++) {
            List<String> refLabels = new ArrayList<>();
            up.get(c).get("columns").forEach(n -> refLabels.add(n.asText()));
            refLabels.remove(0); // energy
            ComponentPdos ours = dos.spins().get(0).components().get(c);
            if (ours.hasTotalColumn()) {
                assertThat(refLabels.get(refLabels.size() - 1)).as("reference mislabels the total").isNotEqualTo("total");
                assertThat(ours.columns().get(ours.columns().size() - 1)).isEqualTo("total");
                assertThat(ours.columns().subList(0, ours.columns().size() - 1))
                        .isEqualTo(refLabels.subList(0, refLabels.size() - 1));
                for (PdosRow r : ours.rows()) {
                    List<Double> v = r.statesPerRy();
                    double sum = v.subList(0, v.size() - 1).stream().mapToDouble(Double::doubleValue).sum();
                    assertThat(v.get(v.size() - 1)).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.5e-4 * v.size()));
                }
            } else {
                assertThat(ours.columns()).isEqualTo(refLabels);
            }
        }
    }

    @Test
    void theTotalColumnCaseIsPresentInTheReferences() {
        assertThat(referencedDos().filter(l -> parse(l).dos().orElseThrow().spins().get(0).components().get(0)
                .hasTotalColumn())).isNotEmpty();
        assertThat(referencedDos().filter(l -> parse(l).dos().orElseThrow().spins().get(0).components().get(0)
                .columns().contains("f"))).isNotEmpty();
    }

    /**
     * Reference defect: {@code get_dos_as_list(keyword="integrated DOS")} always fails. kkr4j reads the
     * table: one row per mesh energy, each value the number printed on its line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedDos")
    void integratedDosIsRead(Log log) {
        assertThat(results(log).get("get_dos_as_list(keyword=integrated DOS)").has("error")).isTrue();
        SourceText src = SourceText.read(log.path());
        DosResult dos = ModeBlockParser.parse(src, log.dialect(), List.of()).dos().orElseThrow();
        for (SpinDos s : dos.spins()) {
            assertThat(s.integratedDosStates()).hasSize(s.components().get(0).rows().size());
            assertThat(src.line(s.integratedDosLine()).trim()).isEqualTo("integrated DOS");
            for (DosPoint p : s.integratedDosStates()) {
                String[] t = src.line(p.line()).trim().split("\\s+");
                assertThat(p.energyRy()).isEqualTo(Double.parseDouble(t[0]));
                assertThat(p.value()).isEqualTo(Double.parseDouble(t[1]));
            }
        }
    }

    /** Reference defect: J_ij values come back as strings; kkr4j's numbers equal them parsed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedJij")
    void jijEqualsReference(Log log) {
        JsonNode ref = results(log).get("get_jij_as_dataframe");
        JijResult jij = parse(log).jij().orElseThrow();
        List<String> columns = new ArrayList<>();
        ref.get("value").get("columns").forEach(n -> columns.add(n.asText()));
        assertThat(columns.get(10)).isEqualTo(jij.blocks().get(0).multiplicityLabel());
        JsonNode data = ref.get("value").get("data");
        List<JijRow> ours = jij.rows();
        List<JijPairBlock> blockOfRow = new ArrayList<>();
        jij.blocks().forEach(b -> b.rows().forEach(r -> blockOfRow.add(b)));
        assertThat(ours).hasSize(data.size());
        for (int i = 0; i < ours.size(); i++) {
            JsonNode d = data.get(i);
            assertThat(d.get(0).isTextual()).as("reference gives strings").isTrue();
            JijRow r = ours.get(i);
            double[] expected = new double[11];
            for (int k = 0; k < 11; k++) {
                expected[k] = Double.parseDouble(d.get(k).asText());
            }
            assertThat(new double[] {r.site1(), r.site2(), r.comp1(), r.comp2(), r.cellA(), r.cellB(), r.cellC(),
                    r.distanceA(), r.jijRy(), r.jijMeV(), r.multiplicity()}).containsExactly(expected);
            assertThat(blockOfRow.get(i).type1()).contains(d.get(11).asText());
            assertThat(blockOfRow.get(i).type2()).contains(d.get(12).asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedTc")
    void curieTemperatureEqualsReference(Log log) {
        JsonNode ref = results(log).get("get_curie_temperature");
        assertThat(parse(log).curie().orElseThrow().curieTemperatureK()).contains(ref.get("value").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedTransport")
    void transportEqualsReference(Log log) {
        JsonNode res = results(log).get("get_resistivity");
        TransportResult t = parse(log).transport().orElseThrow();
        assertThat(t.resistivityMicroOhmCm()).contains(res.get("value").asDouble());
        JsonNode cnd = results(log).get("get_conductivity").get("value");
        assertThat(t.spins()).hasSize(cnd.size());
        for (int s = 0; s < cnd.size(); s++) {
            assertThat(t.spins().get(s).conductivityAu()).contains(cnd.get(s).asDouble());
        }
    }

    /**
     * Reference defect: PyAkaiKKR reads the first {@code fixed spin moment=} line, the input echo. Its
     * moment equals the target moment of the result line; the field comes only from the result line,
     * which is after the echo.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referencedFixedSpin")
    void fixedSpinMomentAgreesAndFieldComesFromTheResultLine(Log log) {
        JsonNode ref = results(log).get("get_fixed_spin_moment");
        SourceText src = SourceText.read(log.path());
        FixedSpinResult f = ModeBlockParser.parse(src, log.dialect(), List.of()).fixedSpin().orElseThrow();
        assertThat(f.targetMomentMuB()).contains(ref.get("value").asDouble());
        int echo = 0;
        while (!src.lines().get(echo).contains("fixed spin moment=")) {
            echo++;
        }
        assertThat(src.line(echo + 1)).doesNotContain("field used");
        assertThat(f.line()).isGreaterThan(echo + 1);
        String[] t = src.line(f.line()).trim().split("\\s+");
        assertThat(f.fieldRy()).contains(Double.parseDouble(t[t.length - 1]));
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }
}
