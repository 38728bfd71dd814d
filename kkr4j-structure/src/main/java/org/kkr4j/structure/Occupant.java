package org.kkr4j.structure;

import java.util.OptionalDouble;

/**
 * One species on a site with its occupancy (0 &lt; occupancy ≤ 1) and, when the file gave one, its
 * oxidation state (e.g. +3 for {@code Fe3+}, −2 for {@code O2-}).
 */
public record Occupant(Species species, double occupancy, OptionalDouble oxidationState) {

    public Occupant {
        if (species == null || oxidationState == null) {
            throw new IllegalArgumentException("species and oxidation state (possibly empty) are required");
        }
        if (!(occupancy > 0.0 && occupancy <= 1.0)) {
            throw new IllegalArgumentException("occupancy of " + species + " must be in (0, 1]: " + occupancy);
        }
    }

    public static Occupant of(String symbol, double occupancy) {
        return new Occupant(Species.of(symbol), occupancy, OptionalDouble.empty());
    }

    public static Occupant full(String symbol) {
        return of(symbol, 1.0);
    }

    public Occupant withOccupancy(double newOccupancy) {
        return new Occupant(species, newOccupancy, oxidationState);
    }
}
