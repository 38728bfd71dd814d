package org.kkr4j.structure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A crystal: a lattice and the sites of one cell (as read: the conventional cell of a CIF after
 * symmetry expansion, or the cell of a POSCAR).
 */
public record Structure(Lattice lattice, List<Site> sites) {

    public Structure {
        if (lattice == null) {
            throw new IllegalArgumentException("a structure needs a lattice");
        }
        sites = List.copyOf(sites);
    }

    /** Sum of occupancies per species symbol over the cell, ordered by symbol. */
    public Map<String, Double> composition() {
        Map<String, Double> m = new TreeMap<>();
        for (Site s : sites) {
            for (Occupant o : s.occupants()) {
                m.merge(o.species().symbol(), o.occupancy(), Double::sum);
            }
        }
        return m;
    }

    public boolean isOrdered() {
        return sites.stream().allMatch(Site::isOrdered);
    }

    /**
     * True when {@code other} has the same lattice parameters (within 1e-6 Å and 1e-6°; orientation is
     * ignored) and, site by site in the same order, positions within {@code positionTolAngstrom} and the
     * same occupants (occupancies within 1e-8, oxidation states equal).
     */
    public boolean sameAs(Structure other, double positionTolAngstrom) {
        if (!lattice.sameParameters(other.lattice, 1e-6, 1e-6) || sites.size() != other.sites.size()) {
            return false;
        }
        for (int i = 0; i < sites.size(); i++) {
            Site a = sites.get(i), b = other.sites.get(i);
            if (lattice.distanceAngstrom(a.fractional(), b.fractional()) > positionTolAngstrom) {
                return false;
            }
            List<Occupant> oa = a.occupantsByZ(), ob = b.occupantsByZ();
            if (oa.size() != ob.size()) {
                return false;
            }
            for (int k = 0; k < oa.size(); k++) {
                if (!oa.get(k).species().equals(ob.get(k).species())
                        || Math.abs(oa.get(k).occupancy() - ob.get(k).occupancy()) > 1e-8
                        || !oa.get(k).oxidationState().equals(ob.get(k).oxidationState())) {
                    return false;
                }
            }
        }
        return true;
    }
}
