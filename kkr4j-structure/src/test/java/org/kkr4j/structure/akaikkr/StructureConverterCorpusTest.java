package org.kkr4j.structure.akaikkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kkr4j.io.akaikkr.AkaiVersion;
import org.kkr4j.io.akaikkr.card.Atom;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.Component;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.StructureFormatException;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;
import org.kkr4j.structure.symmetry.SymmetryFinder;

/**
 * Issue 3 acceptance: every file under fixtures/structures/inputs (discovered from disk) is converted and
 * compared structurally with the Cif2Kkr reference conversion (brvtyp, lattice parameters 1e-6 relative,
 * ntyp, natm, grouping of atoms into types up to a translation, compositions; names ignored), its space
 * group with spglib's, and converted back (card → structure) to the same crystal.
 */
class StructureConverterCorpusTest {

    private static final Path INPUTS = SharedRoot.resolve("fixtures/structures/inputs");
    private static final Path REF = SharedRoot.resolve("fixtures/structures/reference");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> inputs() throws IOException {
        try (Stream<Path> s = Files.walk(INPUTS)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    static Structure read(Path f) {
        return f.getFileName().toString().endsWith(".cif") ? CifReader.read(f) : Poscar.read(f);
    }

    static StructureConverter.Result convert(Structure s, boolean aux) {
        return StructureConverter.convert(s, new StructureConverter.Options(
                StructureToCard.Options.defaults(AkaiVersion.V2022_0721), aux));
    }

    @TestFactory
    List<DynamicTest> everyInputMatchesTheReferenceConversion() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files = inputs();
        assertThat(files).hasSizeGreaterThanOrEqualTo(65);
        for (Path f : files) {
            String rel = INPUTS.relativize(f).toString();
            tests.add(DynamicTest.dynamicTest(rel, () -> check(f, rel)));
        }
        return tests;
    }

    /** Reference parameter dict and spglib (number) of an input; null when none is recorded. */
    private record Reference(JsonNode param, int spaceGroup) {
    }

    private static Reference reference(String rel, String base) throws IOException {
        if (rel.startsWith("synthetic/")) {
            JsonNode c = JSON.readTree(REF.resolve("cif2kkr/synthetic/" + base + ".json").toFile());
            JsonNode spg = JSON.readTree(REF.resolve("spglib/" + base + ".json").toFile());
            return new Reference(c.get("param"), spg.get("dataset").get("number").asInt());
        }
        if (rel.startsWith("edge/")) {
            JsonNode c = JSON.readTree(REF.resolve("cif2kkr/edge/" + base + ".json").toFile());
            return c.has("param") ? new Reference(c.get("param"), -1) : null;
        }
        String prefix = rel.startsWith("tests/") ? "tests__structure__" : "demo__akaikkr_cnd.small.devel__cnd_test__structure__";
        JsonNode c = JSON.readTree(REF.resolve("cif2kkr/" + prefix + base + ".json").toFile());
        return new Reference(c.get("cif_primitive_True").get("param"), c.get("spg").get(1).asInt());
    }

    private void check(Path f, String rel) throws IOException {
        String base = f.getFileName().toString().replaceFirst("\\.(cif|vasp)$", "");
        if (rel.equals("edge/deuterium.cif")) {
            // reference: CIF2KKRUnknownElementError
            assertThatThrownBy(() -> read(f)).isInstanceOf(StructureFormatException.class)
                    .satisfies(e -> assertThat(((StructureFormatException) e).kind()).isEqualTo(StructureFormatException.Kind.UNKNOWN_ELEMENT));
            return;
        }
        if (rel.equals("edge/occ_gt1.cif")) {
            // reference: CIF2KKRGetStructureError (occupancies 0.1 + 0.91)
            assertThatThrownBy(() -> read(f)).isInstanceOf(StructureFormatException.class)
                    .satisfies(e -> assertThat(((StructureFormatException) e).kind()).isEqualTo(StructureFormatException.Kind.OCCUPANCY_ABOVE_ONE));
            return;
        }
        Reference ref = reference(rel, base);
        assertThat(ref).as("reference conversion for " + rel).isNotNull();
        Structure s = read(f);
        StructureConverter.Result r = convert(s, false);
        CardDeck deck = r.deck();
        if (ref.spaceGroup() > 0) {
            assertThat(r.symmetry().spaceGroupNumber()).as("space group").isEqualTo(ref.spaceGroup());
        }
        JsonNode p = ref.param();
        String brvtyp = p.get("brvtyp").asText();
        assertThat(r.notes()).as("no aux fallback").isEmpty();
        assertThat(deck.lattice().keyword()).as("brvtyp").isEqualTo(brvtyp);
        double a = p.get("a").asDouble();
        // Cif2Kkr divides by 0.529177 Å/bohr, kkr4j by CODATA 0.529177210903: 4e-7 relative
        assertThat(deck.lattice().aBohr()).as("a (bohr)").isCloseTo(a, within(1e-6 * a));
        if (brvtyp.equals("rhb")) {
            assertThat(deck.lattice().alphaDeg()).as("alpha").isCloseTo(p.get("alpha").asDouble(), within(1e-6 * 90));
        } else {
            assertThat(deck.lattice().cOverA()).as("c/a").isCloseTo(p.get("c/a").asDouble(), within(1e-6 * p.get("c/a").asDouble()));
            assertThat(deck.lattice().bOverA()).as("b/a").isCloseTo(p.get("b/a").asDouble(), within(1e-6 * p.get("b/a").asDouble()));
            assertThat(deck.lattice().alphaDeg()).as("alpha").isCloseTo(p.get("alpha").asDouble(), within(1e-6 * 90));
            assertThat(deck.lattice().betaDeg()).as("beta").isCloseTo(p.get("beta").asDouble(), within(1e-6 * 90));
            assertThat(deck.lattice().gammaDeg()).as("gamma").isCloseTo(p.get("gamma").asDouble(), within(1e-6 * 90));
        }
        assertThat(deck.ntyp()).as("ntyp").isEqualTo(p.get("ntyp").asInt());
        assertThat(deck.natm()).as("natm").isEqualTo(p.get("natm").asInt());
        Map<String, Map<Integer, Double>> refComp = referenceCompositions(p, rel);
        for (AtomType t : deck.types()) {
            assertThat(t.name()).hasSizeLessThanOrEqualTo(AkaiVersion.V2022_0721.typeNameLength()).doesNotStartWith("c")
                    .doesNotStartWith("C").doesNotStartWith("#");
        }
        assertThat(sameGrouping(deck, p, refComp, positionTolerance(rel))).as("grouping of atoms into types with equal compositions, up to a translation").isTrue();
        roundTrip(s, deck, r, rel);
        // aux on request: same atoms, same crystal
        StructureConverter.Result aux = convert(s, true);
        assertThat(aux.deck().lattice().bravais()).isEqualTo(BravaisLattice.AUX);
        assertThat(aux.deck().natm()).isEqualTo(deck.natm());
        assertThat(aux.deck().ntyp()).isEqualTo(deck.ntyp());
        roundTrip(s, aux.deck(), r, rel);
    }

    private static void roundTrip(Structure input, CardDeck deck, StructureConverter.Result r, String rel) {
        Structure back = CardToStructure.convert(deck).structure();
        assertThat(SymmetryFinder.analyse(back).spaceGroupNumber()).as("space group after the round trip")
                .isEqualTo(r.symmetry().spaceGroupNumber());
        // the noisy P1 cell is idealised (a, b, c differ by 1e-4 Å in the input)
        double relTol = rel.contains("noisy") ? 1e-4 : 1e-6;
        assertThat(SameCrystal.difference(input, back, relTol, 2e-3)).as("same crystal after the round trip").isEmpty();
    }

    /**
     * type name → {Z: conc %}. Pinned reference quirk: float_sum.cif (0.7 + 0.2 + 0.1 summing to
     * 0.9999999999999999) gets a spurious Z = 0 component of 1.1e-14 % in Cif2Kkr (exact float comparison);
     * kkr4j treats sums within 1e-6 of 1 as full, so that component is expected to be absent here.
     */
    private static Map<String, Map<Integer, Double>> referenceCompositions(JsonNode p, String rel) {
        Map<String, Map<Integer, Double>> out = new HashMap<>();
        for (int t = 0; t < p.get("ntyp").asInt(); t++) {
            Map<Integer, Double> c = new TreeMap<>();
            for (int k = 0; k < p.get("ncmp").get(t).asInt(); k++) {
                double conc = p.get("conc").get(t).get(k).asDouble();
                int z = p.get("anclr").get(t).get(k).asInt();
                if (conc < 1e-6) {
                    assertThat(rel).as("only float_sum has a spurious component").isEqualTo("edge/float_sum.cif");
                    assertThat(z).isZero();
                    continue;
                }
                c.merge(z, conc, Double::sum);
            }
            out.put(p.get("type").get(t).asText(), c);
        }
        return out;
    }

    private static Map<Integer, Double> composition(AtomType t) {
        Map<Integer, Double> c = new TreeMap<>();
        double sum = t.components().stream().mapToDouble(Component::conc).sum();
        for (Component k : t.components()) {
            c.merge((int) Math.round(k.anclr()), 100 * k.conc() / sum, Double::sum);
        }
        return c;
    }

    private static boolean sameComposition(Map<Integer, Double> x, Map<Integer, Double> y) {
        if (!x.keySet().equals(y.keySet())) {
            return false;
        }
        return x.keySet().stream().allMatch(z -> Math.abs(x.get(z) - y.get(z)) < 1e-6);
    }

    /**
     * A translation t (and, failing that, a lattice rotation W) exists that maps every kkr4j atom onto a
     * reference atom, with a one-to-one correspondence of types that preserves compositions.
     */
    /**
     * Tolerance on primitive fractions when matching atoms with the reference. Pinned reference quirk:
     * pymatgen's CIF parser replaces fractions within 1e-4 (relative) of 1/3 or 2/3 by exactly 1/3 or 2/3;
     * anatase's O z = 0.3333 thus moved by 3.3e-5, kkr4j keeps the written value.
     */
    private static double positionTolerance(String rel) {
        return rel.equals("synthetic/I41amd_bct_anatase.cif") ? 1e-4 : 1e-5;
    }

    private static boolean sameGrouping(CardDeck deck, JsonNode p, Map<String, Map<Integer, Double>> refComp, double tol) {
        List<Vec3> mine = new ArrayList<>();
        List<String> myType = new ArrayList<>();
        for (Atom at : deck.atoms()) {
            mine.add(new Vec3(at.x().value(), at.y().value(), at.z().value()));
            myType.add(at.typeName());
        }
        List<Vec3> theirs = new ArrayList<>();
        List<String> theirType = new ArrayList<>();
        for (JsonNode row : p.get("atmicx")) {
            theirs.add(new Vec3(num(row.get(0)), num(row.get(1)), num(row.get(2))));
            theirType.add(row.get(3).asText());
        }
        Map<String, Map<Integer, Double>> myComp = new HashMap<>();
        deck.types().forEach(t -> myComp.put(t.name(), composition(t)));
        List<int[]> rotations = new ArrayList<>();
        rotations.add(new int[]{1, 0, 0, 0, 1, 0, 0, 0, 1});
        org.kkr4j.structure.akaikkr.AkaiLattice.Vectors v = AkaiLattice.primitiveVectors(deck.lattice());
        rotations.addAll(org.kkr4j.structure.symmetry.LatticePointGroup.find(
                new org.kkr4j.structure.Lattice(v.r1(), v.r2(), v.r3()), 1e-6));
        for (int[] w : rotations) {
            List<Vec3> rotated = mine.stream().map(x -> new Vec3(
                    w[0] * x.x() + w[1] * x.y() + w[2] * x.z(),
                    w[3] * x.x() + w[4] * x.y() + w[5] * x.z(),
                    w[6] * x.x() + w[7] * x.y() + w[8] * x.z())).toList();
            for (int j = 0; j < theirs.size(); j++) {
                Vec3 t = theirs.get(j).minus(rotated.get(0));
                if (matches(rotated, myType, theirs, theirType, t, myComp, refComp, tol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(List<Vec3> mine, List<String> myType, List<Vec3> theirs, List<String> theirType,
                                   Vec3 t, Map<String, Map<Integer, Double>> myComp, Map<String, Map<Integer, Double>> refComp,
                                   double tol) {
        Map<String, String> typeMap = new HashMap<>();
        Map<String, String> inverse = new HashMap<>();
        boolean[] used = new boolean[theirs.size()];
        for (int i = 0; i < mine.size(); i++) {
            int hit = -1;
            for (int j = 0; j < theirs.size(); j++) {
                Vec3 d = mine.get(i).plus(t).minus(theirs.get(j));
                Vec3 n = new Vec3(d.x() - Math.rint(d.x()), d.y() - Math.rint(d.y()), d.z() - Math.rint(d.z()));
                if (!used[j] && n.norm() < tol) {
                    hit = j;
                    break;
                }
            }
            if (hit < 0) {
                return false;
            }
            used[hit] = true;
            String a = myType.get(i), b = theirType.get(hit);
            if (!b.equals(typeMap.computeIfAbsent(a, k -> b)) || !a.equals(inverse.computeIfAbsent(b, k -> a))) {
                return false;
            }
            if (!sameComposition(myComp.get(a), refComp.get(b))) {
                return false;
            }
        }
        return true;
    }

    private static double num(JsonNode token) {
        return Double.parseDouble(token.asText().replaceAll("[abc]$", ""));
    }
}
