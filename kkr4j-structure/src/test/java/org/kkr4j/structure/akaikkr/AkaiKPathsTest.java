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
        assertThatThrownBy(() -> AkaiKPaths.standard(new Lattice(BravaisLattice.SC, "sc",
                java.util.Optional.of(new org.kkr4j.io.akaikkr.card.EulerAngles(10, 0, 0)), java.util.Optional.empty(),
                5, 0, 0, 0, 0, 0)))
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
                KPath.Format.DIVISIONS, 99)).hasMessageContaining("not a basis");
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
        assertOnZoneSurface(AkaiKPaths.standard(l), spec);
    }

    /** Lattices and parameters (c/a, b/a, α, β, γ) over a grid: every variant met is checked. */
    @Test
    void everyPointOfEveryLowSymmetryLatticeLiesOnTheZoneSurface() {
        java.util.Set<String> variants = new java.util.TreeSet<>();
        double[] ratios = {0.55, 0.8, 1.0, 1.3, 1.9, 2.6};
        for (double c : ratios) {
            variants.add(checked(Lattice.named(BravaisLattice.FCT, 5, c, 0, 0, 0, 0)));
            for (double b : ratios) {
                for (BravaisLattice o : List.of(BravaisLattice.SO, BravaisLattice.FCO, BravaisLattice.BCO,
                        BravaisLattice.BSO)) {
                    variants.add(checked(Lattice.named(o, 5, c, b, 0, 0, 0)));
                }
                for (double beta : new double[] {62, 75, 88, 97, 110, 125}) {
                    variants.add(checked(Lattice.named(BravaisLattice.SM, 5, c, b, 90, beta, 90)));
                    variants.add(checked(Lattice.named(BravaisLattice.BSM, 5, c, b, 90, beta, 90)));
                }
            }
        }
        double[] angles = {65, 80, 95, 110};
        for (double b : new double[] {0.7, 1.0, 1.4}) {
            for (double c : new double[] {0.8, 1.6}) {
                for (double al : angles) {
                    for (double be : angles) {
                        for (double ga : angles) {
                            if (AkaiLattice.triclinic(b, c, al, be, ga).volume() > 0.05 && al + be + ga < 350
                                    && Math.abs(al - be) < ga && ga < al + be && al + be + ga > 200) {
                                variants.add(checked(Lattice.named(BravaisLattice.TRC, 5, c, b, al, be, ga)));
                            }
                        }
                    }
                }
            }
        }
        assertThat(variants).contains("BCT1", "BCT2", "ORC", "ORCF1", "ORCF2", "ORCI", "ORCC", "MCL", "MCLC1",
                "MCLC3", "MCLC5", "TRI1a");
    }

    /** The boundary variants (an equality between parameters) built exactly. */
    @Test
    void boundaryVariants() {
        double sqrt95 = Math.sqrt(9.0 / 5.0); // 1/a² = 1/b² + 1/c² with a = 1, b = 1.5
        assertThat(checked(Lattice.named(BravaisLattice.FCO, 5, sqrt95, 1.5, 0, 0, 0))).isEqualTo("ORCF3");
        assertThat(checked(Lattice.named(BravaisLattice.FCO, 5, 1.5, sqrt95, 0, 0, 0))).isEqualTo("ORCF3");
        // MCLC2: kγ = 90° when the unique axis (specx's b/a) equals sin β (paper's a = b sin α)
        double beta = 100;
        double s = Math.sin(Math.toRadians(beta));
        assertThat(checked(Lattice.named(BravaisLattice.BSM, 5, 1.2, s, 90, beta, 90))).isEqualTo("MCLC2");
        // MCLC4: b cos α / c + b² sin² α / a² = 1 with b = 1, c = 1.2
        double cos = Math.abs(Math.cos(Math.toRadians(beta)));
        double a = Math.sqrt(s * s / (1 - cos / 1.2));
        assertThat(checked(Lattice.named(BravaisLattice.BSM, 5, 1.2, a, 90, beta, 90))).isEqualTo("MCLC4");
        // TRI2a: reciprocal γ = 90° when cos γ = cos α cos β
        double ga = Math.toDegrees(Math.acos(Math.cos(Math.toRadians(80)) * Math.cos(Math.toRadians(70))));
        assertThat(checked(Lattice.named(BravaisLattice.TRC, 5, 1.1, 0.9, 80, 70, ga))).isEqualTo("TRI2a");
    }

    @Test
    void noStandardPathHasMoreSymmetryPointsThanSpecxReads() {
        for (Lattice l : List.of(Lattice.named(BravaisLattice.FCC, 5, 0, 0, 0, 0, 0),
                Lattice.named(BravaisLattice.BSM, 5, 1.3, 0.8, 90, 110, 90),
                Lattice.named(BravaisLattice.BCO, 5, 1.3, 1.9, 0, 0, 0),
                Lattice.named(BravaisLattice.FCO, 5, 1.3, 1.1, 0, 0, 0))) {
            AkaiKPaths.LabelledPath p = AkaiKPaths.standard(l);
            assertThat(p.symmetryPointCount()).as(p.variant()).isLessThanOrEqualTo(KPath.MAX_SYMMETRY_POINTS);
            KPath k = AkaiKPaths.toKPath(p, l, AkaiVersion.CPA2002V010, KPath.Format.DIVISIONS, 300);
            assertThat(k.points()).hasSize(p.symmetryPointCount());
            // a jump (ndiv 1) exactly at the first point of each segment
            long jumps = k.points().stream().filter(q -> q.divisions().getAsInt() == 1).count();
            assertThat(jumps).isEqualTo(p.segments().size());
        }
    }

    /**
     * aux: a named lattice's vectors rotated and recombined by a unimodular matrix get the same variant, and
     * the carried-over points lie on the zone surface of the aux vectors.
     */
    @Test
    void auxLatticesAreRecognisedAndTheirPointsLieOnTheZoneSurface() {
        for (Lattice named : List.of(Lattice.named(BravaisLattice.FCC, 5, 0, 0, 0, 0, 0),
                Lattice.named(BravaisLattice.HCP, 5, 1.6, 0, 0, 0, 0),
                Lattice.named(BravaisLattice.BCO, 5, 1.3, 1.9, 0, 0, 0),
                Lattice.named(BravaisLattice.BSM, 5, 1.3, 0.8, 90, 110, 90),
                Lattice.named(BravaisLattice.TRC, 5, 1.1, 0.9, 80, 70, 100),
                Lattice.named(BravaisLattice.RHB, 5, 0, 0, 75, 0, 0))) {
            AkaiLattice.Vectors v = AkaiLattice.primitiveVectors(named);
            Vec3 r1 = rot(v.r1());
            Vec3 r2 = rot(v.r2().plus(v.r1()));
            Vec3 r3 = rot(v.r3().minus(v.r2()));
            Lattice aux = Lattice.aux(new org.kkr4j.io.akaikkr.card.PrimitiveVectors(vec(r1), vec(r2), vec(r3)), 5);
            AkaiKPaths.LabelledPath p = AkaiKPaths.standard(aux);
            assertThat(p.variant()).isEqualTo(AkaiKPaths.standard(named).variant());
            assertThat(p.lattice()).isEqualTo(aux);
            assertOnZoneSurface(p, named.keyword() + " as aux");
            KPath k = AkaiKPaths.toKPath(p, aux, AkaiVersion.V2022_0721, KPath.Format.DIVISIONS, 200);
            assertThat(k.points()).hasSize(p.symmetryPointCount());
            assertThatThrownBy(() -> AkaiKPaths.toKPath(p, aux, AkaiVersion.CPA2002V010, KPath.Format.DIVISIONS, 99))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cpa2002v010");
        }
    }

    /** ORC labels follow the paper's a < b < c: X along the shortest axis, Z along the longest. */
    @Test
    void orthorhombicLabelsFollowTheSortedAxes() {
        Lattice so = Lattice.named(BravaisLattice.SO, 5, 0.7, 1.9, 0, 0, 0); // a = 1 (x), b = 1.9 (y), c = 0.7 (z)
        AkaiKPaths.LabelledPath p = AkaiKPaths.standard(so);
        java.util.Map<String, Vec3> k = new java.util.HashMap<>();
        p.segments().forEach(seg -> seg.forEach(q -> k.put(q.label(), p.cartesian(q))));
        assertThat(abs(k.get("X"))).containsExactly(new double[] {0, 0, 1 / 1.4}, within(1e-12));
        assertThat(abs(k.get("Y"))).containsExactly(new double[] {0.5, 0, 0}, within(1e-12));
        assertThat(abs(k.get("Z"))).containsExactly(new double[] {0, 1 / 3.8, 0}, within(1e-12));
    }

    private static double[] abs(Vec3 v) {
        return new double[] {Math.abs(v.x()), Math.abs(v.y()), Math.abs(v.z())};
    }

    @Test
    void auxCardsAreRecognisedFromTheirOwnVectors() {
        // the committed 2022.0721 Cu card: the path found from its aux vectors alone reproduces its k-list
        CardDeck d = deck("transcribed-v2022.0721-standard/Cu/inputcard_spc31", AkaiVersion.V2022_0721);
        AkaiKPaths.LabelledPath full = AkaiKPaths.standard(d.lattice());
        assertThat(full.variant()).isEqualTo("FCC");
        AkaiKPaths.LabelledPath first = new AkaiKPaths.LabelledPath(d.lattice(), List.of(full.segments().get(0)));
        KPath mine = AkaiKPaths.toKPath(first, d.lattice(), AkaiVersion.V2022_0721, KPath.Format.TOTAL_COUNT, 150);
        KPath theirs = d.kPath().orElseThrow();
        assertThat(mine.points()).hasSameSizeAs(theirs.points());
        for (int i = 0; i < mine.points().size(); i++) {
            Vector3 m = mine.points().get(i).k();
            Vector3 t = theirs.points().get(i).k();
            assertThat(new double[] {m.x(), m.y(), m.z()}).as("point %d", i)
                    .containsExactly(new double[] {t.x(), t.y(), t.z()}, within(1e-12));
        }
        // hexagonal vectors written with 6 decimals are still hexagonal
        double h = 0.866025;
        Lattice hex = Lattice.aux(new org.kkr4j.io.akaikkr.card.PrimitiveVectors(new Vector3(.5, -h, 0),
                new Vector3(.5, h, 0), new Vector3(0, 0, 1.62)), 4.7);
        assertThat(AkaiKPaths.standard(hex).variant()).isEqualTo("HEX");
    }

    private static Vec3 rot(Vec3 x) {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        return new Vec3(c * x.x() - s * x.z(), x.y(), s * x.x() + c * x.z());
    }

    private static Vector3 vec(Vec3 x) {
        return new Vector3(x.x(), x.y(), x.z());
    }

    private static String checked(Lattice l) {
        AkaiKPaths.LabelledPath p = AkaiKPaths.standard(l);
        assertOnZoneSurface(p, l.keyword() + " " + l.cOverA() + " " + l.bOverA() + " " + l.alphaDeg() + " "
                + l.betaDeg() + " " + l.gammaDeg() + " " + p.variant());
        return p.variant();
    }

    /**
     * Independent check of every labelled point: it lies on the surface of the first Brillouin zone
     * (k·G = |G|²/2 for some reciprocal vector G and k·G <= |G|²/2 for all), except Γ; and at most 25
     * symmetry points.
     */
    static void assertOnZoneSurface(AkaiKPaths.LabelledPath path, String what) {
        assertThat(path.symmetryPointCount()).as(what).isLessThanOrEqualTo(KPath.MAX_SYMMETRY_POINTS);
        AkaiLattice.Vectors rec = AkaiKPaths.reciprocal(AkaiLattice.primitiveVectors(path.lattice()));
        for (List<AkaiKPaths.LabelledPoint> seg : path.segments()) {
            assertThat(seg).as(what).hasSizeGreaterThanOrEqualTo(2);
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
                    assertThat(worst).as("%s %s", what, p.label()).isCloseTo(0, within(1e-9 * rec.r1().dot(rec.r1())));
                }
            }
        }
    }
}
