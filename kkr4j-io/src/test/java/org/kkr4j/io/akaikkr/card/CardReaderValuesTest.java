package org.kkr4j.io.akaikkr.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.KkrFormatException;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.GoMode;

/** Field values read from real cards, checked against the card text. */
class CardReaderValuesTest {

    private static CardReading reading(String relative) {
        CardFixtures.Fixture f = CardFixtures.get(relative);
        return CardReader.readWithWarnings(SourceText.read(f.path()), f.version());
    }

    private static CardDeck deck(String relative) {
        return reading(relative).card().decks().get(0);
    }

    private static CardDeck deckOf(String text, AkaiVersion version) {
        return CardReader.read(SourceText.of("t", text), version).decks().get(0);
    }

    @Test
    void gafeo3SoLatticeWrittenWithCommas() {
        CardDeck d = deck("cpa2002v010-dist/in/gafeo3");
        Lattice l = d.lattice();
        assertThat(l.bravais()).isEqualTo(BravaisLattice.SO);
        assertThat(l.aBohr()).isEqualTo(9.597918295992);
        assertThat(l.cOverA()).isEqualTo(1.849773577476);
        assertThat(l.bOverA()).isEqualTo(1.721598739909);
        assertThat(List.of(l.alphaDeg(), l.betaDeg(), l.gammaDeg())).containsExactly(90.0, 90.0, 90.0);
        assertThat(d.reltyp()).isEqualTo("srals");
        assertThat(d.outtyp()).isEqualTo("quit");
        assertThat(d.bzqlty()).isEqualTo("1");
        assertThat(d.bzqltyNumber()).isEqualTo(OptionalInt.of(1));
        assertThat(d.maxitr()).isEqualTo(100);
        assertThat(d.pmix()).isEqualTo(0.005);
        assertThat(d.pmixSuffix()).isEmpty();
        assertThat(d.ntyp()).isEqualTo(10);
        assertThat(d.types().get(2).name()).isEqualTo("Ga_1");
        assertThat(d.types().get(2).components()).containsExactly(Component.of(31, 100));
        assertThat(d.natm()).isEqualTo(40);
        assertThat(d.atoms().get(0)).isEqualTo(new Atom(Coordinate.cartesian(0.0065), Coordinate.cartesian(0.5788015),
                Coordinate.cartesian(0.94208968), "O_1"));
        assertThat(d.atoms().get(39).typeName()).isEqualTo("O_6");
    }

    @Test
    void licoo2RhombohedralAlphaAndCommaSeparatedPositions() {
        CardDeck d = deck("cpa2002v010-dist/in/licoo2");
        Lattice l = d.lattice();
        assertThat(l.bravais()).isEqualTo(BravaisLattice.RHB);
        assertThat(l.aBohr()).isEqualTo(9.373);
        assertThat(l.alphaDeg()).isEqualTo(32.97);
        assertThat(List.of(l.cOverA(), l.bOverA(), l.betaDeg(), l.gammaDeg())).containsOnly(0.0);
        assertThat(d.sdftyp()).isEqualTo("mjwasa");
        assertThat(d.types()).extracting(AtomType::name).containsExactly("Li", "Co", "O");
        assertThat(d.types().get(1).rmt()).isEqualTo(1.0);
        assertThat(d.types().get(1).components()).containsExactly(Component.of(27, 100));
        assertThat(d.atoms().get(0)).isEqualTo(new Atom(Coordinate.cartesian(0), Coordinate.cartesian(0),
                Coordinate.cartesian(0), "Co"));
        assertThat(d.atoms().get(2)).isEqualTo(new Atom(new Coordinate(0.26, Coordinate.Basis.A),
                new Coordinate(0.26, Coordinate.Basis.B), new Coordinate(0.26, Coordinate.Basis.C), "O"));
    }

    @Test
    void fetestConventionalSuffixesAndEnd() {
        CardReading r = reading("cpa2002v010-dist/in/fetest");
        CardDeck d = r.card().decks().get(0);
        assertThat(d.lattice().bravais()).isEqualTo(BravaisLattice.BCC);
        assertThat(d.lattice().aBohr()).isEqualTo(5.27);
        assertThat(d.record()).isEqualTo("init");
        assertThat(d.atoms().get(0)).isEqualTo(new Atom(new Coordinate(0, Coordinate.Basis.X),
                new Coordinate(0, Coordinate.Basis.Y), new Coordinate(0, Coordinate.Basis.Z), "Fe"));
        assertThat(r.card().end()).isEqualTo(CardEnd.END);
        assertThat(r.warnings()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(CardProblem.Severity.INFO);
            assertThat(p.message()).contains("after 'end' on line 39").contains("ignored by specx");
        });
    }

    @Test
    void edgeCardAuxWithCommasAndTiltedSecondDeckWithBlankFields() {
        CardReading r = reading("cpa2002v010-gfortran/edge-cases/edge.in");
        assertThat(r.card().decks()).hasSize(2);
        CardDeck d1 = r.card().decks().get(0);
        assertThat(d1.go()).isEqualTo("go");
        assertThat(d1.potentialFile()).isEqualTo("data/edge");
        assertThat(d1.lattice().primitiveVectors()).contains(new PrimitiveVectors(new Vector3(-0.5, 0.5, 0.5),
                new Vector3(0.5, -0.5, 0.5), new Vector3(0.5, 0.5, -0.5)));
        assertThat(d1.lattice().aBohr()).isEqualTo(5.27);
        assertThat(List.of(d1.reltyp(), d1.sdftyp(), d1.magtyp(), d1.record())).containsExactly("sra", "mjw", "mag",
                "init");
        assertThat(d1.edeltRy()).isEqualTo(0.001);
        assertThat(d1.ewidthRy()).isEqualTo(1.0);
        assertThat(d1.types().get(0).name()).isEqualTo("Co");
        assertThat(d1.atoms().get(0).x()).isEqualTo(Coordinate.cartesian(0.5));

        CardDeck d2 = r.card().decks().get(1);
        assertThat(d2.potentialFile()).isEqualTo("data/edge2");
        assertThat(d2.lattice().bravais()).isEqualTo(BravaisLattice.BCC);
        assertThat(d2.lattice().brvtypToken()).isEqualTo("bcctlt");
        assertThat(d2.lattice().tilt()).contains(new EulerAngles(0, 90, 0));
        assertThat(d2.lattice().tilt().orElseThrow().angl(2)).isEqualTo(90);
        assertThat(d2.lattice().aBohr()).isEqualTo(5.27);
        assertThat(d2.lattice().cOverA()).isZero();
        // ", , , , nmag init": edelt ewidth reltyp sdftyp take their defaults
        assertThat(d2.edeltRy()).isEqualTo(CardDeck.DEFAULT_EDELT_RY);
        assertThat(d2.ewidthRy()).isEqualTo(CardDeck.DEFAULT_EWIDTH_RY);
        assertThat(d2.reltyp()).isEqualTo("nrl");
        assertThat(d2.sdftyp()).isEqualTo("mjw");
        assertThat(d2.magtyp()).isEqualTo("nmag");
        assertThat(d2.outtyp()).isEqualTo("quit");
        assertThat(d2.pmix()).isEqualTo(0.02);
        assertThat(d2.mixingScheme()).isEqualTo(MixingScheme.BROYDEN);
        // "Fe 1 , , , , 26 , ,": rmt field lmxtyp and conc are defaults
        assertThat(d2.types()).containsExactly(new AtomType("Fe", 0, 0, 2, List.of(Component.of(26, 1))));
        assertThat(d2.atoms().get(0).x()).isEqualTo(new Coordinate(0, Coordinate.Basis.X));
        assertThat(r.card().end()).isEqualTo(CardEnd.END_OF_FILE);
    }

    @Test
    void hcpCobaltFractionsInPositions() {
        CardDeck d = deck("cpa2002v010-dist/in/co");
        assertThat(d.lattice().bravais()).isEqualTo(BravaisLattice.HCP);
        assertThat(d.lattice().cOverA()).isEqualTo(1.6215);
        assertThat(d.atoms().get(1)).isEqualTo(new Atom(new Coordinate(1.0 / 3, Coordinate.Basis.A),
                new Coordinate(2.0 / 3, Coordinate.Basis.B), new Coordinate(0.5, Coordinate.Basis.C), "Co"));
    }

    @Test
    void pmixWithSuffixAndDExponent() {
        assertThat(deck("cpa2002v010-dist/in/fe").pmixSuffix()).isEqualTo("tch");
        assertThat(deck("cpa2002v010-dist/in/fe").mixingScheme()).isEqualTo(MixingScheme.TCHEBYSHEV);
        String card = " go pot\n bcc 5.27 0 0 0 0 0\n , , , , , ,\n , , , 0.024d0ch\n 1\n Fe 1 0 0 2 26 1\n 1\n 0 0 0 Fe\n";
        CardDeck d = deckOf(card, AkaiVersion.CPA2002V010);
        assertThat(d.pmix()).isEqualTo(0.024);
        assertThat(d.pmixSuffix()).isEqualTo("ch");
        assertThat(d.maxitr()).isEqualTo(CardDeck.DEFAULT_MAXITR);
    }

    @Test
    void cndBuildDisplacementColumns() {
        CardDeck d = deck("transcribed-v2022.0721-cnd/NiFe/inputcard_cnd");
        assertThat(d.lattice().aBohr()).isEqualTo(6.7482146805322225);
        assertThat(d.ewidthRy()).isEqualTo(0.01);
        assertThat(d.bzqlty()).isEqualTo("40");
        AtomType t = d.types().get(0);
        assertThat(t.name()).isEqualTo("Fe0.1Ni0.9_4a_0");
        assertThat(t.lmxtyp()).isEqualTo(3);
        assertThat(t.components()).containsExactly(new Component(Vector3.ZERO, 26, 10),
                new Component(Vector3.ZERO, 28, 90));
    }

    @Test
    void cndDisplacementsAreReadBeforeAnclr() {
        String card = " cnd pot\n fcc 6.7 1 1 90 90 90\n 0.001 0.01 sra pbe mag 2nd\n update 40 200 0.02\n 1\n"
                + " FeNi 2 1.0 0.0 3\n 0.01 0 -0.02 26 10\n 0 0 0 28 90\n 1\n 0a 0b 0c FeNi\n";
        CardDeck d = deckOf(card, AkaiVersion.V2022_0721_CND);
        assertThat(d.goMode().orElseThrow().kind()).isEqualTo(GoMode.Kind.CND);
        assertThat(d.types().get(0).components()).containsExactly(
                new Component(new Vector3(0.01, 0, -0.02), 26, 10), new Component(Vector3.ZERO, 28, 90));
    }

    @Test
    void spcFormatCKPathOfTheCopperCard() {
        CardDeck d = deck("transcribed-v2022.0721-standard/Cu/inputcard_spc31");
        assertThat(d.goMode().orElseThrow().spcRead()).isEqualTo(3);
        KPath p = d.kPath().orElseThrow();
        assertThat(p.format()).isEqualTo(KPath.Format.TOTAL_COUNT);
        assertThat(p.totalPoints()).isEqualTo(OptionalInt.of(150));
        assertThat(p.points()).hasSize(10);
        assertThat(p.points().get(1)).isEqualTo(KPoint.of(0.5, 0.0, 0.5));
        assertThat(p.points().get(3)).isEqualTo(KPoint.of(0.375, 0.375, 0.75));
        assertThat(d.lattice().primitiveVectors().orElseThrow().a()).isEqualTo(
                new Vector3(0.0, 0.7071067811865476, 0.7071067811865476));
    }

    @Test
    void spcFormatBWithDivisions() {
        String card = " spc21 pot\n fcc 6.8 0 0 0 0 0\n 0.001 1.0 nrl mjw mag 2nd\n update 4 1 0.02\n 1\n Cu 1 0 0 2 29 100\n"
                + " 1\n 0 0 0 Cu\n 0 0 0 0\n 1 0 0 30\n 1 0.5 0 15\n end\n";
        KPath p = deckOf(card, AkaiVersion.CPA2002V010).kPath().orElseThrow();
        assertThat(p.format()).isEqualTo(KPath.Format.DIVISIONS);
        assertThat(p.totalPoints()).isEmpty();
        assertThat(p.points()).containsExactly(new KPoint(new Vector3(0, 0, 0), OptionalInt.of(0)),
                new KPoint(new Vector3(1, 0, 0), OptionalInt.of(30)),
                new KPoint(new Vector3(1, 0.5, 0), OptionalInt.of(15)));
    }

    @Test
    void spcFormatAExplicitPointsStopAtTheFirstWord() {
        String card = " spc11 pot\n fcc 6.8 0 0 0 0 0\n 0.001 1.0 nrl mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + " Cu 1 0 0 2 29 100\n 1\n 0 0 0 Cu\n 0 0 0\n 0.1 0 0\n 0.2 0 0\n go pot2\n fcc 6.8 0 0 0 0 0\n"
                + " 0.001 1.0 nrl mjw mag 2nd\n update 4 1 0.02\n 1\n Cu 1 0 0 2 29 100\n 1\n 0 0 0 Cu\n";
        CardFile f = CardReader.read(SourceText.of("t", card), AkaiVersion.CPA2002V010);
        assertThat(f.decks()).hasSize(2);
        assertThat(f.decks().get(0).kPath().orElseThrow().points()).hasSize(3);
        assertThat(f.decks().get(1).potentialFile()).isEqualTo("pot2");
    }

    @Test
    void fractionalKPointsAreFractionsFrom2021OnButOneOnV010() {
        CardFixtures.Fixture f = CardFixtures.get("akaitools-samples/in/fe.spc");
        CardDeck newer = CardReader.read(SourceText.read(f.path()), AkaiVersion.CPA2021V01).decks().get(0);
        KPath p = newer.kPath().orElseThrow();
        assertThat(p.totalPoints()).isEqualTo(OptionalInt.of(300));
        assertThat(p.points()).containsExactly(KPoint.of(0, 0, 0), KPoint.of(0, 1, 0), KPoint.of(0.5, 0.5, 0),
                KPoint.of(0.5, 0.5, 0.5), KPoint.of(0, 0, 0), KPoint.of(0.5, 0.5, 0));

        CardReading old = CardReader.readWithWarnings(SourceText.read(f.path()), AkaiVersion.CPA2002V010);
        assertThat(old.card().decks().get(0).kPath().orElseThrow().points().get(2)).isEqualTo(KPoint.of(1, 1, 0));
        assertThat(old.warnings()).filteredOn(w -> w.message().contains("reads the k-value '1/2' as 1")).hasSize(7);
    }

    @Test
    void fixedSpinMomentCards() {
        assertThat(deck("cpa2002v010-gfortran/edge-cases/fsm.in").fixedSpinMomentMuB()).hasValue(1.0);
        CardDeck d = deck("transcribed-v2022.0721-cnd/Fe/inputcard_fsm");
        assertThat(d.goMode().orElseThrow().kind()).isEqualTo(GoMode.Kind.FSM);
        assertThat(d.potentialFile()).isEqualTo("pot_fsm.dat");
        assertThat(d.fixedSpinMomentMuB()).isPresent();
    }

    @Test
    void ewidthSuffixOf2022AndItsRejectionByV010() {
        CardFixtures.Fixture f = CardFixtures.get("transcribed-v2022.0721-standard/SmCo5_noc/inputcard_go");
        CardDeck d = CardReader.read(SourceText.read(f.path()), AkaiVersion.V2022_0721).decks().get(0);
        assertThat(d.ewidthRy()).isEqualTo(1.7);
        assertThat(d.ewidthSuffix()).isEqualTo("noc");
        assertThat(d.lattice().primitiveVectors().orElseThrow().b()).isEqualTo(
                new Vector3(-0.5, 0.8660254037844386, 0.0));
        assertThat(d.types()).extracting(AtomType::name).containsExactly("Sm_0", "Co_1", "Co_2");
        assertThatThrownBy(() -> CardReader.read(SourceText.read(f.path()), AkaiVersion.CPA2002V010))
                .isInstanceOfSatisfying(KkrFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.field()).isEqualTo("deck[1].ewidth");
                    assertThat(e.problem()).contains("Bad real number '1.7noc'");
                });
    }

    @Test
    void experimentalLatticeConstantMarker() {
        CardDeck d = deck("cpa2002v010-gfortran/hea-3d/AlCrCoCu_bcc/inputcard_go");
        assertThat(d.lattice().aBohr()).isEqualTo(1e6);
        assertThat(d.lattice().aSource()).isEqualTo(Lattice.LatticeConstantSource.ESTIMATED_EXPERIMENTAL);
        assertThat(d.types().get(0).components()).hasSize(4);
        String card = " go pot\n bcc 0 , , , , , ,\n , , , , , ,\n , , , ,\n 1\n Fe 1 , , , , 26 , ,\n 1\n 0 0 0 Fe\n";
        CardDeck est = deckOf(card, AkaiVersion.CPA2002V010);
        assertThat(est.lattice().aSource()).isEqualTo(Lattice.LatticeConstantSource.ESTIMATED_MJW);
        assertThat(est.pmix()).isEqualTo(CardDeck.DEFAULT_PMIX);
        assertThat(est.pmixSuffix()).isEqualTo(CardDeck.DEFAULT_PMIX_SUFFIX);
        assertThat(est.bzqlty()).isEqualTo(CardDeck.DEFAULT_BZQLTY);
        assertThat(est.record()).isEqualTo(CardDeck.DEFAULT_RECORD);
    }

    @Test
    void multipleDecksOfTheLatticeScan() {
        CardFile f = reading("cpa2002v010-dist/in/fe_latt").card();
        assertThat(f.decks()).extracting(d -> d.lattice().aBohr()).containsExactly(5.2, 5.25, 5.3, 5.35, 5.4);
        assertThat(f.decks().get(0).maxitr()).isEqualTo(100);
        assertThat(f.decks().get(1).maxitr()).isEqualTo(50);
    }

    @Test
    void synonymsKeepTheKeywordTheUserWrote() {
        String card = " go pot\n trg 9.3 0 0 32.97 0 0\n 0.001 1.0 nrl mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + " Cu 1 0 0 2 29 100\n 1\n 0 0 0 Cu\n";
        Lattice l = deckOf(card, AkaiVersion.CPA2002V010).lattice();
        assertThat(l.bravais()).isEqualTo(BravaisLattice.RHB);
        assertThat(l.keyword()).isEqualTo("trg");
        Lattice prv = deckOf(card.replace("trg 9.3 0 0 32.97 0 0", "PRVtlt 1 0 0 0 1 0 0 0 1 10 20 30 5"),
                AkaiVersion.CPA2002V010).lattice();
        assertThat(prv.bravais()).isEqualTo(BravaisLattice.AUX);
        assertThat(prv.brvtypToken()).isEqualTo("prvtlt");
        assertThat(prv.tilt()).contains(new EulerAngles(10, 20, 30));
        assertThat(prv.tilt().orElseThrow().angl(3)).isEqualTo(10);
        assertThat(prv.aBohr()).isEqualTo(5);
    }

    @Test
    void listDirectedNumbers() {
        String card = " go pot\n bcc 5.27d0 , , , , , ,\n 1d-3 .5 nrl mjw mag 2nd\n update 4 +100 0.02\n 1\n"
                + " Fe 1 0 0 2 2.6E1 100\n 1\n 0 0 0 Fe\n";
        CardDeck d = deckOf(card, AkaiVersion.CPA2002V010);
        assertThat(d.lattice().aBohr()).isEqualTo(5.27);
        assertThat(d.edeltRy()).isEqualTo(1e-3);
        assertThat(d.ewidthRy()).isEqualTo(0.5);
        assertThat(d.maxitr()).isEqualTo(100);
        assertThat(d.types().get(0).components().get(0).anclr()).isEqualTo(26);
    }

    @Test
    void slashEndsAListDirectedReadOfAnOrdinaryField() {
        String card = " go pot\n bcc 5.27 , , , , , ,\n 1/2 1.0 nrl mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + " Fe 1 0 0 2 26 100\n 1\n 1/2 0 0 Fe\n";
        CardReading r = CardReader.readWithWarnings(SourceText.of("t", card), AkaiVersion.V2022_0721);
        CardDeck d = r.card().decks().get(0);
        assertThat(d.edeltRy()).isEqualTo(1.0);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("deck[1].edelt");
            assertThat(w.line()).isEqualTo(3);
        });
        // positions are read by redata, which divides
        assertThat(d.atoms().get(0).x()).isEqualTo(Coordinate.cartesian(0.5));
    }

    @Test
    void optionBlockOf2022() {
        String card = " go pot.dat\n bcc 5.27 0 0 0 0 0\n 0.001 1.0 sra mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + " Fe 1 0 0 2 26 100\n 1\n 0 0 0 Fe\n\nbegin_option\n mse= 5\n tol= 1e-5\n begin_klabel\n  G X W\n"
                + " end_klabel\nend_option\n";
        CardReading r = CardReader.readWithWarnings(SourceText.of("t", card), AkaiVersion.V2022_0721);
        OptionBlock o = r.card().decks().get(0).options().orElseThrow();
        assertThat(o.entries()).containsExactly(new OptionEntry.Value("mse", "5"), new OptionEntry.Value("tol", "1e-5"),
                new OptionEntry.Array("klabel", List.of("G", "X", "W")));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.lineOf("deck[1].option.tol")).isEqualTo(12);
    }

    @Test
    void optionBlockBeforeTheKList() {
        String card = " spc31 pot.dat\n bcc 5.27 0 0 0 0 0\n 0.001 1.0 sra mjw mag 2nd\n update 4 1 0.02\n 1\n"
                + " Fe 1 0 0 2 26 100\n 1\n 0 0 0 Fe\n begin_option\n mse= 5\n end_option\n 30\n 0 0 0\n 1 0 0\n";
        CardDeck d = deckOf(card, AkaiVersion.CPA2021V01);
        assertThat(d.options().orElseThrow().get("MSE")).contains(new OptionEntry.Value("mse", "5"));
        assertThat(d.kPath().orElseThrow().points()).hasSize(2);
    }
}
