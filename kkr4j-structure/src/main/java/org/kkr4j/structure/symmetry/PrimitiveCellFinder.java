package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the pure translations that map a decorated crystal onto itself and builds the primitive cell.
 * Two sites are of the same kind when their compositions are equal (same species, occupancies within
 * {@link Site#OCCUPANCY_TOLERANCE}; labels and oxidation states do not matter). Candidate translations
 * are the differences from one site of the rarest kind to the others of that kind; a candidate is kept
 * when it maps every site onto a site of the same kind within the tolerance (Å).
 */
public final class PrimitiveCellFinder {

    /** The tolerance the reference converter uses (spglib symprec 0.01 Å). */
    public static final double DEFAULT_SYMPREC_ANGSTROM = 0.01;

    private PrimitiveCellFinder() {
    }

    public static PrimitiveCell find(Structure s) {
        return find(s, DEFAULT_SYMPREC_ANGSTROM);
    }

    public static PrimitiveCell find(Structure s, double symprecAngstrom) {
        List<Site> sites = s.sites();
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a structure without sites has no primitive cell");
        }
        Lattice lat = s.lattice();
        int[] kind = kinds(sites);
        int rare = rarestKind(kind);
        int origin = -1;
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == rare) {
                origin = i;
                break;
            }
        }
        List<Vec3> translations = new ArrayList<>();
        translations.add(Vec3.ZERO);
        for (int i = 0; i < sites.size(); i++) {
            if (kind[i] != rare || i == origin) {
                continue;
            }
            Vec3 t = sites.get(i).fractional().minus(sites.get(origin).fractional()).wrapped();
            if (lat.distanceAngstrom(t, Vec3.ZERO) < symprecAngstrom) {
                continue;
            }
            if (mapsOntoItself(s, kind, t, symprecAngstrom)
                    && translations.stream().noneMatch(u -> lat.distanceAngstrom(u, t) < symprecAngstrom)) {
                translations.add(t);
            }
        }
        int n = translations.size();
        if (sites.size() % n != 0) {
            throw new IllegalStateException(n + " lattice translations do not divide " + sites.size()
                    + " sites: the tolerance " + symprecAngstrom + " Å is inconsistent for this structure");
        }
        if (n == 1) {
            return new PrimitiveCell(s, translations);
        }
        // the translations form a group of order n, so n·t is a lattice vector: snap away the noise
        List<Vec3> exact = new ArrayList<>();
        for (Vec3 t : translations) {
            Vec3 snapped = new Vec3(Math.rint(t.x() * n) / n, Math.rint(t.y() * n) / n, Math.rint(t.z() * n) / n).wrapped();
            if (lat.distanceAngstrom(snapped, t) >= symprecAngstrom) {
                throw new IllegalStateException("translation " + t + " is not a multiple of 1/" + n
                        + " within the tolerance " + symprecAngstrom + " Å");
            }
            exact.add(snapped);
        }
        translations = exact;
        Vec3[] basis = basis(lat, translations, n);
        return new PrimitiveCell(primitiveStructure(s, basis, symprecAngstrom, sites.size() / n), translations);
    }

    private static boolean mapsOntoItself(Structure s, int[] kind, Vec3 t, double tol) {
        List<Site> sites = s.sites();
        for (int i = 0; i < sites.size(); i++) {
            Vec3 moved = sites.get(i).fractional().plus(t);
            boolean hit = false;
            for (int j = 0; j < sites.size() && !hit; j++) {
                hit = kind[j] == kind[i] && s.lattice().distanceAngstrom(moved, sites.get(j).fractional()) < tol;
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /** Kind index per site: equal compositions share an index. */
    static int[] kinds(List<Site> sites) {
        int[] kind = new int[sites.size()];
        List<List<Occupant>> reps = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            List<Occupant> occ = sites.get(i).occupantsByZ();
            int k = -1;
            for (int r = 0; r < reps.size() && k < 0; r++) {
                if (sameComposition(reps.get(r), occ)) {
                    k = r;
                }
            }
            if (k < 0) {
                reps.add(occ);
                k = reps.size() - 1;
            }
            kind[i] = k;
        }
        return kind;
    }

    private static boolean sameComposition(List<Occupant> a, List<Occupant> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).species().equals(b.get(i).species())
                    || Math.abs(a.get(i).occupancy() - b.get(i).occupancy()) > Site.OCCUPANCY_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static int rarestKind(int[] kind) {
        int max = 0;
        for (int k : kind) {
            max = Math.max(max, k);
        }
        int[] count = new int[max + 1];
        for (int k : kind) {
            count[k]++;
        }
        int best = 0;
        for (int k = 1; k <= max; k++) {
            if (count[k] < count[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Shortest independent lattice vectors (successive minima, which form a basis in three dimensions),
     * in fractions of the input cell; checked to enclose 1/n of the input volume.
     */
    private static Vec3[] basis(Lattice lat, List<Vec3> translations, int n) {
        List<Vec3> cands = new ArrayList<>();
        for (Vec3 t : translations) {
            for (int i = -1; i <= 1; i++) {
                for (int j = -1; j <= 1; j++) {
                    for (int k = -1; k <= 1; k++) {
                        Vec3 v = t.plus(new Vec3(i, j, k));
                        if (lat.toCartesian(v).norm() > 1e-8) {
                            cands.add(v);
                        }
                    }
                }
            }
        }
        cands.sort(Comparator.comparingDouble((Vec3 v) -> lat.toCartesian(v).norm()));
        Vec3 v1 = cands.get(0), v2 = null, v3 = null;
        for (Vec3 v : cands) {
            if (v2 == null) {
                if (v1.cross(v).norm() > 1e-6) {
                    v2 = v;
                }
            } else if (Math.abs(v1.cross(v2).dot(v)) > 1e-6) {
                v3 = v;
                break;
            }
        }
        if (v2 == null || v3 == null) {
            throw new IllegalStateException("lattice translations do not span three dimensions");
        }
        double det = v1.cross(v2).dot(v3);
        if (Math.abs(Math.abs(det) * n - 1.0) > 1e-6) {
            throw new IllegalStateException("primitive basis encloses " + Math.abs(det) + " of the cell, expected 1/" + n);
        }
        if (det < 0) {
            v3 = v3.times(-1);
        }
        return new Vec3[]{v1, v2, v3};
    }

    private static Structure primitiveStructure(Structure s, Vec3[] basisFrac, double tol, int expectedSites) {
        Lattice lat = s.lattice();
        Lattice prim = new Lattice(lat.toCartesian(basisFrac[0]), lat.toCartesian(basisFrac[1]), lat.toCartesian(basisFrac[2]));
        List<Site> out = new ArrayList<>();
        for (Site site : s.sites()) {
            Vec3 f = prim.toFractional(lat.toCartesian(site.fractional())).wrapped();
            if (out.stream().noneMatch(o -> prim.distanceAngstrom(o.fractional(), f) < tol)) {
                out.add(site.withFractional(f));
            }
        }
        if (out.size() != expectedSites) {
            throw new IllegalStateException("primitive cell has " + out.size() + " sites, expected " + expectedSites);
        }
        return new Structure(prim, out);
    }
}
