package org.kkr4j.structure.akaikkr;

import java.util.ArrayList;
import java.util.List;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

/**
 * Test oracle independent of the conversion code: whether two structures, possibly in different
 * Cartesian frames and cells, are the same crystal. The cell of {@code original} must be found in the
 * lattice of {@code rebuilt} as integer combinations (|n| ≤ 3) with the same metric (relative 1e-6) and
 * handedness; then every site of {@code original}, carried over by that correspondence and one common
 * translation, must land on a site of {@code rebuilt} with the same composition.
 */
final class SameCrystal {

    private SameCrystal() {
    }

    /** Empty when the same crystal; otherwise why not. */
    static String difference(Structure original, Structure rebuilt, double relTol, double posTolAngstrom) {
        Lattice lo = original.lattice();
        Lattice lr = rebuilt.lattice();
        double vpo = lo.volumeAngstrom3() / original.sites().size();
        double vpr = Math.abs(lr.volumeAngstrom3()) / rebuilt.sites().size();
        if (Math.abs(vpo - vpr) > relTol * vpo) {
            return "volume per site " + vpo + " vs " + vpr;
        }
        List<Vec3> candidates = new ArrayList<>();
        for (int i = -3; i <= 3; i++) {
            for (int j = -3; j <= 3; j++) {
                for (int k = -3; k <= 3; k++) {
                    candidates.add(lr.toCartesian(new Vec3(i, j, k)));
                }
            }
        }
        double scale = lo.aAngstrom() * lo.aAngstrom();
        List<List<Vec3>> perAxis = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            double len = lo.vector(a).norm();
            perAxis.add(candidates.stream().filter(v -> Math.abs(v.norm() - len) <= relTol * len).toList());
        }
        double sign = Math.signum(lo.volumeAngstrom3());
        for (Vec3 t1 : perAxis.get(0)) {
            for (Vec3 t2 : perAxis.get(1)) {
                if (Math.abs(t1.dot(t2) - lo.vector(0).dot(lo.vector(1))) > relTol * scale) {
                    continue;
                }
                for (Vec3 t3 : perAxis.get(2)) {
                    if (Math.abs(t1.dot(t3) - lo.vector(0).dot(lo.vector(2))) > relTol * scale
                            || Math.abs(t2.dot(t3) - lo.vector(1).dot(lo.vector(2))) > relTol * scale
                            || Math.signum(t1.dot(t2.cross(t3))) != sign) {
                        continue;
                    }
                    if (sitesMatch(original, rebuilt, new Lattice(t1, t2, t3), posTolAngstrom)) {
                        return "";
                    }
                }
            }
        }
        return "no cell of the rebuilt lattice carries the original sites onto the rebuilt ones";
    }

    private static boolean sitesMatch(Structure original, Structure rebuilt, Lattice cell, double tol) {
        Site first = original.sites().get(0);
        Vec3 p0 = cell.toCartesian(first.fractional());
        for (Site r : rebuilt.sites()) {
            if (!sameComposition(first, r)) {
                continue;
            }
            Vec3 shift = rebuilt.lattice().toCartesian(r.fractional()).minus(p0);
            boolean all = true;
            for (Site s : original.sites()) {
                Vec3 target = rebuilt.lattice().toFractional(cell.toCartesian(s.fractional()).plus(shift));
                boolean hit = false;
                for (Site q : rebuilt.sites()) {
                    if (sameComposition(s, q) && rebuilt.lattice().distanceAngstrom(target, q.fractional()) < tol) {
                        hit = true;
                        break;
                    }
                }
                if (!hit) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    static boolean sameComposition(Site a, Site b) {
        List<Occupant> x = a.occupantsByZ().stream().filter(o -> !o.species().isEmptySphere()).toList();
        List<Occupant> y = b.occupantsByZ().stream().filter(o -> !o.species().isEmptySphere()).toList();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).species().z() != y.get(i).species().z()
                    || Math.abs(x.get(i).occupancy() - y.get(i).occupancy()) > 1e-6) {
                return false;
            }
        }
        return true; // empty spheres and vacancies are both "no atom" in a card with Z = 0
    }
}
