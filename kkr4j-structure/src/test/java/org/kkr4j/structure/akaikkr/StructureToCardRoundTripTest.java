package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;

/**
 * Every synthetic input: structure → card (the brvtyp Cif2Kkr chose, and aux) → text for every version →
 * card → structure must be the same crystal ({@link SameCrystal}); the lattice parameters are compared
 * with Cif2Kkr's where the input is in the same setting.
 */
class StructureToCardRoundTripTest {

    static Stream<Path> inputs() {
        try (Stream<Path> s = Files.list(SharedRoot.resolve("fixtures/structures/inputs/synthetic"))) {
            List<Path> all = s.sorted().toList();
            assertThat(all).hasSizeGreaterThan(30);
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Structure read(Path p) {
        return p.toString().endsWith(".cif") ? CifReader.read(p) : Poscar.read(p);
    }

    static JsonNode reference(Path input) throws IOException {
        String name = input.getFileName().toString().replaceAll("\\.(cif|vasp)$", ".json");
        return new ObjectMapper().readTree(SharedRoot.resolve(
                "fixtures/structures/reference/cif2kkr/synthetic/" + name).toFile());
    }

    static Structure roundTrip(Structure s, BrvtypChoice choice, AkaiVersion v) {
        CardFile card = StructureToCard.toCardFile(s, choice, null, StructureToCard.Options.defaults(v));
        String text = CardWriter.write(card, v);
        CardFile back = CardReader.read(new SourceText("rt", List.of(text.split("\n"))), v);
        assertThat(back).isEqualTo(card);
        return CardToStructure.convert(back.decks().get(0)).structure();
    }

    /** Inputs not in the setting Cif2Kkr standardised to (it runs a symmetry finder first). */
    enum Setting { SAME, A_CENTRED, SUPERCELL_2X2X2, NOISY_CELL, PERMUTED_AXES }

    static Setting settingOf(Path input) {
        String n = input.getFileName().toString();
        if (n.startsWith("Amm2_bso")) {
            return Setting.A_CENTRED; // Cif2Kkr turns A-centred 38-41 into C-centred; bso needs C
        }
        if (n.startsWith("Cu_fcc_2x2x2_supercell")) {
            return Setting.SUPERCELL_2X2X2;
        }
        if (n.startsWith("Cu_fcc_noisy")) {
            return Setting.NOISY_CELL; // a, b, c differ by 1e-4 Å, angles by 2e-3°: idealised within symprec
        }
        if (n.startsWith("Pnma_so")) {
            return Setting.PERMUTED_AXES; // pymatgen orders the orthorhombic axes differently
        }
        return Setting.SAME;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void namedBrvtypRoundTripsAndMatchesCif2Kkr(Path input) throws IOException {
        Structure s = read(input);
        JsonNode ref = reference(input).get("param");
        String brvtyp = ref.get("brvtyp").asText();
        Setting setting = settingOf(input);
        if (setting == Setting.A_CENTRED) {
            assertThatThrownBy(() -> StructureToCard.convert(s, BrvtypChoice.of(brvtyp), null,
                    StructureToCard.Options.defaults(AkaiVersion.V2022_0721)))
                    .isInstanceOf(AkaiConversionException.class).hasMessageContaining("not in the conventional setting");
            return;
        }
        double relTol = setting == Setting.NOISY_CELL ? 1e-4 : 1e-6;
        for (AkaiVersion v : AkaiVersion.values()) {
            Structure back = roundTrip(s, BrvtypChoice.of(brvtyp), v);
            assertThat(SameCrystal.difference(s, back, relTol, 1e-3)).as("%s %s", brvtyp, v).isEmpty();
        }
        CardDeck deck = StructureToCard.convert(s, BrvtypChoice.of(brvtyp), null,
                StructureToCard.Options.defaults(AkaiVersion.V2022_0721));
        assertThat(deck.lattice().keyword()).isEqualTo(brvtyp);
        double refA = ref.get("a").asDouble();
        switch (setting) {
            case SUPERCELL_2X2X2 -> {
                assertThat(deck.lattice().aBohr()).isCloseTo(2 * refA, within(2e-6 * refA));
                assertThat(deck.natm()).isEqualTo(8 * ref.get("natm").asInt());
                return;
            }
            case PERMUTED_AXES -> {
                double[] mine = {1, deck.lattice().bOverA(), deck.lattice().cOverA()};
                double[] theirs = {1, ref.get("b/a").asDouble(), ref.get("c/a").asDouble()};
                for (int i = 0; i < 3; i++) {
                    mine[i] *= deck.lattice().aBohr();
                    theirs[i] *= refA;
                }
                java.util.Arrays.sort(mine);
                java.util.Arrays.sort(theirs);
                assertThat(mine).containsExactly(theirs, within(1e-6 * refA));
                assertThat(deck.natm()).isEqualTo(ref.get("natm").asInt());
                return;
            }
            default -> {
            }
        }
        assertThat(deck.lattice().aBohr()).as("a (bohr)").isCloseTo(refA, within(1e-6 * refA));
        assertThat(deck.natm()).as("natm").isEqualTo(ref.get("natm").asInt());
        assertThat(deck.ntyp()).as("ntyp").isLessThanOrEqualTo(ref.get("ntyp").asInt());
        if (brvtyp.equals("rhb")) {
            assertThat(deck.lattice().alphaDeg()).isCloseTo(ref.get("alpha").asDouble(), within(1e-6));
        } else {
            assertThat(deck.lattice().cOverA()).as("c/a").isCloseTo(ref.get("c/a").asDouble(), within(1e-6));
            assertThat(deck.lattice().bOverA()).as("b/a").isCloseTo(ref.get("b/a").asDouble(), within(1e-6));
            assertThat(deck.lattice().alphaDeg()).isCloseTo(ref.get("alpha").asDouble(), within(1e-6));
            assertThat(deck.lattice().betaDeg()).isCloseTo(ref.get("beta").asDouble(), within(1e-6));
            assertThat(deck.lattice().gammaDeg()).isCloseTo(ref.get("gamma").asDouble(), within(1e-6));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void auxRoundTrips(Path input) {
        Structure s = read(input);
        for (AkaiVersion v : AkaiVersion.values()) {
            assertThat(SameCrystal.difference(s, roundTrip(s, BrvtypChoice.auxStandardOrientation(), v), 1e-6, 1e-3))
                    .as("aux standard %s", v).isEmpty();
            assertThat(SameCrystal.difference(s, roundTrip(s, BrvtypChoice.auxAsGiven(), v), 1e-6, 1e-3))
                    .as("aux as given %s", v).isEmpty();
        }
    }
}
