package org.kkr4j.io.akaikkr.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;

/** Writer refusals and output rules, checker problems per version, converter changes and refusals. */
class CardWriterCheckerConverterTest {

    private static CardDeck deck(String go, List<AtomType> types, List<Atom> atoms) {
        return new CardDeck(go, "pot", Lattice.named(BravaisLattice.BCC, 5.27, 0, 0, 0, 0, 0), 1e-3, 1.0, "", "sra",
                "mjw", "mag", "2nd", "update", "4", 100, 0.02, "ch", types, atoms, Optional.empty(),
                OptionalDouble.empty(), Optional.empty());
    }

    private static CardDeck fe(String go) {
        return deck(go, List.of(new AtomType("Fe", 0, 0, 2, List.of(Component.of(26, 100)))),
                List.of(new Atom(Coordinate.cartesian(0), Coordinate.cartesian(0), Coordinate.cartesian(0), "Fe")));
    }

    private static List<String> errorFields(CardFile card, AkaiVersion v) {
        return CardChecker.errors(card, v).stream().map(CardProblem::field).toList();
    }

    @Test
    void writesExplicitValuesWithoutCommasIndentedAndEndsWithEnd() {
        CardDeck d = fe("go").withTypesAndAtoms(
                List.of(new AtomType("Co", 0, 0, 2, List.of(Component.of(27, 1))),
                        new AtomType("Cu", 0.5, 0, 3, List.of(Component.of(29, 60), Component.of(0, 40)))),
                List.of(new Atom(new Coordinate(1.0 / 3, Coordinate.Basis.A), new Coordinate(1, Coordinate.Basis.B),
                                new Coordinate(0.5, Coordinate.Basis.Z), "Co"),
                        new Atom(Coordinate.cartesian(0.1), Coordinate.cartesian(-0.0), Coordinate.cartesian(1e-20),
                                "Cu")));
        CardFile card = CardFile.of(d);
        String text = CardWriter.write(card, AkaiVersion.CPA2002V010);
        assertThat(text).doesNotContain(",");
        for (String line : text.split("\n")) {
            if (!line.startsWith("c --- ")) {
                assertThat(line).startsWith(" ");
            }
        }
        assertThat(text).endsWith("\n end\n").contains("\n Co 1 0 0 2\n").contains("0.3333333333333333a 1b 0.5z Co")
                .contains("0.1 -0.0 1.0E-20 Cu");
        assertThat(CardReader.read(SourceText.of("w", text), AkaiVersion.CPA2002V010).decks()).isEqualTo(card.decks());
    }

    @Test
    void refusesModesTheVersionLacks() {
        for (String go : List.of("tc", "j3.0", "geom", "cnd", "sbk")) {
            assertThatThrownBy(() -> CardWriter.write(CardFile.of(fe(go)), AkaiVersion.CPA2002V010))
                    .isInstanceOfSatisfying(CardNotSupportedException.class, e -> {
                        assertThat(e.problems()).extracting(CardProblem::field).containsExactly("deck[1].go");
                        assertThat(e.getMessage()).contains("not supported by cpa2002v010");
                    });
        }
        assertThat(errorFields(CardFile.of(fe("cnd")), AkaiVersion.V2022_0721)).containsExactly("deck[1].go");
        assertThat(errorFields(CardFile.of(fe("cnd")), AkaiVersion.V2022_0721_CND)).isEmpty();
        assertThat(errorFields(CardFile.of(fe("xyz")), AkaiVersion.V2022_0721_CND)).containsExactly("deck[1].go");
        assertThat(errorFields(CardFile.of(fe("j3.0001")), AkaiVersion.V2022_0721)).containsExactly("deck[1].go");
    }

    @Test
    void refusesOptionBlocksOnV010AndUnknownKeys() {
        CardDeck d = fe("go").withOptions(Optional.of(new OptionBlock(List.of(new OptionEntry.Value("mse", "5")))));
        assertThat(errorFields(CardFile.of(d), AkaiVersion.CPA2002V010)).containsExactly("deck[1].option");
        String text = CardWriter.write(CardFile.of(d), AkaiVersion.V2022_0721);
        assertThat(text).contains("\n begin_option\n  mse= 5\n end_option\n");
        assertThat(CardReader.read(SourceText.of("w", text), AkaiVersion.V2022_0721).decks())
                .containsExactly(d);
        CardDeck bad = fe("go").withOptions(Optional.of(new OptionBlock(List.of(new OptionEntry.Value("foo", "1"),
                new OptionEntry.Value("tempmu", "300")))));
        assertThat(CardChecker.errors(CardFile.of(bad), AkaiVersion.V2022_0721)).extracting(CardProblem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown option 'foo'"))
                .anySatisfy(m -> assertThat(m).contains("known only to the 2022.0721-cnd build"));
        assertThat(errorFields(CardFile.of(bad), AkaiVersion.V2022_0721_CND)).containsExactly("deck[1].option.foo");
    }

    @Test
    void refusesSpcWithAuxOnV010() {
        CardDeck aux = new CardDeck("spc31", "pot", Lattice.aux(PrimitiveVectors.IDENTITY, 5.27), 1e-3, 1.0, "",
                "sra", "mjw", "mag", "2nd", "update", "4", 1, 0.02, "", fe("go").types(), fe("go").atoms(),
                Optional.empty(), OptionalDouble.empty(), Optional.of(new KPath(KPath.Format.TOTAL_COUNT,
                OptionalInt.of(30), List.of(KPoint.of(0, 0, 0), KPoint.of(0.5, 0, 0)))));
        assertThat(errorFields(CardFile.of(aux), AkaiVersion.CPA2002V010)).containsExactly("deck[1].brvtyp");
        assertThat(errorFields(CardFile.of(aux), AkaiVersion.V2022_0721)).isEmpty();
        assertThatThrownBy(() -> CardConverter.convert(CardFile.of(aux), AkaiVersion.V2022_0721,
                AkaiVersion.CPA2002V010)).isInstanceOf(CardNotSupportedException.class)
                .hasMessageContaining("spc with an aux lattice");
    }

    @Test
    void refusesLongAndCollidingTypeNames() {
        CardDeck d = deck("go", List.of(new AtomType("Fe_site_a", 0, 0, 2, List.of(Component.of(26, 1))),
                        new AtomType("Fe_site_b", 0, 0, 2, List.of(Component.of(26, 1)))),
                List.of(new Atom(Coordinate.cartesian(0), Coordinate.cartesian(0), Coordinate.cartesian(0), "Fe_site_a"),
                        new Atom(Coordinate.cartesian(0.5), Coordinate.cartesian(0.5), Coordinate.cartesian(0.5),
                                "Fe_site_b")));
        List<CardProblem> errors = CardChecker.errors(CardFile.of(d), AkaiVersion.CPA2002V010);
        assertThat(errors).extracting(CardProblem::message)
                .anySatisfy(m -> assertThat(m).contains("longer than the 8 characters"))
                .anySatisfy(m -> assertThat(m).contains("collide after truncation to 8 characters"));
        assertThat(CardChecker.errors(CardFile.of(d), AkaiVersion.CPA2021V01)).isEmpty();

        CardConversion c = CardConverter.convert(CardFile.of(d), AkaiVersion.CPA2021V01, AkaiVersion.CPA2002V010);
        CardDeck converted = c.card().decks().get(0);
        assertThat(converted.types()).extracting(AtomType::name).containsExactly("Fe_site_", "Fe_site1");
        assertThat(converted.atoms()).extracting(Atom::typeName).containsExactly("Fe_site_", "Fe_site1");
        assertThat(c.changes()).hasSize(2).allSatisfy(s -> assertThat(s).contains("renamed"));
        String text = CardWriter.write(c.card(), AkaiVersion.CPA2002V010);
        assertThat(CardReader.read(SourceText.of("w", text), AkaiVersion.CPA2002V010).decks()).containsExactly(converted);
    }

    @Test
    void checkerWarnsAboutDashInTypeNames() {
        CardDeck d = deck("go", List.of(new AtomType("Fe-1", 0, 0, 2, List.of(Component.of(26, 1)))),
                List.of(new Atom(Coordinate.cartesian(0), Coordinate.cartesian(0), Coordinate.cartesian(0), "Fe-1")));
        assertThat(CardChecker.check(CardFile.of(d), AkaiVersion.V2022_0721)).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(CardProblem.Severity.WARNING);
            assertThat(p.message()).contains("J_ij");
        });
    }

    @Test
    void displacementsOnlyForTheCndBuild() {
        CardDeck d = deck("go", List.of(new AtomType("Fe", 0, 0, 2,
                        List.of(new Component(new Vector3(0.01, 0, 0), 26, 1)))),
                fe("go").atoms());
        assertThat(errorFields(CardFile.of(d), AkaiVersion.V2022_0721))
                .containsExactly("deck[1].type[1].component[1].dx");
        assertThat(errorFields(CardFile.of(d), AkaiVersion.V2022_0721_CND)).isEmpty();
        assertThatThrownBy(() -> CardConverter.convert(CardFile.of(d), AkaiVersion.V2022_0721_CND,
                AkaiVersion.V2022_0721)).isInstanceOf(CardNotSupportedException.class)
                .hasMessageContaining("cannot be expressed in 2022.0721");
        String text = CardWriter.write(CardFile.of(d), AkaiVersion.V2022_0721_CND);
        assertThat(text).contains("\n  0.01 0 0 26 1\n");

        CardConversion toStandard = CardConverter.convert(CardFile.of(fe("go")), AkaiVersion.V2022_0721_CND,
                AkaiVersion.V2022_0721);
        assertThat(toStandard.changes()).anySatisfy(s -> assertThat(s).contains("displacement columns"));
        assertThat(CardWriter.write(toStandard.card(), AkaiVersion.V2022_0721)).contains("\n  26 100\n");
        CardConversion toCnd = CardConverter.convert(CardFile.of(fe("go")), AkaiVersion.CPA2002V010,
                AkaiVersion.V2022_0721_CND);
        assertThat(CardWriter.write(toCnd.card(), AkaiVersion.V2022_0721_CND)).contains("\n  0 0 0 26 100\n");
    }

    @Test
    void trailingDataMustMatchTheMode() {
        assertThat(errorFields(CardFile.of(fe("fsm")), AkaiVersion.CPA2002V010)).containsExactly("deck[1].fspin");
        assertThat(errorFields(CardFile.of(fe("go").withFixedSpinMoment(OptionalDouble.of(1))),
                AkaiVersion.CPA2002V010)).containsExactly("deck[1].fspin");
        assertThat(errorFields(CardFile.of(fe("spc31")), AkaiVersion.CPA2002V010)).containsExactly("deck[1].kpath");
        KPath b = new KPath(KPath.Format.DIVISIONS, OptionalInt.empty(),
                List.of(new KPoint(new Vector3(0, 0, 0), OptionalInt.of(0))));
        assertThat(errorFields(CardFile.of(fe("spc31").withKPath(Optional.of(b))), AkaiVersion.CPA2002V010))
                .contains("deck[1].kpath");
        CardDeck spc21 = fe("spc21").withKPath(Optional.of(b));
        assertThat(errorFields(CardFile.of(spc21), AkaiVersion.CPA2002V010)).isEmpty();
        String text = CardWriter.write(CardFile.of(spc21), AkaiVersion.CPA2002V010);
        assertThat(text).endsWith(" 0 0 0 0\n end\n");
        List<KPoint> many = java.util.stream.IntStream.range(0, 26).mapToObj(i -> KPoint.of(i * 0.01, 0, 0)).toList();
        CardDeck tooMany = fe("spc31").withKPath(Optional.of(new KPath(KPath.Format.TOTAL_COUNT, OptionalInt.of(100),
                many)));
        assertThat(CardChecker.errors(CardFile.of(tooMany), AkaiVersion.V2022_0721)).extracting(CardProblem::message)
                .anySatisfy(m -> assertThat(m).contains("at most 25"));
        CardDeck fewTotal = fe("spc31").withKPath(Optional.of(new KPath(KPath.Format.TOTAL_COUNT, OptionalInt.of(2),
                List.of(KPoint.of(0, 0, 0), KPoint.of(0.5, 0, 0), KPoint.of(0.5, 0.5, 0)))));
        assertThat(errorFields(CardFile.of(fewTotal), AkaiVersion.V2022_0721)).containsExactly("deck[1].kpath.nk");
    }

    @Test
    void ewidthSuffixAndConcentrations() {
        CardDeck noc = new CardDeck("go", "pot", Lattice.named(BravaisLattice.HCP, 9.4, 0.8, 0, 0, 0, 0), 1e-3, 1.7,
                "noc", "srals", "mjwasa", "mag", "2nd", "update", "6", 200, 0.005, "", fe("go").types(),
                fe("go").atoms(), Optional.empty(), OptionalDouble.empty(), Optional.empty());
        assertThat(errorFields(CardFile.of(noc), AkaiVersion.CPA2002V010)).containsExactly("deck[1].ewidth");
        assertThat(errorFields(CardFile.of(noc), AkaiVersion.V2022_0721)).isEmpty();
        assertThat(CardWriter.write(CardFile.of(noc), AkaiVersion.V2022_0721)).contains("\n 0.001 1.7noc srals");
        CardDeck zero = deck("go", List.of(new AtomType("Fe", 0, 0, 2, List.of(Component.of(26, 0)))),
                fe("go").atoms());
        assertThat(errorFields(CardFile.of(zero), AkaiVersion.V2022_0721)).containsExactly("deck[1].type[1].conc");
        CardDeck undefined = deck("go", fe("go").types(), List.of(new Atom(Coordinate.cartesian(0),
                Coordinate.cartesian(0), Coordinate.cartesian(0), "Co")));
        assertThat(errorFields(CardFile.of(undefined), AkaiVersion.V2022_0721)).containsExactly("deck[1].atom[1].type");
    }

    @Test
    void checkerNamesLinesOfACardThatWasRead() {
        CardFixtures.Fixture f = CardFixtures.get("cpa2002v010-gfortran/edge-cases/fe_go.in");
        CardReading r = CardReader.readWithWarnings(SourceText.read(f.path()), AkaiVersion.CPA2002V010);
        List<CardProblem> problems = CardChecker.check(r, AkaiVersion.CPA2002V010);
        assertThat(problems).filteredOn(CardProblem::isError).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.field()).isEqualTo("deck[1].type[1].name");
        });
        assertThat(problems).filteredOn(p -> p.severity() == CardProblem.Severity.WARNING).hasSize(1);
    }

    @Test
    void converterRefusesWhatV010CannotExpress() {
        assertThatThrownBy(() -> CardConverter.convert(CardFile.of(fe("tc")), AkaiVersion.V2022_0721,
                AkaiVersion.CPA2002V010)).isInstanceOfSatisfying(CardNotSupportedException.class,
                        e -> assertThat(e.problems()).extracting(CardProblem::field).containsExactly("deck[1].go"));
        CardDeck withOptions = fe("go").withOptions(Optional.of(new OptionBlock(List.of(
                new OptionEntry.Value("tol", "1e-5")))));
        assertThatThrownBy(() -> CardConverter.convert(CardFile.of(withOptions), AkaiVersion.V2022_0721,
                AkaiVersion.CPA2002V010)).isInstanceOf(CardNotSupportedException.class)
                .hasMessageContaining("option 'tol' cannot be expressed in cpa2002v010");
        CardDeck empty = fe("go").withOptions(Optional.of(new OptionBlock(List.of())));
        CardConversion c = CardConverter.convert(CardFile.of(empty), AkaiVersion.V2022_0721, AkaiVersion.CPA2002V010);
        assertThat(c.card().decks().get(0).options()).isEmpty();
        assertThat(c.changes()).singleElement().satisfies(s -> assertThat(s).contains("empty option block"));
    }

    @Test
    void converterNotesTheMovingDosWindow() {
        CardConversion c = CardConverter.convert(CardFile.of(fe("dos")), AkaiVersion.CPA2002V010,
                AkaiVersion.CPA2021V01);
        assertThat(c.card().decks()).containsExactly(fe("dos"));
        assertThat(c.changes()).singleElement().satisfies(s -> assertThat(s).startsWith("note:")
                .contains("[E_F-0.75W, E_F+0.25W] in cpa2002v010").contains("[E_F-0.5W, E_F+0.5W] in cpa2021v01"));
    }

    @Test
    void v010CardsWrittenForV010ReadBackWithV010Rules() {
        for (String rel : List.of("cpa2002v010-dist/in/gafeo3", "cpa2002v010-dist/in/licoo2",
                "cpa2002v010-gfortran/edge-cases/edge.in", "cpa2002v010-dist/in/fe")) {
            CardFixtures.Fixture f = CardFixtures.get(rel);
            CardFile card = CardReader.read(SourceText.read(f.path()), AkaiVersion.CPA2002V010);
            String text = CardWriter.write(card, AkaiVersion.CPA2002V010);
            String data = text.lines().filter(l -> !l.startsWith("c --- ")).reduce("", (a, b) -> a + b + "\n");
            for (CardDeck d : card.decks()) {
                data = data.replace(" " + d.potentialFile() + "\n", "\n");
            }
            assertThat(data).as("no fraction in a card written for v010").doesNotContain("/");
            assertThat(text).doesNotContain(",");
            assertThat(CardReader.read(SourceText.of("w", text), AkaiVersion.CPA2002V010).decks())
                    .isEqualTo(card.decks());
        }
    }
}
