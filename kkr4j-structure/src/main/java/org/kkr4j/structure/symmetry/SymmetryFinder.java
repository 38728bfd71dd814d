package org.kkr4j.structure.symmetry;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The space group of a decorated crystal, as spglib determines it, in pure Java:
 * primitive cell ({@link PrimitiveCellFinder}) → Delaunay reduction → lattice point group → operations
 * of the crystal (each lattice rotation with the translation that maps every site onto a site of equal
 * composition) → conventional axes from the rotation axes (crystal system rules of the International
 * Tables) → match against the standard setting of each space-group type in {@link SpaceGroupTable}
 * (equal rotations and centring vectors, and an origin shift that makes every translation equal to the
 * table's modulo the centred lattice).
 */
public final class SymmetryFinder {

    public static final double DEFAULT_SYMPREC_ANGSTROM = PrimitiveCellFinder.DEFAULT_SYMPREC_ANGSTROM;

    /** Fractional tolerance for comparing translations in the conventional cell once the origin is chosen. */
    private static final double TRANSLATION_TOL = 0.03;

    private SymmetryFinder() {
    }

    public static SymmetryDataset analyse(Structure s) {
        return analyse(s, DEFAULT_SYMPREC_ANGSTROM);
    }

    /**
     * @throws IllegalStateException when no consistent group is found even after lowering the tolerance
     *                               (spglib's strategy: the operations found within a loose tolerance may
     *                               not close into a group)
     */
    public static SymmetryDataset analyse(Structure s, double symprecAngstrom) {
        if (!(symprecAngstrom > 0)) {
            throw new IllegalArgumentException("symprec must be positive: " + symprecAngstrom);
        }
        double tol = symprecAngstrom;
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 10; attempt++, tol *= 0.9) {
            try {
                return analyseOnce(s, tol);
            } catch (InconsistentTolerance e) {
                last = new IllegalStateException(e.getMessage());
            }
        }
        throw last;
    }

    /** The operations found within a tolerance do not form a group, or no setting matches them. */
    private static final class InconsistentTolerance extends RuntimeException {
        InconsistentTolerance(String m) {
            super(m);
        }
    }

    private static SymmetryDataset analyseOnce(Structure s, double tol) {
        PrimitiveCell prim;
        try {
            prim = PrimitiveCellFinder.find(s, tol);
        } catch (IllegalStateException e) {
            throw new InconsistentTolerance(e.getMessage());
        }
        Lattice primLattice = prim.structure().lattice();
        DelaunayReduction.Result red = DelaunayReduction.reduce(primLattice, tol);
        Lattice rl = red.lattice();
        double[] qInv = IntMatrix.inverse(red.transformation());
        List<Site> redSites = new ArrayList<>();
        for (Site site : prim.structure().sites()) {
            redSites.add(site.withFractional(IntMatrix.apply(qInv, site.fractional()).wrapped()));
        }
        Structure reduced = new Structure(rl, redSites);
        List<SymOp> ops = operations(reduced, LatticePointGroup.find(rl, tol), tol);
        checkGroup(ops, rl, tol);
        Match m = identify(ops, rl);
        if (m == null) {
            throw new InconsistentTolerance("no space-group setting matches the " + ops.size() + " operations found with symprec " + tol + " Å");
        }
        List<Integer> orbits = orbits(s, reduced, ops, tol);
        ConventionalCell conv = conventional(s, reduced, m);
        String symbol = m.setting.internationalShort();
        return new SymmetryDataset(m.setting.number(), symbol, CrystalSystem.ofSpaceGroup(m.setting.number()),
                symbol.charAt(0), prim, reduced, ops, orbits, conv);
    }

    // ---- operations of the decorated crystal -------------------------------------------------------

    private static List<SymOp> operations(Structure s, List<int[]> rotations, double tol) {
        List<Site> sites = s.sites();
        int[] kind = PrimitiveCellFinder.kinds(sites);
        int[] count = new int[Arrays.stream(kind).max().orElse(0) + 1];
        for (int k : kind) {
            count[k]++;
        }
        int origin = 0;
        for (int i = 1; i < sites.size(); i++) {
            if (count[kind[i]] < count[kind[origin]]) {
                origin = i;
            }
        }
        List<SymOp> ops = new ArrayList<>();
        for (int[] w : rotations) {
            Vec3 moved = IntMatrix.apply(w, sites.get(origin).fractional());
            for (int j = 0; j < sites.size(); j++) {
                if (kind[j] != kind[origin]) {
                    continue;
                }
                Vec3 t = sites.get(j).fractional().minus(moved).wrapped();
                if (mapsOntoItself(s, kind, w, t, tol)) {
                    ops.add(new SymOp(w, new double[]{t.x(), t.y(), t.z()}));
                    break;
                }
            }
        }
        return ops;
    }

    private static boolean mapsOntoItself(Structure s, int[] kind, int[] w, Vec3 t, double tol) {
        List<Site> sites = s.sites();
        for (int i = 0; i < sites.size(); i++) {
            Vec3 moved = IntMatrix.apply(w, sites.get(i).fractional()).plus(t);
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

    private static void checkGroup(List<SymOp> ops, Lattice l, double tol) {
        Map<String, SymOp> byRot = new HashMap<>();
        for (SymOp o : ops) {
            byRot.put(o.rotationKey(), o);
        }
        for (SymOp a : ops) {
            for (SymOp b : ops) {
                SymOp ab = a.compose(b);
                SymOp c = byRot.get(ab.rotationKey());
                if (c == null || l.distanceAngstrom(IntMatrix.translation(ab), IntMatrix.translation(c)) > 3 * tol) {
                    throw new InconsistentTolerance("operations found with symprec " + tol + " Å are not closed under composition");
                }
            }
        }
    }

    // ---- identification ------------------------------------------------------------------------------

    private record Match(SpaceGroupSetting setting, int[] p, Vec3 origin) {
    }

    private record Axis(int[] v, int fold) {
    }

    private static final class Standard {
        static final List<SpaceGroupSetting> SETTINGS = standardSettings();
    }

    /** The setting spglib reports for each type: the lowest Hall number (hexagonal axes for R groups). */
    private static List<SpaceGroupSetting> standardSettings() {
        Map<Integer, SpaceGroupSetting> m = new HashMap<>();
        for (SpaceGroupSetting st : SpaceGroupTable.settings()) {
            m.merge(st.number(), st, (a, b) -> a.hallNumber() <= b.hallNumber() ? a : b);
        }
        List<SpaceGroupSetting> out = new ArrayList<>(m.values());
        out.sort(Comparator.comparingInt(SpaceGroupSetting::number));
        return out;
    }

    private static Match identify(List<SymOp> ops, Lattice l) {
        List<int[]> shortVectors = shortVectors(l);
        List<Axis> axes = new ArrayList<>();
        Map<Integer, int[]> properByFold = new HashMap<>();
        for (SymOp op : ops) {
            int[] w = IntMatrix.rotation(op);
            int[] proper = IntMatrix.det(w) > 0 ? w : IntMatrix.negate(w);
            int fold = switch (IntMatrix.trace(proper)) {
                case -1 -> 2;
                case 0 -> 3;
                case 1 -> 4;
                case 2 -> 6;
                default -> 1;
            };
            if (fold == 1) {
                continue;
            }
            int[] v = shortVectors.stream().filter(x -> Arrays.equals(IntMatrix.apply(proper, x), x)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("rotation axis longer than the search range"));
            boolean known = false;
            for (int i = 0; i < axes.size(); i++) {
                Axis a = axes.get(i);
                if (Arrays.equals(a.v, v) || Arrays.equals(a.v, neg(v))) {
                    known = true;
                    if (fold > a.fold) {
                        axes.set(i, new Axis(a.v, fold));
                    }
                }
            }
            if (!known) {
                axes.add(new Axis(v, fold));
            }
            properByFold.putIfAbsent(fold * 100 + axisIndex(axes, v), proper);
        }
        List<int[]> candidates = candidateBases(axes, properByFold, shortVectors, l);
        for (int[] p : candidates) {
            Match m = match(ops, p);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static int axisIndex(List<Axis> axes, int[] v) {
        for (int i = 0; i < axes.size(); i++) {
            if (Arrays.equals(axes.get(i).v, v) || Arrays.equals(axes.get(i).v, neg(v))) {
                return i;
            }
        }
        throw new IllegalStateException("axis not registered");
    }

    /** Conventional bases (columns in reduced-primitive fractions) to try, by the crystal-system rules for axes. */
    private static List<int[]> candidateBases(List<Axis> axes, Map<Integer, int[]> properByFold, List<int[]> shortVectors, Lattice l) {
        List<int[]> out = new ArrayList<>();
        List<Axis> threes = axes.stream().filter(a -> a.fold == 3 || a.fold == 6).toList();
        List<Axis> fours = axes.stream().filter(a -> a.fold == 4).toList();
        List<Axis> twos = axes.stream().filter(a -> a.fold == 2).toList();
        if (threes.size() >= 4) {
            List<Axis> cubicAxes = fours.size() == 3 ? fours : twos;
            permutations(cubicAxes, out);
        } else if (!threes.isEmpty()) {
            Axis c = threes.get(0);
            int[] w3 = rotationAbout(properByFold, axes, c, 3);
            if (w3 == null) {
                w3 = IntMatrix.mul(rotationAbout(properByFold, axes, c, 6), rotationAbout(properByFold, axes, c, 6));
            }
            inPlane(c, w3, 3, twos, shortVectors, out);
        } else if (!fours.isEmpty()) {
            Axis c = fours.get(0);
            inPlane(c, rotationAbout(properByFold, axes, c, 4), 4, twos, shortVectors, out);
        } else if (twos.size() >= 3) {
            // shortest first: where several permutations give the standard symbol (Pmmm, Fddd ...), a < b < c as spglib
            List<Axis> sorted = new ArrayList<>(twos);
            sorted.sort(Comparator.comparingDouble(x -> len(l, x.v)));
            permutations(sorted, out);
        } else if (twos.size() == 1) {
            Axis b = twos.get(0);
            int[] w2 = rotationAbout(properByFold, axes, b, 2);
            List<int[]> plane = shortVectors.stream().filter(v -> isZero(add(v, IntMatrix.apply(w2, v)))).limit(12).toList();
            // shortest a and c first; among equally short ones an obtuse β, the usual convention (b or −b keeps det > 0)
            List<int[][]> triples = new ArrayList<>();
            for (int[] bv : List.of(b.v, neg(b.v))) {
                for (int[] a : plane) {
                    for (int[] c : plane) {
                        triples.add(new int[][]{a, bv, c});
                    }
                }
            }
            triples.sort(Comparator.comparingDouble((int[][] t) -> Math.rint(1e4 * (len(l, t[0]) + len(l, t[2]))))
                    .thenComparingInt(t -> DelaunayReduction.cart(l, t[0]).dot(DelaunayReduction.cart(l, t[2])) < 0 ? 0 : 1));
            for (int[][] t : triples) {
                addIfValid(IntMatrix.fromColumns(t[0], t[1], t[2]), out);
            }
        } else {
            // triclinic: the Niggli cell, unique for the lattice (spglib's standard triclinic cell)
            out.add(NiggliReduction.reduce(l).transformation());
        }
        return out;
    }

    private static double len(Lattice l, int[] v) {
        return DelaunayReduction.cart(l, v).norm();
    }

    private static int[] rotationAbout(Map<Integer, int[]> properByFold, List<Axis> axes, Axis axis, int fold) {
        return properByFold.get(fold * 100 + axisIndex(axes, axis.v));
    }

    /** Hexagonal and tetragonal: a from the 2-fold axes perpendicular to c and the shortest vectors there, b = W·a. */
    private static void inPlane(Axis c, int[] w, int n, List<Axis> twos, List<int[]> shortVectors, List<int[]> out) {
        List<int[]> aCands = new ArrayList<>();
        for (Axis t : twos) {
            if (inPlane(t.v, w, n)) {
                aCands.add(t.v);
                aCands.add(neg(t.v));
            }
        }
        shortVectors.stream().filter(v -> inPlane(v, w, n)).limit(12).forEach(aCands::add);
        int[] w2 = IntMatrix.mul(w, w);
        int[] wInv = n == 4 ? IntMatrix.mul(w2, w) : w2;
        for (int[] a : aCands) {
            int[] p = IntMatrix.fromColumns(a, IntMatrix.apply(w, a), c.v);
            if (IntMatrix.det(p) < 0) {
                p = IntMatrix.fromColumns(a, IntMatrix.apply(wInv, a), c.v);
            }
            addIfValid(p, out);
        }
    }

    /** v lies in the lattice plane perpendicular to the axis of w (order n): v + w·v + ... + wⁿ⁻¹·v = 0. */
    private static boolean inPlane(int[] v, int[] w, int n) {
        int[] sum = v.clone();
        int[] x = v;
        for (int k = 1; k < n; k++) {
            x = IntMatrix.apply(w, x);
            sum = add(sum, x);
        }
        return isZero(sum);
    }

    private static void permutations(List<Axis> three, List<int[]> out) {
        if (three.size() != 3) {
            return;
        }
        int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
        for (int[] pm : perms) {
            int[] a = three.get(pm[0]).v, b = three.get(pm[1]).v, c = three.get(pm[2]).v;
            int[] p = IntMatrix.fromColumns(a, b, c);
            if (IntMatrix.det(p) < 0) {
                p = IntMatrix.fromColumns(a, b, neg(c));
            }
            addIfValid(p, out);
        }
    }

    private static void addIfValid(int[] p, List<int[]> out) {
        int d = IntMatrix.det(p);
        if (d >= 1 && d <= 4) {
            out.add(p);
        }
    }

    private static Match match(List<SymOp> ops, int[] p) {
        int m = IntMatrix.det(p);
        double[] pInv = IntMatrix.inverse(p);
        List<int[]> rots = new ArrayList<>();
        List<Vec3> trans = new ArrayList<>();
        Set<String> rotKeys = new HashSet<>();
        for (SymOp op : ops) {
            int[] r = IntMatrix.conjugate(IntMatrix.rotation(op), p);
            if (r == null) {
                return null;
            }
            rots.add(r);
            trans.add(IntMatrix.apply(pInv, IntMatrix.translation(op)));
            rotKeys.add(Arrays.toString(r));
        }
        List<Vec3> centring = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    Vec3 c = IntMatrix.apply(pInv, new Vec3(i, j, k)).wrapped();
                    if (centring.stream().noneMatch(x -> isLatticeVector(x.minus(c), 1e-9))) {
                        centring.add(c);
                    }
                }
            }
        }
        for (SpaceGroupSetting st : Standard.SETTINGS) {
            if (st.operations().size() != ops.size() * m) {
                continue;
            }
            Map<String, Vec3> table = new HashMap<>();
            List<Vec3> tableCentring = new ArrayList<>();
            for (SymOp o : st.operations()) {
                int[] r = IntMatrix.rotation(o);
                table.putIfAbsent(Arrays.toString(r), IntMatrix.translation(o));
                if (Arrays.equals(r, IntMatrix.IDENTITY)) {
                    tableCentring.add(IntMatrix.translation(o));
                }
            }
            if (!table.keySet().equals(rotKeys) || !sameSet(centring, tableCentring)) {
                continue;
            }
            List<Vec3> target = new ArrayList<>();
            for (int[] r : rots) {
                target.add(table.get(Arrays.toString(r)));
            }
            Vec3 origin = originShift(rots, trans, target, centring);
            if (origin != null) {
                return new Match(st, p, origin);
            }
        }
        return null;
    }

    private static boolean sameSet(List<Vec3> a, List<Vec3> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Vec3 x : a) {
            if (b.stream().noneMatch(y -> isLatticeVector(x.minus(y), 1e-6))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLatticeVector(Vec3 d, double tol) {
        Vec3 n = d.nearestImage();
        return Math.abs(n.x()) < tol && Math.abs(n.y()) < tol && Math.abs(n.z()) < tol;
    }

    /**
     * An origin shift o with t_k + (I − R_k)·o ≡ s_k modulo the centred lattice for every operation k.
     * Three independent rows of the stacked (I − R_k) fix o once their integer parts and the centring
     * vector of each involved operation are chosen; every such choice is tried and checked against all
     * operations. Directions left free (polar axes) are set to 0.
     */
    private static Vec3 originShift(List<int[]> rots, List<Vec3> trans, List<Vec3> target, List<Vec3> centring) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowOp = new ArrayList<>();
        List<Integer> rowIndex = new ArrayList<>();
        for (int k = 0; k < rots.size() && rows.size() < 3; k++) {
            int[] r = rots.get(k);
            for (int i = 0; i < 3 && rows.size() < 3; i++) {
                double[] row = {(i == 0 ? 1 : 0) - r[3 * i], (i == 1 ? 1 : 0) - r[3 * i + 1], (i == 2 ? 1 : 0) - r[3 * i + 2]};
                if (independent(rows, row)) {
                    rows.add(row);
                    rowOp.add(k);
                    rowIndex.add(i);
                }
            }
        }
        for (int j = 0; j < 3 && rows.size() < 3; j++) {
            double[] e = new double[3];
            e[j] = 1;
            if (independent(rows, e)) {
                rows.add(e);
                rowOp.add(-1);
                rowIndex.add(j);
            }
        }
        List<Integer> involved = rowOp.stream().filter(k -> k >= 0).distinct().toList();
        int[] lo = new int[3], hi = new int[3];
        for (int q = 0; q < 3; q++) {
            if (rowOp.get(q) < 0) {
                continue;
            }
            for (double x : rows.get(q)) {
                lo[q] += (int) Math.min(x, 0);
                hi[q] += (int) Math.max(x, 0);
            }
            lo[q] -= 2;
            hi[q] += 2;
        }
        int nc = centring.size();
        int combos = (int) Math.pow(nc, involved.size());
        for (int cc = 0; cc < combos; cc++) {
            Map<Integer, Vec3> cOf = new HashMap<>();
            int x = cc;
            for (int k : involved) {
                cOf.put(k, centring.get(x % nc));
                x /= nc;
            }
            for (int n0 = lo[0]; n0 <= hi[0]; n0++) {
                for (int n1 = lo[1]; n1 <= hi[1]; n1++) {
                    for (int n2 = lo[2]; n2 <= hi[2]; n2++) {
                        int[] n = {n0, n1, n2};
                        double[] rhs = new double[3];
                        for (int q = 0; q < 3; q++) {
                            int k = rowOp.get(q);
                            if (k < 0) {
                                continue;
                            }
                            int i = rowIndex.get(q);
                            rhs[q] = target.get(k).get(i) - trans.get(k).get(i) - cOf.get(k).get(i) + n[q];
                        }
                        Vec3 o = solve(rows, rhs);
                        if (o != null && consistent(rots, trans, target, centring, o)) {
                            return o.wrapped();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean consistent(List<int[]> rots, List<Vec3> trans, List<Vec3> target, List<Vec3> centring, Vec3 o) {
        for (int k = 0; k < rots.size(); k++) {
            Vec3 moved = trans.get(k).plus(o).minus(IntMatrix.apply(rots.get(k), o)).minus(target.get(k));
            if (centring.stream().noneMatch(c -> isLatticeVector(moved.minus(c), TRANSLATION_TOL))) {
                return false;
            }
        }
        return true;
    }

    private static boolean independent(List<double[]> rows, double[] row) {
        if (Math.abs(row[0]) + Math.abs(row[1]) + Math.abs(row[2]) < 1e-9) {
            return false;
        }
        if (rows.isEmpty()) {
            return true;
        }
        Vec3 r = new Vec3(row[0], row[1], row[2]);
        Vec3 a = new Vec3(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2]);
        if (rows.size() == 1) {
            return a.cross(r).norm() > 1e-9;
        }
        Vec3 b = new Vec3(rows.get(1)[0], rows.get(1)[1], rows.get(1)[2]);
        return Math.abs(a.cross(b).dot(r)) > 1e-9;
    }

    private static Vec3 solve(List<double[]> rows, double[] rhs) {
        Vec3 a = new Vec3(rows.get(0)[0], rows.get(0)[1], rows.get(0)[2]);
        Vec3 b = new Vec3(rows.get(1)[0], rows.get(1)[1], rows.get(1)[2]);
        Vec3 c = new Vec3(rows.get(2)[0], rows.get(2)[1], rows.get(2)[2]);
        double det = a.dot(b.cross(c));
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        // Cramer's rule via the reciprocal rows
        Vec3 x = b.cross(c).times(rhs[0] / det).plus(c.cross(a).times(rhs[1] / det)).plus(a.cross(b).times(rhs[2] / det));
        return x;
    }

    // ---- orbits and conventional cell ----------------------------------------------------------------

    /**
     * Orbits are formed in the reduced primitive cell (operations × sites there), then every input site
     * takes the orbit of the reduced-cell site it coincides with: the cost stays proportional to the
     * primitive cell, not to the input supercell or conventional cell.
     */
    private static List<Integer> orbits(Structure s, Structure reduced, List<SymOp> ops, double tol) {
        List<Site> red = reduced.sites();
        List<Site> all = new ArrayList<>(red);
        all.addAll(s.sites());
        int[] kind = PrimitiveCellFinder.kinds(all);
        int n = red.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Lattice rl = reduced.lattice(), in = s.lattice();
        for (int i = 0; i < n; i++) {
            for (SymOp op : ops) {
                Vec3 y = op.apply(red.get(i).fractional());
                int j = siteAt(red, kind, kind[i], rl, y, tol);
                if (j < 0) {
                    throw new InconsistentTolerance("operation " + op + " maps site " + i + " onto no site");
                }
                union(parent, i, j);
            }
        }
        int[] firstInputOfOrbit = new int[n];
        Arrays.fill(firstInputOfOrbit, -1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.sites().size(); i++) {
            Vec3 x = rl.toFractional(in.toCartesian(s.sites().get(i).fractional()));
            int k = siteAt(red, kind, kind[n + i], rl, x, tol);
            if (k < 0) {
                throw new InconsistentTolerance("input site " + i + " is not in the primitive cell");
            }
            int root = find(parent, k);
            if (firstInputOfOrbit[root] < 0) {
                firstInputOfOrbit[root] = i;
            }
            out.add(firstInputOfOrbit[root]);
        }
        return out;
    }

    private static int siteAt(List<Site> sites, int[] kind, int wanted, Lattice l, Vec3 f, double tol) {
        for (int j = 0; j < sites.size(); j++) {
            if (kind[j] == wanted && l.distanceAngstrom(f, sites.get(j).fractional()) < tol) {
                return j;
            }
        }
        return -1;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** Keeps the smaller index as the root, so that the root is the first site of the orbit. */
    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i), b = find(parent, j);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    private static ConventionalCell conventional(Structure input, Structure reduced, Match m) {
        Lattice conv = DelaunayReduction.transform(reduced.lattice(), m.p);
        double[] t = new double[9];
        for (int j = 0; j < 3; j++) {
            Vec3 col = input.lattice().toFractional(conv.vector(j));
            for (int i = 0; i < 3; i++) {
                t[3 * i + j] = clean(col.get(i));
            }
        }
        double[] pInv = IntMatrix.inverse(m.p);
        int mult = IntMatrix.det(m.p);
        List<Vec3> centring = new ArrayList<>();
        for (SymOp o : m.setting.operations()) {
            if (Arrays.equals(IntMatrix.rotation(o), IntMatrix.IDENTITY)) {
                centring.add(IntMatrix.translation(o));
            }
        }
        List<Site> sites = new ArrayList<>();
        for (Vec3 c : centring) {
            for (Site site : reduced.sites()) {
                sites.add(site.withFractional(IntMatrix.apply(pInv, site.fractional()).plus(m.origin).plus(c).wrapped()));
            }
        }
        if (sites.size() != reduced.sites().size() * mult) {
            throw new IllegalStateException("conventional cell has " + sites.size() + " sites, expected " + reduced.sites().size() * mult);
        }
        Lattice oriented = Lattice.fromParameters(conv.aAngstrom(), conv.bAngstrom(), conv.cAngstrom(),
                conv.alphaDeg(), conv.betaDeg(), conv.gammaDeg());
        Lattice ideal = idealised(conv, CrystalSystem.ofSpaceGroup(m.setting.number()));
        return new ConventionalCell(new Structure(ideal, sites), oriented, t, m.origin, m.setting);
    }

    /** The metric of the crystal system imposed exactly (as spglib's standardised lattice), in spglib's orientation. */
    private static Lattice idealised(Lattice l, CrystalSystem system) {
        double a = l.aAngstrom(), b = l.bAngstrom(), c = l.cAngstrom();
        return switch (system) {
            case CUBIC -> {
                double m = (a + b + c) / 3;
                yield Lattice.fromParameters(m, m, m, 90, 90, 90);
            }
            case TETRAGONAL -> Lattice.fromParameters((a + b) / 2, (a + b) / 2, c, 90, 90, 90);
            case TRIGONAL, HEXAGONAL -> Lattice.fromParameters((a + b) / 2, (a + b) / 2, c, 90, 90, 120);
            case ORTHORHOMBIC -> Lattice.fromParameters(a, b, c, 90, 90, 90);
            case MONOCLINIC -> Lattice.fromParameters(a, b, c, 90, l.betaDeg(), 90);
            case TRICLINIC -> Lattice.fromParameters(a, b, c, l.alphaDeg(), l.betaDeg(), l.gammaDeg());
        };
    }

    /** Rounds away floating-point noise (entries are rationals with small denominators). */
    private static double clean(double v) {
        double r = Math.rint(v * 24) / 24;
        return Math.abs(r - v) < 1e-9 ? r : v;
    }

    // ---- small vector helpers ------------------------------------------------------------------------

    /** Lattice vectors with coefficients in [−3, 3], shortest first (ties by coefficients, for determinism). */
    private static List<int[]> shortVectors(Lattice l) {
        List<int[]> out = new ArrayList<>();
        for (int i = -3; i <= 3; i++) {
            for (int j = -3; j <= 3; j++) {
                for (int k = -3; k <= 3; k++) {
                    if (i != 0 || j != 0 || k != 0) {
                        out.add(new int[]{i, j, k});
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble((int[] v) -> Math.rint(DelaunayReduction.cart(l, v).norm() * 1e6))
                .thenComparing(v -> -v[0]).thenComparing(v -> -v[1]).thenComparing(v -> -v[2]));
        return out;
    }

    private static int[] neg(int[] v) {
        return new int[]{-v[0], -v[1], -v[2]};
    }

    private static int[] add(int[] a, int[] b) {
        return new int[]{a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static boolean isZero(int[] v) {
        return v[0] == 0 && v[1] == 0 && v[2] == 0;
    }
}
