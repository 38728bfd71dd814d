package org.kkr4j.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A position in fractional coordinates of the cell and what occupies it. Several occupants make a
 * disordered (CPA) site; a total occupancy below 1 leaves the rest vacant (implicitly: no Z = 0 occupant
 * is invented here, that is the converter's job).
 *
 * @param fractional position, fractions of the lattice vectors (not wrapped by this record)
 * @param occupants  at least one; distinct species; total occupancy ≤ 1 + {@link #OCCUPANCY_TOLERANCE}
 * @param label      the label given in the file, if any
 */
public record Site(Vec3 fractional, List<Occupant> occupants, Optional<String> label) {

    /**
     * Occupancy sums within this distance of 1 count as a full site, and sums above 1 by no more than
     * this are accepted (readers rescale them to exactly 1).
     */
    public static final double OCCUPANCY_TOLERANCE = 1e-6;

    public Site {
        occupants = List.copyOf(occupants);
        if (occupants.isEmpty()) {
            throw new IllegalArgumentException("a site needs at least one occupant");
        }
        double sum = 0;
        for (int i = 0; i < occupants.size(); i++) {
            sum += occupants.get(i).occupancy();
            for (int j = 0; j < i; j++) {
                if (occupants.get(i).species().equals(occupants.get(j).species())) {
                    throw new IllegalArgumentException("species " + occupants.get(i).species() + " appears twice on one site");
                }
            }
        }
        if (sum > 1.0 + OCCUPANCY_TOLERANCE) {
            throw new IllegalArgumentException("total occupancy " + sum + " exceeds 1");
        }
    }

    public static Site ordered(Vec3 fractional, String symbol) {
        return new Site(fractional, List.of(Occupant.full(symbol)), Optional.empty());
    }

    public double totalOccupancy() {
        return occupants.stream().mapToDouble(Occupant::occupancy).sum();
    }

    /** One species with occupancy 1 (within {@link #OCCUPANCY_TOLERANCE}). */
    public boolean isOrdered() {
        return occupants.size() == 1 && totalOccupancy() >= 1.0 - OCCUPANCY_TOLERANCE;
    }

    /** The occupant with the largest occupancy (the first in file order on a tie). */
    public Occupant majority() {
        Occupant best = occupants.get(0);
        for (Occupant o : occupants) {
            if (o.occupancy() > best.occupancy()) {
                best = o;
            }
        }
        return best;
    }

    /** The same occupants sorted by Z (then symbol), for comparisons that must not depend on file order. */
    public List<Occupant> occupantsByZ() {
        List<Occupant> l = new ArrayList<>(occupants);
        l.sort(Comparator.comparing(Occupant::species));
        return l;
    }

    public Site withFractional(Vec3 newFractional) {
        return new Site(newFractional, occupants, label);
    }
}
