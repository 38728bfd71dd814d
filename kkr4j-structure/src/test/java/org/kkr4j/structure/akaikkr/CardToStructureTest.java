package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kkr4j.elements.Elements;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.Component;
import org.kkr4j.io.akaikkr.output.Deck;
import org.kkr4j.io.akaikkr.output.SpecxLog;
import org.kkr4j.io.akaikkr.output.SpecxLogParser;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.cif.CifWriter;
import org.kkr4j.structure.poscar.Poscar;

/**
 * Every input card of the shared AkaiKKR fixtures that the card reader accepts is turned into a
 * structure: atom count and composition follow the card; where the specx log of the run lies beside
 * the card, the primitive vectors, a and the Cartesian positions equal what specx printed.
 */
class CardToStructureTest {

    record Fixture(String relative, Path card, AkaiVersion version, Path log) {
        @Override
        public String toString() {
            return relative;
        }
    }

    static List<Fixture> fixtures() {
        Path root = SharedRoot.akaikkr();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(CardToStructureTest::isCard).sorted()
                    .map(rel -> new Fixture(rel, root.resolve(rel), versionOf(rel), logOf(root, rel))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isCard(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return name.startsWith("inputcard")
                || rel.startsWith("cpa2002v010-gfortran/edge-cases/") && name.endsWith(".in")
                || rel.startsWith("cpa2002v010-dist/in/") || rel.startsWith("akaitools-samples/in/");
    }

    static AkaiVersion versionOf(String rel) {
        String top = rel.substring(0, rel.indexOf('/'));
        if (top.startsWith("cpa2002v010-")) {
            return AkaiVersion.CPA2002V010;
        }
        if (top.startsWith("transcribed-cpa2021v01") || top.equals("akaitools-samples")) {
            return AkaiVersion.CPA2021V01;
        }
        if (top.equals("transcribed-v2022.0721-standard")) {
            return AkaiVersion.V2022_0721;
        }
        if (top.equals("transcribed-v2022.0721-cnd")) {
            return AkaiVersion.V2022_0721_CND;
        }
        throw new IllegalStateException("unknown fixture directory " + top);
    }

    /** The log of the same run: in/x → out/x, inputcard_x → out_x.log, x.in → x.out; null when absent. */
    static Path logOf(Path root, String rel) {
        String log;
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String dir = rel.substring(0, rel.lastIndexOf('/') + 1);
        if (name.startsWith("inputcard")) {
            log = dir + "out" + name.substring("inputcard".length()) + ".log";
        } else if (name.endsWith(".in")) {
            log = dir + name.substring(0, name.length() - 3) + ".out";
        } else {
            log = rel.replace("/in/", "/out/");
        }
        Path p = root.resolve(log);
        return Files.isRegularFile(p) ? p : null;
    }

    static CardFile readOrNull(Fixture f) {
        try {
            return CardReader.read(SourceText.read(f.card()), f.version());
        } catch (KkrFormatException unreadable) {
            return null;
        }
    }

    @Test
    void mostCardsAreConvertedAndMostHaveALogToCompareWith() {
        List<Fixture> all = fixtures();
        long readable = all.stream().filter(f -> readOrNull(f) != null).count();
        long withLog = all.stream().filter(f -> f.log() != null && readOrNull(f) != null).count();
        assertThat(all.size()).isGreaterThan(300);
        assertThat(readable).isGreaterThan(280);
        assertThat(withLog).isGreaterThan(250);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void structureFollowsTheCardAndTheLog(Fixture f) {
        CardFile card = readOrNull(f);
        if (card == null) {
            return; // the card reader's own tests pin down why these cards are refused
        }
        SpecxLog log = f.log() == null ? null : SpecxLogParser.parse(SourceText.read(f.log()));
        for (int d = 0; d < card.decks().size(); d++) {
            CardDeck deck = card.decks().get(d);
            CardToStructure.Result result = CardToStructure.convert(deck);
            Structure s = result.structure();
            assertThat(s.sites()).hasSize(deck.natm());
            assertThat(s.composition()).as("composition").allSatisfy((symbol, count) ->
                    assertThat(count).isCloseTo(expectedCount(deck, symbol), within(1e-9)));
            assertThat(expectedSymbols(deck)).isEqualTo(s.composition().keySet());
            if (log == null || d >= log.decks().size() || log.decks().get(d).lattice() == null) {
                continue;
            }
            Deck printed = log.decks().get(d);
            double[][] pv = printed.lattice().primitiveVectorsA();
            double a = result.aBohr();
            if (printed.lattice().aBohr().value() != null) {
                assertThat(a).as("a").isCloseTo(printed.lattice().aBohr().value(), within(6e-5));
            }
            for (int i = 0; i < 3; i++) {
                Vec3 v = s.lattice().vector(i).times(1 / (a * CardToStructure.ANGSTROM_PER_BOHR));
                for (int k = 0; k < 3; k++) {
                    assertThat(v.get(k)).as("r%d[%d]", i + 1, k).isCloseTo(pv[i][k], within(6e-6));
                }
            }
            if (printed.atoms().size() != deck.natm()) {
                continue; // the log stopped inside the atom list
            }
            for (int n = 0; n < deck.natm(); n++) {
                Vec3 p = s.lattice().toCartesian(s.sites().get(n).fractional())
                        .times(1 / (a * CardToStructure.ANGSTROM_PER_BOHR));
                double[] q = printed.atoms().get(n).positionA();
                for (int k = 0; k < 3; k++) {
                    assertThat(p.get(k)).as("atom %d [%d]", n + 1, k).isCloseTo(q[k], within(6e-6));
                }
            }
        }
    }

    static CardDeck parse(String text) {
        return CardReader.read(new SourceText("t.in", List.of(text.split("\n"))), AkaiVersion.CPA2002V010)
                .decks().get(0);
    }

    static final String CPA = """
              go data/x
              bcc 5.4 , , , , , ,
              0.001 1.0 nrl mjw mag 2nd
              update t 40 0.024
              2
              FeCo 3 0 0 2
              26 45 27 45 0 10
              Es 1 0 0 2
              0 100
              2
              0 0 0 FeCo
              0.5a 0.5b 0.5c Es
            end
            """;

    @Test
    void cpaTypeBecomesPartialOccupancyAndEmptySphereX() {
        Structure s = CardToStructure.convert(parse(CPA)).structure();
        Site fe = s.sites().get(0);
        assertThat(fe.occupants()).extracting(o -> o.species().symbol()).containsExactly("Fe", "Co");
        assertThat(fe.occupants().get(0).occupancy()).isCloseTo(0.45, within(1e-12));
        assertThat(fe.totalOccupancy()).isCloseTo(0.9, within(1e-12));
        assertThat(s.sites().get(1).occupants()).extracting(o -> o.species().symbol()).containsExactly("X");
        assertThat(s.sites().get(1).label()).contains("Es");
        assertThat(s.lattice().aAngstrom()).isCloseTo(5.4 * CardToStructure.ANGSTROM_PER_BOHR * Math.sqrt(3) / 2,
                within(1e-12));
    }

    @Test
    void cifKeepsPartialOccupancyPoscarRefusesOrTakesTheMajority() throws IOException {
        CardDeck deck = parse(CPA);
        Path cif = Files.createTempFile("card", ".cif");
        Files.writeString(cif, CardToStructure.toCif(deck, "cpa"));
        Structure back = CifReader.read(cif);
        Files.delete(cif);
        assertThat(back.sameAs(CardToStructure.convert(deck).structure(), 1e-4)).isTrue();
        assertThatThrownBy(() -> CardToStructure.toPoscar(deck, "x", Poscar.PartialOccupancy.REFUSE))
                .isInstanceOf(KkrFormatException.class).hasMessageContaining("partial");
        assertThat(CardToStructure.toPoscar(deck, "x", Poscar.PartialOccupancy.MAJORITY)).contains("Fe");
    }

    @Test
    void fractionalNuclearChargeIsRefusedWithItsField() {
        CardDeck deck = parse(CPA.replace("26 45 27 45", "26.5 45 27 45"));
        assertThatThrownBy(() -> CardToStructure.convert(deck)).isInstanceOfSatisfying(AkaiConversionException.class,
                e -> assertThat(e.field()).isEqualTo("type[1].component[1].anclr"));
    }

    @Test
    void estimatedLatticeConstantFollowsSpecx() {
        // specx-geometry: 9 Fe in bcc, a = 0 gave 10.96223 bohr (MJW) and a = 1e6 gave 11.26858 (experimental)
        String nine = "  0 0 0 Fe\n".repeat(9);
        String card = "  go x\n  bcc %s 1 1 90 90 90\n  0.001 1.0 nrl mjw mag 2nd\n  update t 40 0.024\n  1\n"
                + "  Fe 1 0 0 2\n  26 100\n  9\n" + nine + "end\n";
        assertThat(CardToStructure.convert(parse(card.formatted("0"))).aBohr()).isCloseTo(10.96223, within(6e-6));
        assertThat(CardToStructure.convert(parse(card.formatted("1000000"))).aBohr()).isCloseTo(11.26858, within(6e-6));
    }

    private static java.util.Set<String> expectedSymbols(CardDeck deck) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (var atom : deck.atoms()) {
            AtomType t = deck.type(atom.typeName()).orElseThrow();
            boolean any = false;
            for (Component c : t.components()) {
                if (c.anclr() != 0 && c.conc() > 0) {
                    out.add(Elements.byZ((int) c.anclr()).symbol());
                    any = true;
                }
            }
            if (!any) {
                out.add("X");
            }
        }
        return out;
    }

    /** Σ over atoms of the normalised concentration of the element (X: atoms of all-vacancy types). */
    private static double expectedCount(CardDeck deck, String symbol) {
        double n = 0;
        for (var atom : deck.atoms()) {
            AtomType t = deck.type(atom.typeName()).orElseThrow();
            double total = t.components().stream().mapToDouble(Component::conc).sum();
            boolean allVacancy = t.components().stream().allMatch(c -> c.anclr() == 0);
            for (Component c : t.components()) {
                if (symbol.equals("X") ? allVacancy : c.anclr() != 0 && Elements.byZ((int) c.anclr()).symbol().equals(symbol)) {
                    n += symbol.equals("X") ? 1.0 / t.ncmp() : c.conc() / total;
                }
            }
        }
        return n;
    }
}
