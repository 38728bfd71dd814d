package org.kkr4j.elements;

import java.util.List;
import java.util.Objects;

/**
 * What occupies one atom of the unit cell: the components of its AkaiKKR type with their
 * concentrations. Concentrations are normalised per site, as specx normalises them per type (90/10
 * and 0.9/0.1 are the same). Z = 0 is a vacancy or empty sphere.
 *
 * @param components at least one component; concentrations >= 0 with a positive sum
 */
public record SiteComposition(List<Component> components) {

    /**
     * One component of a site.
     *
     * @param atomicNumber  Z, 0 for a vacancy
     * @param concentration any non-negative weight (normalised per site)
     */
    public record Component(int atomicNumber, double concentration) {
        public Component {
            if (atomicNumber < 0) {
                throw new IllegalArgumentException("atomic number must be >= 0: " + atomicNumber);
            }
            if (!(concentration >= 0) || Double.isInfinite(concentration)) {
                throw new IllegalArgumentException("concentration must be finite and >= 0: " + concentration);
            }
        }
    }

    public SiteComposition {
        components = List.copyOf(Objects.requireNonNull(components, "components"));
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a site needs at least one component");
        }
        double sum = components.stream().mapToDouble(Component::concentration).sum();
        if (!(sum > 0)) {
            throw new IllegalArgumentException("concentrations of a site sum to " + sum + "; need > 0");
        }
    }

    /** A site occupied by one element. */
    public static SiteComposition pure(int atomicNumber) {
        return new SiteComposition(List.of(new Component(atomicNumber, 1.0)));
    }

    /** Shorthand: {@code of(26, 0.7, 27, 0.3)} = Fe 70 %, Co 30 %. */
    public static SiteComposition of(double... zAndConcentration) {
        if (zAndConcentration.length == 0 || zAndConcentration.length % 2 != 0) {
            throw new IllegalArgumentException("give pairs of atomic number and concentration");
        }
        Component[] cs = new Component[zAndConcentration.length / 2];
        for (int i = 0; i < cs.length; i++) {
            double z = zAndConcentration[2 * i];
            if (z != Math.rint(z)) {
                throw new IllegalArgumentException("atomic number must be an integer: " + z);
            }
            cs[i] = new Component((int) z, zAndConcentration[2 * i + 1]);
        }
        return new SiteComposition(List.of(cs));
    }

    /** The concentration of component {@code i} divided by the sum over the site. */
    public double normalisedConcentration(int i) {
        double sum = components.stream().mapToDouble(Component::concentration).sum();
        return components.get(i).concentration() / sum;
    }
}
