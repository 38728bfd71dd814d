package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Vec3;

/**
 * Every case of {@code specx-geometry/prmvec_and_positions.json}: a deck with the recorded brvtyp line
 * and the nine recorded position forms is read with the card reader; the primitive vectors and the
 * folded positions must equal what specx printed (5 and 8 decimals).
 */
class AkaiLatticeTest {

    static Stream<JsonNode> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedRoot.resolve(
                "fixtures/structures/reference/specx-geometry/prmvec_and_positions.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        root.get("cases").forEach(out::add);
        assertThat(out).hasSizeGreaterThan(25);
        return out.stream();
    }

    /** A deck of one Fe type with the case's lattice line and positions. */
    static CardDeck deck(JsonNode c) {
        StringBuilder sb = new StringBuilder();
        sb.append("  go data/x\n  ").append(c.get("brvtyp_line").asText()).append('\n');
        sb.append("  0.001 1.0 nrl mjw mag 2nd\n  update t 40 0.024\n  1\n  Fe 1 0 0 2\n  26 100\n");
        JsonNode atoms = c.get("atmicx");
        sb.append("  ").append(atoms.size()).append('\n');
        atoms.forEach(a -> sb.append("  ").append(a.asText()).append(" Fe\n"));
        sb.append("end\n");
        SourceText text = new SourceText(c.get("tag").asText(), List.of(sb.toString().split("\n")));
        return CardReader.read(text, AkaiVersion.CPA2002V010).decks().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vectorsAndPositionsEqualSpecx(JsonNode c) {
        if (c.get("tag").asText().startsWith("unknown_brvtyp")) {
            // ibrav 0: specx takes the element's lattice from a table; the card reader refuses the name
            assertThatThrownBy(() -> deck(c)).isInstanceOf(KkrFormatException.class);
            return;
        }
        CardDeck d = deck(c);
        AkaiLattice.Vectors v = AkaiLattice.primitiveVectors(d.lattice());
        JsonNode pv = c.get("printed_primitive_vectors");
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(v.get(i).get(k)).as("%s r%d[%d]", c.get("tag"), i + 1, k)
                        .isCloseTo(pv.get(i).get(k).asDouble(), within(5.1e-6));
            }
        }
        assertThat(v.volume()).isNotZero();
        JsonNode pos = c.get("printed_positions_cartesian_units_of_a");
        for (int n = 0; n < d.natm(); n++) {
            Vec3 p = AkaiLattice.position(d.atoms().get(n), d.lattice());
            for (int k = 0; k < 3; k++) {
                assertThat(p.get(k)).as("%s atom %d (%s) [%d]", c.get("tag"), n + 1, c.get("atmicx").get(n), k)
                        .isCloseTo(pos.get(n).get(k).asDouble(), within(5.1e-8));
            }
        }
        AkaiLattice.Parameters p = AkaiLattice.parameters(d.lattice());
        if (c.has("printed_coa")) {
            assertThat(p.cOverA()).as("c/a").isCloseTo(c.get("printed_coa").asDouble(), within(5.1e-4));
            assertThat(p.bOverA()).as("b/a").isCloseTo(c.get("printed_boa").asDouble(), within(5.1e-4));
        }
        if (!d.lattice().bravais().hasPrimitiveVectors()) {
            JsonNode ang = c.get("printed_angles");
            assertThat(new double[] {p.alphaDeg(), p.betaDeg(), p.gammaDeg()}).as("angles")
                    .containsExactly(new double[] {ang.get(0).asDouble(), ang.get(1).asDouble(),
                            ang.get(2).asDouble()}, within(1e-3));
        }
    }

    @Test
    void gramMatrixIsTheMetricOfTheVectors() throws IOException {
        CardDeck d = deck(cases().filter(c -> c.get("tag").asText().equals("trc")).findFirst().orElseThrow());
        double[][] g = AkaiLattice.gram(d.lattice());
        // trc 1.3 1.2 80 95 105: |r2| = b/a, |r3| = c/a, cos between them the card's angles
        assertThat(g[0][0]).isCloseTo(1, within(1e-12));
        assertThat(g[1][1]).isCloseTo(1.44, within(1e-12));
        assertThat(g[2][2]).isCloseTo(1.69, within(1e-12));
        assertThat(g[1][2] / (1.2 * 1.3)).isCloseTo(Math.cos(Math.toRadians(80)), within(1e-12));
        assertThat(g[0][2] / 1.3).isCloseTo(Math.cos(Math.toRadians(95)), within(1e-12));
        assertThat(g[0][1] / 1.2).isCloseTo(Math.cos(Math.toRadians(105)), within(1e-12));
    }

    @Test
    void foldKeepsSpecxSlack() {
        assertThat(AkaiLattice.fold(new Vec3(0.9995, 1.0, -0.25)).x()).isCloseTo(-0.0005, within(1e-12));
        assertThat(AkaiLattice.fold(new Vec3(0.9995, 1.0, -0.25)).y()).isCloseTo(0, within(1e-12));
        assertThat(AkaiLattice.fold(new Vec3(0.9995, 1.0, -0.25)).z()).isCloseTo(0.75, within(1e-12));
    }
}
