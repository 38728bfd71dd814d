package org.kkr4j.structure.akaikkr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kkr4j.io.akaikkr.card.BravaisLattice;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.symmetry.CrystalSystem;
import org.kkr4j.structure.symmetry.SymmetryDataset;
import org.kkr4j.structure.symmetry.SymmetryFinder;

/**
 * A crystal structure (from CIF or POSCAR) to an AkaiKKR deck, the whole pipeline of the reference
 * converter (structure.md §4) done without its quirks:
 *
 * <ol>
 *   <li>symmetry of the decorated crystal ({@link SymmetryFinder}, sites of equal composition are equal);</li>
 *   <li>brvtyp from the space-group number ({@link SpaceGroupBrvtyp});</li>
 *   <li>the conventional cell in the setting the reference converter writes (spglib's standard cell with
 *       pymatgen's conventions on top, {@link #akaiSetting}): orthorhombic axes sorted a ≤ b ≤ c, C-centred
 *       groups keep c and sort a, b, A-centred groups are turned into C-centred;</li>
 *   <li>types = symmetry orbits (an orbit has one composition);</li>
 *   <li>{@link StructureToCard} writes the named lattice; with {@code aux} requested, the same primitive
 *       vectors that specx builds for the named lattice are written as {@code aux} (so specx finds the same
 *       symmetry). If the structure does not fit the named lattice's setting, the reduced primitive cell is
 *       written as {@code aux} in the standard orientation and a note says so.</li>
 * </ol>
 */
public final class StructureConverter {

    private StructureConverter() {
    }

    /**
     * @param card            version, lattice constant, rmt/field/mxl, symprec (also used for the symmetry search)
     * @param aux             write aux instead of the named lattice
     */
    public record Options(StructureToCard.Options card, boolean aux) {
        public Options {
            Objects.requireNonNull(card, "card");
        }
    }

    /**
     * @param deck        the deck
     * @param symmetry    the symmetry found
     * @param brvtyp      the named lattice of the space group (also when aux was written)
     * @param written     the lattice written: {@code brvtyp} or AUX
     * @param conventional the conventional cell in the reference converter's setting, sites as written
     * @param notes       human-readable remarks (aux fallback and why)
     */
    public record Result(CardDeck deck, SymmetryDataset symmetry, BravaisLattice brvtyp, BravaisLattice written,
                         Structure conventional, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    public static Result convert(Structure structure, Options options) {
        double symprec = options.card().symprecAngstrom();
        SymmetryDataset ds = SymmetryFinder.analyse(structure, symprec);
        BravaisLattice brvtyp = SpaceGroupBrvtyp.of(ds.spaceGroupNumber());
        Structure conv = akaiSetting(ds);
        List<List<Integer>> groups = groupsOfConventionalSites(structure, ds);
        List<String> notes = new ArrayList<>();
        CardDeck named;
        try {
            named = StructureToCard.convert(conv, BrvtypChoice.named(brvtyp), groups,
                    options.aux() ? options.card().withLatticeConstant(StructureToCard.LatticeConstant.FROM_STRUCTURE)
                            : options.card());
        } catch (AkaiConversionException e) {
            return auxFallback(structure, ds, brvtyp, conv, options, e.getMessage());
        }
        if (!options.aux()) {
            return new Result(named, ds, brvtyp, brvtyp, conv, notes);
        }
        // specx's own primitive vectors of the named lattice, written as aux
        Structure prim = CardToStructure.convert(named).structure();
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < prim.sites().size(); i++) {
            byType.computeIfAbsent(prim.sites().get(i).label().orElseThrow(), k -> new ArrayList<>()).add(i);
        }
        CardDeck aux = StructureToCard.convert(prim, BrvtypChoice.auxAsGiven(), new ArrayList<>(byType.values()),
                options.card());
        notes.add("aux on request: the primitive vectors of " + brvtyp.canonicalKeyword() + " in specx's orientation");
        return new Result(aux, ds, brvtyp, BravaisLattice.AUX, conv, notes);
    }

    /**
     * The fallback when the conventional cell does not fit the named lattice: the reduced primitive cell
     * as aux in the standard orientation, with a note giving {@code reason}.
     */
    static Result auxFallback(Structure structure, SymmetryDataset ds, BravaisLattice brvtyp, Structure conv,
                              Options options, String reason) {
        List<String> notes = List.of("the conventional cell does not fit " + brvtyp.canonicalKeyword() + " ("
                + reason + "); written as aux: the reduced primitive cell, a along x, b in the xy plane");
        Structure prim = ds.reducedPrimitive();
        CardDeck aux = StructureToCard.convert(prim, BrvtypChoice.auxStandardOrientation(),
                groupsOfSites(structure, ds, prim), options.card());
        return new Result(aux, ds, brvtyp, BravaisLattice.AUX, conv, notes);
    }

    /**
     * spglib's standard conventional cell put in the setting the reference converter (pymatgen's
     * conventional standard structure, structure.md §4.1) uses. Only orthorhombic cells differ: pymatgen
     * sorts the axes a ≤ b ≤ c, keeps c for C-centred groups (sorting a, b) and turns A-centred cells into
     * C-centred ones (a' = b, b' = c, c' = a, then a', b' sorted). A permutation of odd parity is followed by
     * c → −c so that the result is a rotation of the crystal, never its mirror image. The other systems
     * already agree (hexagonal axes, monoclinic unique axis b with obtuse β, the triclinic reduced cell).
     */
    public static Structure akaiSetting(SymmetryDataset ds) {
        Structure conv = ds.conventionalCell().structure();
        if (ds.crystalSystem() != CrystalSystem.ORTHORHOMBIC) {
            return conv;
        }
        Lattice l = conv.lattice();
        double[] len = {l.aAngstrom(), l.bAngstrom(), l.cAngstrom()};
        int[] p; // new axis i = old axis p[i]
        switch (ds.centring()) {
            case 'C' -> p = len[0] <= len[1] ? new int[]{0, 1, 2} : new int[]{1, 0, 2};
            case 'A' -> p = len[1] <= len[2] ? new int[]{1, 2, 0} : new int[]{2, 1, 0};
            default -> {
                Integer[] idx = {0, 1, 2};
                java.util.Arrays.sort(idx, (x, y) -> Double.compare(len[x], len[y]));
                p = new int[]{idx[0], idx[1], idx[2]};
            }
        }
        boolean odd = parity(p) < 0;
        Lattice nl = Lattice.fromParameters(len[p[0]], len[p[1]], len[p[2]], 90, 90, 90);
        List<Site> sites = new ArrayList<>();
        for (Site s : conv.sites()) {
            Vec3 f = s.fractional();
            Vec3 g = new Vec3(f.get(p[0]), f.get(p[1]), odd ? -f.get(p[2]) : f.get(p[2]));
            sites.add(s.withFractional(g.wrapped()));
        }
        return new Structure(nl, sites);
    }

    private static int parity(int[] p) {
        int inversions = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (p[i] > p[j]) {
                    inversions++;
                }
            }
        }
        return inversions % 2 == 0 ? 1 : -1;
    }

    /**
     * The conventional cell lists the reduced primitive sites once per centring translation (in that
     * order), so conventional site k is reduced site k mod n; its orbit is that of the input site lying at
     * the reduced site.
     */
    static List<List<Integer>> groupsOfConventionalSites(Structure input, SymmetryDataset ds) {
        int[] orbitOfReduced = orbitsOfReducedSites(input, ds);
        int n = orbitOfReduced.length;
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        int total = ds.conventionalCell().structure().sites().size();
        for (int k = 0; k < total; k++) {
            groups.computeIfAbsent(orbitOfReduced[k % n], x -> new ArrayList<>()).add(k);
        }
        return new ArrayList<>(groups.values());
    }

    /** Groups of the sites of a cell (in the input's Cartesian frame, e.g. the reduced primitive) by orbit. */
    private static List<List<Integer>> groupsOfSites(Structure input, SymmetryDataset ds, Structure cell) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int k = 0; k < cell.sites().size(); k++) {
            Vec3 cart = cell.lattice().toCartesian(cell.sites().get(k).fractional());
            groups.computeIfAbsent(inputSiteAt(input, ds, cart), x -> new ArrayList<>()).add(k);
        }
        return new ArrayList<>(groups.values());
    }

    private static int[] orbitsOfReducedSites(Structure input, SymmetryDataset ds) {
        Structure red = ds.reducedPrimitive();
        int[] out = new int[red.sites().size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = inputSiteAt(input, ds, red.lattice().toCartesian(red.sites().get(k).fractional()));
        }
        return out;
    }

    /** The orbit (first input site of it) of the input site nearest to a Cartesian position. */
    private static int inputSiteAt(Structure input, SymmetryDataset ds, Vec3 cartesian) {
        Vec3 f = input.lattice().toFractional(cartesian);
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < input.sites().size(); i++) {
            double d = input.lattice().distanceAngstrom(f, input.sites().get(i).fractional());
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return ds.equivalentSites().get(best);
    }
}
