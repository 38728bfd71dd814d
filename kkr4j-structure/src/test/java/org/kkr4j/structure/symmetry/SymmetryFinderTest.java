package org.kkr4j.structure.symmetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.cif.CifReader;
import org.kkr4j.structure.poscar.Poscar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SymmetryFinderTest {

    private static final Path INPUTS = SpglibReferenced.INPUTS;

    static Structure read(Path f) throws IOException {
        return f.toString().endsWith(".cif") ? CifReader.read(f) : Poscar.read(f);
    }

    /** Every input with a spglib dataset: number, symbol, Hall number, orbits, primitive size, conventional cell. */
    @TestFactory
    List<DynamicTest> datasetMatchesSpglib() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (SpglibReferenced in : SpglibReferenced.all()) {
            Path f = in.input();
            Path ref = in.reference();
            tests.add(DynamicTest.dynamicTest(in.name(), () -> {
                JsonNode r = new ObjectMapper().readTree(ref.toFile());
                JsonNode ds = r.get("dataset");
                Structure s = read(f);
                SymmetryDataset d = SymmetryFinder.analyse(s);
                assertThat(d.spaceGroupNumber()).isEqualTo(ds.get("number").asInt());
                assertThat(d.internationalSymbol()).isEqualTo(ds.get("international").asText());
                assertThat(d.hallNumber()).isEqualTo(ds.get("hall_number").asInt());
                assertThat(d.primitiveCell().atomCount())
                        .isEqualTo(r.get("primitive_lattice_spglib_find_primitive").get("positions").size());
                Set<Integer> orbits = new HashSet<>();
                ds.get("equivalent_atoms").forEach(n -> orbits.add(n.asInt()));
                assertThat(ds.get("equivalent_atoms").size()).isEqualTo(s.sites().size());
                assertThat(d.orbitCount()).isEqualTo(orbits.size());
                // the same partition into orbits: sites i and j share an orbit in both or in neither
                // (the reference lists the sites in its own order: match them by position)
                int[] refIndex = referenceOrder(s, r.get("structure_as_read").get("frac_coords"));
                for (int i = 0; i < s.sites().size(); i++) {
                    for (int j = 0; j < i; j++) {
                        boolean ref2 = ds.get("equivalent_atoms").get(refIndex[i]).asInt()
                                == ds.get("equivalent_atoms").get(refIndex[j]).asInt();
                        assertThat(d.equivalentSites().get(i).equals(d.equivalentSites().get(j))).as("sites %d,%d", i, j).isEqualTo(ref2);
                    }
                }
                assertThat(d.pointGroupOrder() * d.conventionalCell().centringMultiplicity())
                        .isEqualTo(ds.get("rotations").size() / (s.sites().size() / d.primitiveCell().atomCount())
                                * d.conventionalCell().centringMultiplicity());
                Structure conv = d.conventionalCell().structure();
                assertThat(conv.sites()).hasSize(ds.get("std_positions").size());
                double[][] std = new double[3][];
                for (int i = 0; i < 3; i++) {
                    JsonNode v = ds.get("std_lattice").get(i);
                    std[i] = new double[]{v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble()};
                }
                Lattice stdLattice = new Lattice(new Vec3(std[0][0], std[0][1], std[0][2]),
                        new Vec3(std[1][0], std[1][1], std[1][2]), new Vec3(std[2][0], std[2][1], std[2][2]));
                assertThat(Math.abs(conv.lattice().volumeAngstrom3())).isCloseTo(Math.abs(stdLattice.volumeAngstrom3()), within(0.05));
                // the same standard cell as spglib, idealised the same way
                assertThat(conv.lattice().sameParameters(stdLattice, 1e-6, 1e-6)).as("%s vs %s", conv.lattice(), stdLattice).isTrue();
                assertThat(d.conventionalCell().foundLattice().sameParameters(stdLattice, 0.01, 0.1)).isTrue();
                if (d.crystalSystem() == CrystalSystem.CUBIC) {
                    // Cif2Kkr's shape check uses exact equality
                    assertThat(conv.lattice().bAngstrom()).isEqualTo(conv.lattice().aAngstrom());
                    assertThat(conv.lattice().cAngstrom()).isEqualTo(conv.lattice().aAngstrom());
                }
                assertConventionalCellConsistent(s, d);
                // spglib's orientation: a along x, b in the xy plane
                assertThat(conv.lattice().v1Angstrom().y()).isZero();
                assertThat(conv.lattice().v1Angstrom().z()).isZero();
                assertThat(conv.lattice().v2Angstrom().z()).isZero();
                // the transformation maps the input cell onto the conventional one
                double[] t = d.conventionalCell().transformationFromInputRowMajor();
                for (int j = 0; j < 3; j++) {
                    Vec3 v = s.lattice().toCartesian(new Vec3(t[j], t[3 + j], t[6 + j]));
                    assertThat(v.norm()).isCloseTo(d.conventionalCell().foundLattice().vector(j).norm(), within(1e-6));
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(44);
        return tests;
    }

    /**
     * The conventional cell is invariant under every operation of the matched table setting (so the basis
     * change and the origin shift are right), and x_conv = T⁻¹·x_input + origin puts every input site on a
     * conventional site of the same composition.
     */
    static void assertConventionalCellConsistent(Structure input, SymmetryDataset d) {
        Structure conv = d.conventionalCell().structure();
        int[] kind = PrimitiveCellFinder.kinds(concat(conv.sites(), input.sites()));
        int n = conv.sites().size();
        for (SymOp op : d.conventionalCell().setting().operations()) {
            for (int i = 0; i < n; i++) {
                Vec3 y = op.apply(conv.sites().get(i).fractional());
                assertThat(indexOf(conv, kind, kind[i], y)).as("%s maps site %d", op, i).isNotNegative();
            }
        }
        double[] t = d.conventionalCell().transformationFromInputRowMajor();
        Lattice tl = new Lattice(new Vec3(t[0], t[3], t[6]), new Vec3(t[1], t[4], t[7]), new Vec3(t[2], t[5], t[8]));
        for (int i = 0; i < input.sites().size(); i++) {
            // tl has the conventional vectors as rows in input fractions, so toFractional applies T⁻¹
            Vec3 x = tl.toFractional(input.sites().get(i).fractional()).plus(d.conventionalCell().originShift());
            assertThat(indexOf(conv, kind, kind[n + i], x)).as("input site %d", i).isNotNegative();
        }
    }

    private static List<Site> concat(List<Site> a, List<Site> b) {
        List<Site> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int indexOf(Structure conv, int[] kind, int wanted, Vec3 f) {
        Lattice l = conv.lattice();
        for (int j = 0; j < conv.sites().size(); j++) {
            if (kind[j] == wanted && l.toCartesian(f.minus(conv.sites().get(j).fractional()).nearestImage()).norm() < 0.02) {
                return j;
            }
        }
        return -1;
    }

    private static int[] referenceOrder(Structure s, JsonNode frac) {
        int[] out = new int[s.sites().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = -1;
            for (int j = 0; j < frac.size(); j++) {
                Vec3 f = new Vec3(frac.get(j).get(0).asDouble(), frac.get(j).get(1).asDouble(), frac.get(j).get(2).asDouble());
                if (s.lattice().distanceAngstrom(f, s.sites().get(i).fractional()) < 1e-3) {
                    out[i] = j;
                }
            }
            assertThat(out[i]).as("site %d in the reference", i).isNotNegative();
        }
        return out;
    }

    @Test
    void rotatedAndTranslatedCopyHasTheSameGroup() throws IOException {
        Random rnd = new Random(7);
        for (String name : List.of("synthetic/Pnma_so.cif", "synthetic/I41amd_bct_anatase.cif", "synthetic/R32_rhb_chiral.cif",
                "synthetic/P21c_sm.cif", "tests/GaAsVc-F43m.cif", "synthetic/P4nmm_st_FeSe.cif", "synthetic/Fddd_fco.cif")) {
            Structure s = read(INPUTS.resolve(name));
            int expected = SymmetryFinder.analyse(s).spaceGroupNumber();
            Structure moved = rotateAndShift(s, rnd);
            SymmetryDataset d = SymmetryFinder.analyse(moved);
            assertThat(d.spaceGroupNumber()).as(name).isEqualTo(expected);
            assertThat(d.orbitCount()).as(name).isEqualTo(SymmetryFinder.analyse(s).orbitCount());
        }
    }

    /** A rigid rotation (random axis and angle), a random origin and a unimodular change of cell vectors. */
    private static Structure rotateAndShift(Structure s, Random rnd) {
        Vec3 axis = new Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        axis = axis.times(1 / axis.norm());
        double ang = rnd.nextDouble() * 2 * Math.PI;
        Lattice l = s.lattice();
        Vec3[] v = new Vec3[3];
        for (int i = 0; i < 3; i++) {
            v[i] = rotate(l.vector(i), axis, ang);
        }
        // new cell vectors a' = a + b, b' = b, c' = c - a (det 1)
        Lattice nl = new Lattice(v[0].plus(v[1]), v[1], v[2].minus(v[0]));
        Vec3 shift = new Vec3(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
        List<Site> sites = new ArrayList<>();
        Lattice rl = new Lattice(v[0], v[1], v[2]);
        for (Site site : s.sites()) {
            Vec3 cart = rl.toCartesian(site.fractional().plus(shift));
            sites.add(site.withFractional(nl.toFractional(cart).wrapped()));
        }
        return new Structure(nl, sites);
    }

    private static Vec3 rotate(Vec3 x, Vec3 k, double ang) {
        double c = Math.cos(ang), sn = Math.sin(ang);
        return x.times(c).plus(k.cross(x).times(sn)).plus(k.times(k.dot(x) * (1 - c)));
    }

    @Test
    void distortionBelowSymprecKeepsTheGroupAboveLowersIt() throws IOException {
        Structure s = read(INPUTS.resolve("synthetic/Pm-3m_sc_perovskite_O.cif"));
        assertThat(SymmetryFinder.analyse(s).spaceGroupNumber()).isEqualTo(221);
        Random rnd = new Random(3);
        assertThat(SymmetryFinder.analyse(jitter(s, 0.002, rnd)).spaceGroupNumber()).isEqualTo(221);
        // move one site by 0.1 Å along z: the cubic symmetry is broken (P4mm, 99)
        List<Site> sites = new ArrayList<>(s.sites());
        double dz = 0.1 / s.lattice().cAngstrom();
        Site first = sites.get(0);
        sites.set(0, first.withFractional(first.fractional().plus(new Vec3(0, 0, dz))));
        SymmetryDataset lowered = SymmetryFinder.analyse(new Structure(s.lattice(), sites));
        assertThat(lowered.spaceGroupNumber()).isEqualTo(99);
        // the mirror z → −z moves that site by 0.2 Å: within a tolerance of 0.3 Å the cubic group is back
        assertThat(SymmetryFinder.analyse(new Structure(s.lattice(), sites), 0.3).spaceGroupNumber()).isEqualTo(221);
        // a strained lattice: c longer by 0.05 Å is tetragonal, by 0.005 Å still cubic within 0.01 Å
        Lattice l = s.lattice();
        assertThat(SymmetryFinder.analyse(new Structure(Lattice.fromParameters(l.aAngstrom(), l.aAngstrom(), l.aAngstrom() + 0.005, 90, 90, 90),
                s.sites())).spaceGroupNumber()).isEqualTo(221);
        assertThat(SymmetryFinder.analyse(new Structure(Lattice.fromParameters(l.aAngstrom(), l.aAngstrom(), l.aAngstrom() + 0.05, 90, 90, 90),
                s.sites())).spaceGroupNumber()).isEqualTo(123);
    }

    private static Structure jitter(Structure s, double ampAngstrom, Random rnd) {
        List<Site> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            Vec3 d = new Vec3(rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5).times(ampAngstrom);
            Vec3 cart = s.lattice().toCartesian(site.fractional()).plus(d);
            sites.add(site.withFractional(s.lattice().toFractional(cart)));
        }
        return new Structure(s.lattice(), sites);
    }

    @Test
    void disorderedSitesWithDifferentCompositionsAreNotMerged() {
        Lattice l = Lattice.fromParameters(2.9, 2.9, 2.9, 90, 90, 90);
        Site a = new Site(Vec3.ZERO, List.of(Occupant.of("Fe", 0.5), Occupant.of("Co", 0.5)), Optional.of("A"));
        Site same = new Site(new Vec3(0.5, 0.5, 0.5), List.of(Occupant.of("Co", 0.5), Occupant.of("Fe", 0.5)), Optional.of("B"));
        Site other = new Site(new Vec3(0.5, 0.5, 0.5), List.of(Occupant.of("Fe", 0.6), Occupant.of("Co", 0.4)), Optional.empty());
        SymmetryDataset bcc = SymmetryFinder.analyse(new Structure(l, List.of(a, same)));
        assertThat(bcc.spaceGroupNumber()).isEqualTo(229);
        assertThat(bcc.orbitCount()).isEqualTo(1);
        SymmetryDataset cscl = SymmetryFinder.analyse(new Structure(l, List.of(a, other)));
        assertThat(cscl.spaceGroupNumber()).isEqualTo(221);
        assertThat(cscl.orbitCount()).isEqualTo(2);
        assertThat(cscl.centring()).isEqualTo('P');
        assertThat(bcc.centring()).isEqualTo('I');
        assertThat(bcc.crystalSystem()).isEqualTo(CrystalSystem.CUBIC);
    }

    @Test
    void operationsMapTheReducedCellOntoItself() throws IOException {
        Structure s = read(INPUTS.resolve("synthetic/I41amd_bct_anatase.cif"));
        SymmetryDataset d = SymmetryFinder.analyse(s);
        assertThat(d.pointGroupOrder()).isEqualTo(16);
        Structure p = d.reducedPrimitive();
        for (SymOp op : d.operations()) {
            for (Site site : p.sites()) {
                Vec3 y = op.apply(site.fractional());
                assertThat(p.sites().stream().mapToDouble(o -> p.lattice().distanceAngstrom(o.fractional(), y)).min().orElseThrow())
                        .isLessThan(0.01);
            }
        }
    }
}
