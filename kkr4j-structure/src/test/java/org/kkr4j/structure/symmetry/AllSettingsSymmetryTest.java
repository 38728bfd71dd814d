package org.kkr4j.structure.symmetry;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each of the 530 Hall settings (the standard one of every type and all non-standard ones: other
 * axes, cell choices, origin choices, rhombohedral axes): two general orbits of different species in a
 * cell of that setting's metric, rotated, shifted to a random origin and given a skewed cell, are
 * identified as the setting's space-group type with two orbits. Standard settings also give their Hall
 * number back. The structures are built from the table itself, so this checks the identification
 * (axes, centring, origin search), not the table.
 */
class AllSettingsSymmetryTest {

    @TestFactory
    List<DynamicTest> everySettingIsIdentified() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SpaceGroupSetting st : SpaceGroupTable.settings()) {
            tests.add(DynamicTest.dynamicTest(st.hallNumber() + " " + st.hallSymbol(), () -> {
                Random rnd = new Random(st.hallNumber());
                Structure s = generalOrbits(st, rnd);
                Structure moved = skewRotateShift(s, rnd);
                SymmetryDataset d = SymmetryFinder.analyse(moved);
                assertThat(d.spaceGroupNumber()).isEqualTo(st.number());
                assertThat(d.orbitCount()).isEqualTo(2);
                int centring = (int) st.operations().stream().filter(o -> IntMatrix.trace(IntMatrix.rotation(o)) == 3).count();
                assertThat(d.pointGroupOrder()).isEqualTo(st.operations().size() / centring);
                boolean standard = SpaceGroupTable.settings().stream()
                        .noneMatch(o -> o.number() == st.number() && o.hallNumber() < st.hallNumber());
                if (standard) {
                    assertThat(d.hallNumber()).isEqualTo(st.hallNumber());
                }
                SymmetryFinderTest.assertConventionalCellConsistent(moved, d);
                assertThat(d.conventionalCell().structure().sites()).hasSize(2 * d.pointGroupOrder() * d.conventionalCell().centringMultiplicity());
            }));
        }
        assertThat(tests).hasSize(530);
        return tests;
    }

    private static Structure generalOrbits(SpaceGroupSetting st, Random rnd) {
        Lattice l = metric(st);
        List<Site> sites = new ArrayList<>();
        for (String species : List.of("Fe", "Co")) {
            Vec3 p = new Vec3(0.05 + 0.4 * rnd.nextDouble(), 0.05 + 0.4 * rnd.nextDouble(), 0.05 + 0.4 * rnd.nextDouble());
            List<Vec3> orbit = new ArrayList<>();
            for (SymOp op : st.operations()) {
                Vec3 q = op.apply(p).wrapped();
                if (orbit.stream().noneMatch(o -> l.distanceAngstrom(o, q) < 1e-6)) {
                    orbit.add(q);
                }
            }
            assertThat(orbit).as("general position").hasSize(st.operations().size());
            orbit.forEach(q -> sites.add(Site.ordered(q, species)));
        }
        return new Structure(l, sites);
    }

    private static Lattice metric(SpaceGroupSetting st) {
        int n = st.number();
        if (n <= 2) {
            return Lattice.fromParameters(4.1, 5.3, 6.2, 78, 84, 97);
        }
        if (n <= 15) {
            char axis = st.choice().replaceAll("[^abc]", "").charAt(0);
            return switch (axis) {
                case 'a' -> Lattice.fromParameters(4.3, 5.7, 6.9, 103, 90, 90);
                case 'c' -> Lattice.fromParameters(4.3, 5.7, 6.9, 90, 90, 103);
                default -> Lattice.fromParameters(4.3, 5.7, 6.9, 90, 103, 90);
            };
        }
        if (n <= 74) {
            return Lattice.fromParameters(4.3, 5.7, 6.9, 90, 90, 90);
        }
        if (n <= 142) {
            return Lattice.fromParameters(4.3, 4.3, 6.9, 90, 90, 90);
        }
        if (n <= 194) {
            return st.choice().equals("R") ? Lattice.fromParameters(5.1, 5.1, 5.1, 72, 72, 72)
                    : Lattice.fromParameters(4.3, 4.3, 6.9, 90, 90, 120);
        }
        return Lattice.fromParameters(5.1, 5.1, 5.1, 90, 90, 90);
    }

    /** Rotated rigidly, origin moved, cell vectors replaced by a + b, b, c − a (same lattice). */
    static Structure skewRotateShift(Structure s, Random rnd) {
        Vec3 axis = new Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
        axis = axis.times(1 / axis.norm());
        double ang = rnd.nextDouble() * 2 * Math.PI;
        Vec3[] v = new Vec3[3];
        for (int i = 0; i < 3; i++) {
            Vec3 x = s.lattice().vector(i);
            v[i] = x.times(Math.cos(ang)).plus(axis.cross(x).times(Math.sin(ang))).plus(axis.times(axis.dot(x) * (1 - Math.cos(ang))));
        }
        Lattice rotated = new Lattice(v[0], v[1], v[2]);
        Lattice skewed = new Lattice(v[0].plus(v[1]), v[1], v[2].minus(v[0]));
        Vec3 shift = new Vec3(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
        List<Site> sites = new ArrayList<>();
        for (Site site : s.sites()) {
            sites.add(site.withFractional(skewed.toFractional(rotated.toCartesian(site.fractional().plus(shift))).wrapped()));
        }
        return new Structure(skewed, sites);
    }
}
