package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kkr4j.io.SourceText;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.CardFile;
import org.kkr4j.io.akaikkr.card.CardReader;
import org.kkr4j.io.akaikkr.card.CardWriter;
import org.kkr4j.io.akaikkr.card.KPath;
import org.kkr4j.io.akaikkr.card.KPoint;
import org.kkr4j.io.akaikkr.card.Lattice;
import org.kkr4j.io.akaikkr.card.Vector3;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Vec3;

class AkaiKPathsTest {

    static CardDeck deck(String relative, AkaiVersion v) {
        return CardReader.read(SourceText.read(SharedRoot.resolve("fixtures/akaikkr/" + relative)), v).decks().get(0);
    }

    /** |components| sorted: equal for points related by a cubic symmetry operation. */
    static double[] cubicInvariant(Vector3 k) {
        double[] d = {Math.abs(k.x()), Math.abs(k.y()), Math.abs(k.z())};
        Arrays.sort(d);
        return d;
    }

    @Test
    void fccAndBccPointsAreTheCartesianPointsOfTheOfficialV010Samples() {
        // akaitools-samples/in/ni.spc (fcc): W L Γ X W K; cpa2002v010-dist/in/fe (bcc): P Γ H (1,1/2,0) Γ
        check(BravaisLattice.FCC, "akaitools-samples/in/ni.spc", AkaiVersion.CPA2021V01, List.of("W", "L", "Γ", "X", "K"));
        check(BravaisLattice.BCC, "cpa2002v010-dist/in/fe", AkaiVersion.CPA2002V010, List.of("P", "Γ", "H"));
    }

    private static void check(BravaisLattice b, String card, AkaiVersion v, List<String> labels) {
        CardDeck d = deck(card, v);
        assertThat(d.lattice().bravais()).isEqualTo(b);
        AkaiKPaths.LabelledPath path = AkaiKPaths.standard(d.lattice());
        KPath mine = AkaiKPaths.toKPath(path, d.lattice(), v, KPath.Format.DIVISIONS, 200);
        List<double[]> official = d.kPath().orElseThrow().points().stream().map(p -> cubicInvariant(p.k())).toList();
        List<String> flat = path.segments().stream().flatMap(List::stream).map(AkaiKPaths.LabelledPoint::label).toList();
        for (String label : labels) {
            KPoint k = mine.points().get(flat.indexOf(label));
            assertThat(official).as(label).anySatisfy(o -> assertThat(o).containsExactly(cubicInvariant(k.k()), within(1e-9)));
        }
    }

    @Test
    void auxOn2022UsesFractionalCoordinatesLikeTheCommittedCards() {
        for (String[] c : new String[][] {{"Cu", "FCC"}, {"Fe", "BCC"}}) {
            CardDeck d = deck("transcribed-v2022.0721-standard/" + c[0] + "/inputcard_spc31", AkaiVersion.V2022_0721);
            Lattice named = Lattice.named(BravaisLattice.valueOf(c[1]), d.lattice().aBohr(), 0, 0, 0, 0, 0);
            AkaiKPaths.LabelledPath full = AkaiKPaths.standard(named);
            AkaiKPaths.LabelledPath first = new AkaiKPaths.LabelledPath(named, List.of(full.segments().get(0)));
            KPath mine = AkaiKPaths.toKPath(first, d.lattice(), AkaiVersion.V2022_0721, KPath.Format.TOTAL_COUNT, 150);
            KPath theirs = d.kPath().orElseThrow();
            assertThat(mine.totalPoints()).isEqualTo(theirs.totalPoints());
            assertThat(mine.points()).hasSameSizeAs(theirs.points());
            for (int i = 0; i < mine.points().size(); i++) {
                Vector3 m = mine.points().get(i).k();
                Vector3 t = theirs.points().get(i).k();
                assertThat(new double[] {m.x(), m.y(), m.z()}).as("%s point %d", c[0], i)
                        .containsExactly(new double[] {t.x(), t.y(), t.z()}, within(1e-12));
            }
        }
    }

    @Test
    void cartesianPointsAreOnTheZoneFacesWhereTheyShouldBe() {
        // hcp A = (0,0,1/(2 c/a)) in 2π/a; the card value multiplies z by c/a: 0.5
        Lattice hcp = Lattice.named(BravaisLattice.HCP, 4.7, 1.62, 1, 90, 90, 120);
        AkaiKPaths.LabelledPath p = AkaiKPaths.standard(hcp);
        assertThat(p.labels()).isEqualTo("Γ-M-K-Γ-A-L-H-A|L-M|K-H");
        Vec3 a = p.cartesian(p.segments().get(0).get(4));
        assertThat(a.z()).isCloseTo(1 / (2 * 1.62), within(1e-12));
        KPath k = AkaiKPaths.toKPath(p, hcp, AkaiVersion.CPA2002V010, KPath.Format.DIVISIONS, 100);
        assertThat(k.points().get(4).k().z()).isCloseTo(0.5, within(1e-12));
        // K of hcp = (b1 + b2)/3 = (2/3, 0, 0) in 2π/a
        Vec3 kk = p.cartesian(p.segments().get(0).get(2));
        assertThat(Math.hypot(kk.x(), kk.y())).isCloseTo(2.0 / 3.0, within(1e-12));
        // a jump starts each new segment
        assertThat(k.points().get(8).divisions()).hasValue(1);
    }

    @Test
    void bctBothVariantsAndRefusals() {
        assertThat(AkaiKPaths.standard(Lattice.named(BravaisLattice.BCT, 5, 0.8, 1, 90, 90, 90)).labels())
                .isEqualTo("Γ-X-M-Γ-Z-P-N-Z1-M|X-P");
        assertThat(AkaiKPaths.standard(Lattice.named(BravaisLattice.BCT, 5, 1.4, 1, 90, 90, 90)).labels())
                .isEqualTo("Γ-X-Y-Σ-Γ-Z-Σ1-N-P-Y1-Z|X-P");
        assertThatThrownBy(() -> AkaiKPaths.standard(Lattice.named(BravaisLattice.TRC, 5, 1.1, 1.2, 80, 85, 95)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("not supported");
        CardDeck aux = deck("transcribed-v2022.0721-standard/Cu/inputcard_spc31", AkaiVersion.V2022_0721);
        Lattice fcc = Lattice.named(BravaisLattice.FCC, aux.lattice().aBohr(), 0, 0, 0, 0, 0);
        AkaiKPaths.LabelledPath p = AkaiKPaths.standard(fcc);
        assertThatThrownBy(() -> AkaiKPaths.toKPath(p, aux.lattice(), AkaiVersion.CPA2002V010, KPath.Format.DIVISIONS, 99))
                .hasMessageContaining("cpa2002v010");
        assertThatThrownBy(() -> AkaiKPaths.toKPath(p, aux.lattice(), AkaiVersion.CPA2021V01, KPath.Format.DIVISIONS, 99))
                .hasMessageContaining("not established");
        assertThatThrownBy(() -> AkaiKPaths.toKPath(p, fcc, AkaiVersion.CPA2002V010, KPath.Format.TOTAL_COUNT, 99))
                .hasMessageContaining("no jumps");
        Lattice bcc = Lattice.named(BravaisLattice.BCC, 5.27, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> AkaiKPaths.toKPath(AkaiKPaths.standard(bcc), aux.lattice(), AkaiVersion.V2022_0721,
                KPath.Format.DIVISIONS, 99)).hasMessageContaining("not a multiple");
    }

    @Test
    void anSpcDeckWithTheStandardPathIsWrittenAndReadBack() {
        CardDeck d = deck("cpa2002v010-dist/in/fe", AkaiVersion.CPA2002V010);
        KPath k = AkaiKPaths.toKPath(AkaiKPaths.standard(d.lattice()), d.lattice(), AkaiVersion.CPA2002V010,
                KPath.Format.DIVISIONS, 120);
        CardDeck spc = d.withGo("spc21").withKPath(java.util.Optional.of(k));
        CardFile f = CardFile.of(spc);
        String text = CardWriter.write(f, AkaiVersion.CPA2002V010);
        CardFile back = CardReader.read(new SourceText("spc", List.of(text.split("\n"))), AkaiVersion.CPA2002V010);
        assertThat(back.decks().get(0).kPath()).contains(k);
    }

    /**
     * Independent check of every labelled point: it lies on the surface of the first Brillouin zone
     * (k·G = |G|²/2 for some reciprocal vector G and k·G <= |G|²/2 for all), except Γ.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sc 0 0 0", "fcc 0 0 0", "bcc 0 0 0", "hcp 1.62 0 0",
            "hcp 1.2 0 0", "st 1.3 0 0", "st 0.7 0 0", "bct 0.8 0 0", "bct 1.6 0 0", "so 1.3 1.2 0", "so 0.7 1.9 0",
            "rhb 0 0 33", "rhb 0 0 57.963", "rhb 0 0 60", "rhb 0 0 75", "rhb 0 0 100", "rhb 0 0 110"})
    void everyPointLiesOnTheZoneSurface(String spec) {
        String[] t = spec.split(" ");
        double c = Double.parseDouble(t[1]);
        double b = Double.parseDouble(t[2]);
        double alpha = Double.parseDouble(t[3]);
        Lattice l = Lattice.named(BravaisLattice.fromKeyword(t[0]).orElseThrow(), 5, c, b, alpha, 0, 0);
        AkaiKPaths.LabelledPath path = AkaiKPaths.standard(l);
        AkaiLattice.Vectors rec = AkaiKPaths.reciprocal(AkaiLattice.primitiveVectors(l));
        for (List<AkaiKPaths.LabelledPoint> seg : path.segments()) {
            for (AkaiKPaths.LabelledPoint p : seg) {
                Vec3 k = path.cartesian(p);
                double worst = Double.NEGATIVE_INFINITY; // max over G of k·G - |G|²/2
                for (int i = -4; i <= 4; i++) {
                    for (int j = -4; j <= 4; j++) {
                        for (int m = -4; m <= 4; m++) {
                            if (i == 0 && j == 0 && m == 0) {
                                continue;
                            }
                            Vec3 g = rec.combine(new Vec3(i, j, m));
                            worst = Math.max(worst, k.dot(g) - g.dot(g) / 2);
                        }
                    }
                }
                if (p.label().equals("Γ")) {
                    assertThat(k.norm()).isZero();
                } else {
                    assertThat(worst).as("%s %s", spec, p.label()).isCloseTo(0, within(1e-9));
                }
            }
        }
    }
}
