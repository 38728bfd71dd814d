package org.kkr4j.structure.akaikkr;

import java.util.Arrays;
import java.util.List;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.akaikkr.AkaiKPaths.LabelledPoint;

/**
 * The special points and paths of Setyawan &amp; Curtarolo, Comput. Mater. Sci. 49, 299 (2010), in their
 * own settings: the conventional parameters are ordered as the paper requires (orthorhombic a &lt; b &lt; c,
 * base-centred a &lt; b, monoclinic b ≤ c and α &lt; 90° after reducing the oblique plane, triclinic
 * reciprocal lattice as an obtuse superbase ordered by its angles) and the primitive vectors built as in the
 * paper. Coordinates are fractions of the reciprocal vectors of {@link Setting#vectors()}; AkaiKPaths
 * carries them over to specx's vectors.
 */
final class SetyawanCurtarolo {

    private SetyawanCurtarolo() {
    }

    /** A setting: primitive vectors (units of specx's a), the labelled path and the variant name. */
    record Setting(AkaiLattice.Vectors vectors, List<List<LabelledPoint>> segments, String variant) {
    }

    private static final double TOL = 1e-9;

    private static LabelledPoint p(String label, double a, double b, double c) {
        return new LabelledPoint(label, new Vec3(a, b, c));
    }

    private static final LabelledPoint G = p("Γ", 0, 0, 0);

    private static AkaiLattice.Vectors v(double... x) {
        return new AkaiLattice.Vectors(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]),
                new Vec3(x[6], x[7], x[8]));
    }

    static Setting settingOf(BravaisLattice b, AkaiLattice.Vectors akai, AkaiLattice.Parameters par) {
        double ba = par.bOverA();
        double ca = par.cOverA();
        return switch (b) {
            // fct is body-centred tetragonal with a_bct = a/√2
            case FCT -> {
                double a = Math.sqrt(.5);
                Setting s = bct(ca / a);
                yield new Setting(v(-a / 2, a / 2, ca / 2, a / 2, -a / 2, ca / 2, a / 2, a / 2, -ca / 2), s.segments(),
                        s.variant());
            }
            case SO -> orc(sorted(1, ba, ca));
            case FCO -> orcf(sorted(1, ba, ca));
            case BCO -> orci(sorted(1, ba, ca));
            // specx's bso is C-centred: the centred face holds a and b, c is perpendicular to it
            case BSO -> orcc(Math.min(1, ba), Math.max(1, ba), ca);
            case SM -> mcl(akai);
            case BSM -> mclc(akai, ba);
            case TRC -> tri(akai);
            default -> throw new IllegalArgumentException("no Setyawan-Curtarolo setting needed for " + b);
        };
    }

    private static double[] sorted(double... x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /** BCT1 (c &lt; a) and BCT2 (c &gt; a) with a = 1; BCT2 also for c = a (then Σ and Y meet). */
    static Setting bct(double c) {
        AkaiLattice.Vectors vec = v(-.5, .5, c / 2, .5, -.5, c / 2, .5, .5, -c / 2);
        LabelledPoint n = p("N", 0, .5, 0);
        LabelledPoint pp = p("P", .25, .25, .25);
        LabelledPoint x = p("X", 0, 0, .5);
        if (c < 1) {
            double eta = (1 + c * c) / 4;
            LabelledPoint m = p("M", -.5, .5, .5);
            LabelledPoint z = p("Z", eta, eta, -eta);
            LabelledPoint z1 = p("Z1", -eta, 1 - eta, eta);
            return new Setting(vec, List.of(List.of(G, x, m, G, z, pp, n, z1, m), List.of(x, pp)), "BCT1");
        }
        double eta = (1 + 1 / (c * c)) / 4;
        double zeta = 1 / (2 * c * c);
        LabelledPoint sg = p("Σ", -eta, eta, eta);
        LabelledPoint sg1 = p("Σ1", eta, 1 - eta, -eta);
        LabelledPoint y = p("Y", -zeta, zeta, .5);
        LabelledPoint y1 = p("Y1", .5, .5, -zeta);
        LabelledPoint z = p("Z", .5, .5, -.5);
        return new Setting(vec, List.of(List.of(G, x, y, sg, G, z, sg1, n, pp, y1, z), List.of(x, pp)), "BCT2");
    }

    private static Setting orc(double[] l) {
        LabelledPoint r = p("R", .5, .5, .5);
        LabelledPoint s = p("S", .5, .5, 0);
        LabelledPoint t = p("T", 0, .5, .5);
        LabelledPoint u = p("U", .5, 0, .5);
        LabelledPoint x = p("X", .5, 0, 0);
        LabelledPoint y = p("Y", 0, .5, 0);
        LabelledPoint z = p("Z", 0, 0, .5);
        return new Setting(v(l[0], 0, 0, 0, l[1], 0, 0, 0, l[2]),
                List.of(List.of(G, x, s, y, G, z, u, r, t, z), List.of(y, t), List.of(u, x), List.of(s, r)), "ORC");
    }

    private static Setting orcf(double[] l) {
        double a = l[0], b = l[1], c = l[2];
        AkaiLattice.Vectors vec = v(0, b / 2, c / 2, a / 2, 0, c / 2, a / 2, b / 2, 0);
        double lhs = 1 / (a * a);
        double rhs = 1 / (b * b) + 1 / (c * c);
        LabelledPoint l1 = p("L", .5, .5, .5);
        LabelledPoint y = p("Y", .5, 0, .5);
        LabelledPoint z = p("Z", .5, .5, 0);
        if (Math.abs(lhs - rhs) > TOL * lhs && lhs < rhs) {
            double eta = (1 + a * a / (b * b) - a * a / (c * c)) / 4;
            double phi = (1 + c * c / (b * b) - c * c / (a * a)) / 4;
            double delta = (1 + b * b / (a * a) - b * b / (c * c)) / 4;
            LabelledPoint cc = p("C", .5, .5 - eta, 1 - eta);
            LabelledPoint c1 = p("C1", .5, .5 + eta, eta);
            LabelledPoint d = p("D", .5 - delta, .5, 1 - delta);
            LabelledPoint d1 = p("D1", .5 + delta, .5, delta);
            LabelledPoint h = p("H", 1 - phi, .5 - phi, .5);
            LabelledPoint h1 = p("H1", phi, .5 + phi, .5);
            LabelledPoint x = p("X", 0, .5, .5);
            return new Setting(vec, List.of(List.of(G, y, cc, d, x, G, z, d1, h, cc), List.of(c1, z), List.of(x, h1),
                    List.of(h, y), List.of(l1, G)), "ORCF2");
        }
        double zeta = (1 + a * a / (b * b) - a * a / (c * c)) / 4;
        double eta = (1 + a * a / (b * b) + a * a / (c * c)) / 4;
        LabelledPoint aa = p("A", .5, .5 + zeta, zeta);
        LabelledPoint a1 = p("A1", .5, .5 - zeta, 1 - zeta);
        LabelledPoint t = p("T", 1, .5, .5);
        LabelledPoint x = p("X", 0, eta, eta);
        LabelledPoint x1 = p("X1", 1, 1 - eta, 1 - eta);
        if (Math.abs(lhs - rhs) <= TOL * lhs) {
            return new Setting(vec, List.of(List.of(G, y, t, z, G, x, a1, y), List.of(x, aa, z), List.of(l1, G)),
                    "ORCF3");
        }
        return new Setting(vec, List.of(List.of(G, y, t, z, G, x, a1, y), List.of(t, x1), List.of(x, aa, z),
                List.of(l1, G)), "ORCF1");
    }

    private static Setting orci(double[] l) {
        double a = l[0], b = l[1], c = l[2];
        AkaiLattice.Vectors vec = v(-a / 2, b / 2, c / 2, a / 2, -b / 2, c / 2, a / 2, b / 2, -c / 2);
        double zeta = (1 + a * a / (c * c)) / 4;
        double eta = (1 + b * b / (c * c)) / 4;
        double delta = (b * b - a * a) / (4 * c * c);
        double mu = (a * a + b * b) / (4 * c * c);
        LabelledPoint ll = p("L", -mu, mu, .5 - delta);
        LabelledPoint l1 = p("L1", mu, -mu, .5 + delta);
        LabelledPoint r = p("R", 0, .5, 0);
        LabelledPoint s = p("S", .5, 0, 0);
        LabelledPoint t = p("T", 0, 0, .5);
        LabelledPoint w = p("W", .25, .25, .25);
        LabelledPoint x = p("X", -zeta, zeta, zeta);
        LabelledPoint x1 = p("X1", zeta, 1 - zeta, -zeta);
        LabelledPoint y = p("Y", eta, -eta, eta);
        LabelledPoint y1 = p("Y1", 1 - eta, eta, -eta);
        LabelledPoint z = p("Z", .5, .5, -.5);
        return new Setting(vec, List.of(List.of(G, x, ll, t, w, r, x1, z, G, y, s, w), List.of(l1, y), List.of(y1, z)),
                "ORCI");
    }

    private static Setting orcc(double a, double b, double c) {
        AkaiLattice.Vectors vec = v(a / 2, -b / 2, 0, a / 2, b / 2, 0, 0, 0, c);
        double zeta = (1 + a * a / (b * b)) / 4;
        LabelledPoint aa = p("A", zeta, zeta, .5);
        LabelledPoint a1 = p("A1", -zeta, 1 - zeta, .5);
        LabelledPoint r = p("R", 0, .5, .5);
        LabelledPoint s = p("S", 0, .5, 0);
        LabelledPoint t = p("T", -.5, .5, .5);
        LabelledPoint x = p("X", zeta, zeta, 0);
        LabelledPoint x1 = p("X1", -zeta, 1 - zeta, 0);
        LabelledPoint y = p("Y", -.5, .5, 0);
        LabelledPoint z = p("Z", 0, 0, .5);
        return new Setting(vec, List.of(List.of(G, x, s, r, aa, z, G, y, x1, a1, t, y), List.of(z, t)), "ORCC");
    }

    /**
     * Gauss reduction of the oblique pair (u, w) given by |u|², |w|², u·w: returns {|b|, |c|, cos α} with
     * |b| ≤ |c|, 0 ≤ cos α ≤ |b|/(2|c|).
     */
    private static double[] reducedPair(double uu, double ww, double uw) {
        for (int iter = 0; iter < 1000; iter++) {
            if (uu > ww) {
                double t = uu;
                uu = ww;
                ww = t;
            }
            long m = Math.round(uw / uu);
            if (m == 0) {
                break;
            }
            ww = ww - 2 * m * uw + m * m * uu;
            uw = uw - m * uu;
        }
        double b = Math.sqrt(uu);
        double c = Math.sqrt(ww);
        return new double[] {b, c, Math.abs(uw) / (b * c)};
    }

    /** MCL: unique axis a (specx's b), b ≤ c in the oblique plane, α &lt; 90°. */
    private static Setting mcl(AkaiLattice.Vectors akai) {
        double a = akai.r2().norm();
        double[] r = reducedPair(akai.r1().dot(akai.r1()), akai.r3().dot(akai.r3()), akai.r1().dot(akai.r3()));
        double b = r[0], c = r[1], cos = r[2];
        double sin = Math.sqrt(1 - cos * cos);
        AkaiLattice.Vectors vec = v(a, 0, 0, 0, b, 0, 0, c * cos, c * sin);
        double eta = (1 - b * cos / c) / (2 * sin * sin);
        double nu = .5 - eta * c * cos / b;
        LabelledPoint aa = p("A", .5, .5, 0);
        LabelledPoint cc = p("C", 0, .5, .5);
        LabelledPoint d = p("D", .5, 0, .5);
        LabelledPoint e = p("E", .5, .5, .5);
        LabelledPoint h = p("H", 0, eta, 1 - nu);
        LabelledPoint h1 = p("H1", 0, 1 - eta, nu);
        LabelledPoint m = p("M", .5, eta, 1 - nu);
        LabelledPoint m1 = p("M1", .5, 1 - eta, nu);
        LabelledPoint x = p("X", 0, .5, 0);
        LabelledPoint y = p("Y", 0, 0, .5);
        LabelledPoint z = p("Z", .5, 0, 0);
        return new Setting(vec, List.of(List.of(G, y, h, cc, e, m1, aa, x, h1), List.of(m, d, z), List.of(y, d)),
                "MCL");
    }

    /**
     * MCLC: specx's bsm is centred on the face of a and b with unique axis b, so the paper's unique axis
     * a is specx's b, the paper's b (in the centred face) specx's a, and the paper's c specx's c reduced
     * modulo the paper's b (the only changes that keep the centring), with α &lt; 90°.
     */
    private static Setting mclc(AkaiLattice.Vectors akai, double bOverA) {
        double a = bOverA;
        Vec3 bv = new Vec3(1, 0, 0);
        Vec3 cv = akai.r3();
        long n = Math.round(cv.dot(bv));
        cv = cv.minus(bv.times(n));
        double b = 1;
        double c = cv.norm();
        double cos = Math.abs(cv.dot(bv)) / c;
        double sin = Math.sqrt(1 - cos * cos);
        AkaiLattice.Vectors vec = v(a / 2, b / 2, 0, -a / 2, b / 2, 0, 0, c * cos, c * sin);
        AkaiLattice.Vectors rec = AkaiKPaths.reciprocal(vec);
        double kGammaCos = rec.r1().dot(rec.r2());
        if (Math.abs(kGammaCos) <= TOL * rec.r1().dot(rec.r1()) || kGammaCos < 0) {
            // kγ ≥ 90°: MCLC1, MCLC2 (kγ = 90°)
            boolean two = Math.abs(kGammaCos) <= TOL * rec.r1().dot(rec.r1());
            double zeta = (2 - b * cos / c) / (4 * sin * sin);
            double eta = .5 + 2 * zeta * c * cos / b;
            double psi = .75 - a * a / (4 * b * b * sin * sin);
            double phi = psi + (.75 - psi) * b * cos / c;
            LabelledPoint nn = p("N", .5, 0, 0);
            LabelledPoint f = p("F", 1 - zeta, 1 - zeta, 1 - eta);
            LabelledPoint f1 = p("F1", zeta, zeta, eta);
            LabelledPoint i = p("I", phi, 1 - phi, .5);
            LabelledPoint i1 = p("I1", 1 - phi, phi - 1, .5);
            LabelledPoint l = p("L", .5, .5, .5);
            LabelledPoint m = p("M", .5, 0, .5);
            LabelledPoint x = p("X", 1 - psi, psi - 1, 0);
            LabelledPoint x1 = p("X1", psi, 1 - psi, 0);
            LabelledPoint y = p("Y", .5, .5, 0);
            LabelledPoint z = p("Z", 0, 0, .5);
            if (two) {
                return new Setting(vec, List.of(List.of(G, y, f, l, i), List.of(i1, z, f1), List.of(nn, G, m)),
                        "MCLC2");
            }
            return new Setting(vec, List.of(List.of(G, y, f, l, i), List.of(i1, z, f1), List.of(y, x1),
                    List.of(x, G, nn), List.of(m, G)), "MCLC1");
        }
        double crit = b * cos / c + b * b * sin * sin / (a * a);
        LabelledPoint ii = p("I", .5, -.5, .5);
        LabelledPoint m = p("M", .5, 0, .5);
        LabelledPoint nn = p("N", .5, 0, 0);
        LabelledPoint x = p("X", .5, -.5, 0);
        LabelledPoint z = p("Z", 0, 0, .5);
        if (crit > 1 + TOL) {
            double zeta = (b * b / (a * a) + (1 - b * cos / c) / (sin * sin)) / 4;
            double eta = .5 + 2 * zeta * c * cos / b;
            double mu = eta / 2 + b * b / (4 * a * a) - b * c * cos / (2 * a * a);
            double nu = 2 * mu - zeta;
            double omega = (4 * nu - 1 - b * b * sin * sin / (a * a)) * c / (2 * b * cos);
            double delta = zeta * c * cos / b + omega / 2 - .25;
            double rho = 1 - zeta * a * a / (b * b);
            LabelledPoint f = p("F", nu, nu, omega);
            LabelledPoint f1 = p("F1", 1 - nu, 1 - nu, 1 - omega);
            LabelledPoint h = p("H", zeta, zeta, eta);
            LabelledPoint h1 = p("H1", 1 - zeta, -zeta, 1 - eta);
            LabelledPoint i = p("I", rho, 1 - rho, .5);
            LabelledPoint i1 = p("I1", 1 - rho, rho - 1, .5);
            LabelledPoint l = p("L", .5, .5, .5);
            LabelledPoint y = p("Y", mu, mu, delta);
            LabelledPoint y1 = p("Y1", 1 - mu, -mu, -delta);
            return new Setting(vec, List.of(List.of(G, y, f, l, i), List.of(i1, z, h, f1), List.of(h1, y1, x, G, nn),
                    List.of(m, G)), "MCLC5");
        }
        double mu = (1 + b * b / (a * a)) / 4;
        double delta = b * c * cos / (2 * a * a);
        double zeta = mu - .25 + (1 - b * cos / c) / (4 * sin * sin);
        double eta = .5 + 2 * zeta * c * cos / b;
        double phi = 1 + zeta - 2 * mu;
        double psi = eta - 2 * delta;
        LabelledPoint f = p("F", 1 - phi, 1 - phi, 1 - psi);
        LabelledPoint f1 = p("F1", phi, phi - 1, psi);
        LabelledPoint h = p("H", zeta, zeta, eta);
        LabelledPoint h1 = p("H1", 1 - zeta, -zeta, 1 - eta);
        LabelledPoint y = p("Y", mu, mu, delta);
        LabelledPoint y1 = p("Y1", 1 - mu, -mu, -delta);
        if (crit >= 1 - TOL) {
            return new Setting(vec, List.of(List.of(G, y, f, h, z, ii), List.of(h1, y1, x, G, nn), List.of(m, G)),
                    "MCLC4");
        }
        return new Setting(vec, List.of(List.of(G, y, f, h, z, ii, f1), List.of(h1, y1, x, G, nn), List.of(m, G)),
                "MCLC3");
    }

    /**
     * TRI: the reciprocal lattice Selling-reduced to an obtuse superbase (k1, k2, k3, k4 = −k1−k2−k3, all
     * k_i·k_j ≤ 0), k1..k3 ordered so that kγ is the smallest angle: the TRI1a (TRI2a for kγ = 90°) setting.
     * Its seven points are then the midpoints of the seven Voronoi-relevant vectors k_i, k_i + k_j, so all
     * lie on the zone faces. The paper's TRI1b/2b settings (an all-acute Niggli basis) are not used: for
     * some all-acute lattices their N or R is a midpoint of a non-relevant vector and lies off the zone
     * surface.
     */
    private static Setting tri(AkaiLattice.Vectors akai) {
        AkaiLattice.Vectors rec = AkaiKPaths.reciprocal(akai);
        Vec3[] k = {rec.r1(), rec.r2(), rec.r3(), rec.r1().plus(rec.r2()).plus(rec.r3()).times(-1)};
        double eps = TOL * rec.r1().dot(rec.r1());
        for (int iter = 0; iter < 10000; iter++) {
            int[] pair = null;
            for (int i = 0; i < 4 && pair == null; i++) {
                for (int j = i + 1; j < 4 && pair == null; j++) {
                    if (k[i].dot(k[j]) > eps) {
                        pair = new int[] {i, j};
                    }
                }
            }
            if (pair == null) {
                break;
            }
            int i = pair[0];
            int j = pair[1];
            for (int m = 0; m < 4; m++) {
                if (m != i && m != j) {
                    k[m] = k[m].plus(k[i]);
                }
            }
            k[i] = k[i].times(-1);
        }
        // cosine of the angle opposite vector i of k1..k3 (between the other two)
        double[] cos = new double[3];
        for (int i = 0; i < 3; i++) {
            Vec3 u = k[(i + 1) % 3];
            Vec3 w = k[(i + 2) % 3];
            cos[i] = u.dot(w) / (u.norm() * w.norm());
        }
        // kγ is the angle between k1 and k2, i.e. opposite k3: the smallest angle = largest cosine
        int third = 0;
        for (int i = 1; i < 3; i++) {
            if (cos[i] > cos[third]) {
                third = i;
            }
        }
        Vec3 k1 = k[(third + 1) % 3];
        Vec3 k2 = k[(third + 2) % 3];
        Vec3 k3 = k[third];
        boolean ninety = Math.abs(cos[third]) <= 1e-9;
        AkaiLattice.Vectors vec = AkaiKPaths.reciprocal(new AkaiLattice.Vectors(k1, k2, k3));
        LabelledPoint l = p("L", .5, .5, 0);
        LabelledPoint m = p("M", 0, .5, .5);
        LabelledPoint n = p("N", .5, 0, .5);
        LabelledPoint r = p("R", .5, .5, .5);
        LabelledPoint x = p("X", .5, 0, 0);
        LabelledPoint y = p("Y", 0, .5, 0);
        LabelledPoint z = p("Z", 0, 0, .5);
        return new Setting(vec, List.of(List.of(x, G, y), List.of(l, G, z), List.of(n, G, m), List.of(r, G)),
                ninety ? "TRI2a" : "TRI1a");
    }
}
