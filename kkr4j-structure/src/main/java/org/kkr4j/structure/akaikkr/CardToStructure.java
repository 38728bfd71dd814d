package org.kkr4j.structure.akaikkr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kkr4j.elements.CellVolume;
import org.kkr4j.elements.Elements;
import org.kkr4j.elements.LatticeConstantEstimator;
import org.kkr4j.elements.SiteComposition;
import org.kkr4j.elements.VolumeSource;
import org.kkr4j.io.akaikkr.card.AtomType;
import org.kkr4j.io.akaikkr.card.CardDeck;
import org.kkr4j.io.akaikkr.card.Component;
import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Species;
import org.kkr4j.structure.Structure;
import org.kkr4j.structure.Vec3;
import org.kkr4j.structure.cif.CifWriter;
import org.kkr4j.structure.poscar.Poscar;

/**
 * Rebuilds the crystal of an AkaiKKR deck from the card itself (not from specx's rounded echo): the
 * primitive cell of {@link AkaiLattice} scaled by a, one site per atom line at the position specx
 * computes, decorated with the components of its type.
 *
 * <p>Types become occupants: Z ({@code anclr}, which must be a whole number) gives the element,
 * concentrations are normalised per type as specx does; a Z = 0 component is a vacancy (the other
 * occupancies then sum to less than 1); a type made only of Z = 0 components is an empty sphere
 * ({@code X}, occupancy 1). The site label is the type name.
 */
public final class CardToStructure {

    /**
     * Å per bohr, CODATA 2018 (0.529177210903). Cif2Kkr uses the rounded 0.529177; the difference
     * (4e-7 relative) is below every tolerance used when comparing with its output.
     */
    public static final double ANGSTROM_PER_BOHR = 0.529177210903;

    private CardToStructure() {
    }

    /**
     * The structure and the lattice constant used.
     *
     * @param structure the primitive cell in specx's Cartesian frame (Å), sites folded as specx folds them
     * @param aBohr     the lattice constant: from the card, or estimated like specx for a = 0 / a = 1e6
     * @param estimatedFrom the volume table used for the estimate; empty when a was given
     */
    public record Result(Structure structure, double aBohr, Optional<VolumeSource> estimatedFrom) {
    }

    public static Result convert(CardDeck deck) {
        if (deck.atoms().isEmpty()) {
            throw new AkaiConversionException("natm", "the deck has no atoms");
        }
        AkaiLattice.Vectors r = AkaiLattice.primitiveVectors(deck.lattice());
        Map<String, SiteComposition> compositions = new LinkedHashMap<>();
        Map<String, List<Occupant>> occupants = new LinkedHashMap<>();
        for (int t = 0; t < deck.ntyp(); t++) {
            AtomType type = deck.types().get(t);
            String field = "type[" + (t + 1) + "]";
            compositions.putIfAbsent(type.name(), composition(type, field));
            occupants.putIfAbsent(type.name(), occupants(type, field));
        }
        List<SiteComposition> perAtom = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        for (int n = 0; n < deck.natm(); n++) {
            var atom = deck.atoms().get(n);
            List<Occupant> occ = occupants.get(atom.typeName());
            if (occ == null) {
                throw new AkaiConversionException("atom[" + (n + 1) + "].type",
                        "no type named '" + atom.typeName() + "'");
            }
            perAtom.add(compositions.get(atom.typeName()));
            Vec3 cartesian = AkaiLattice.position(atom, deck.lattice());
            sites.add(new Site(r.fractionsOf(cartesian), occ, Optional.of(atom.typeName())));
        }
        double a = deck.lattice().aBohr();
        Optional<VolumeSource> source = VolumeSource.forCardLatticeConstant(a);
        if (source.isPresent()) {
            double volume = Math.abs(CellVolume.ofPrimitiveVectors(arr(r.r1()), arr(r.r2()), arr(r.r3())));
            a = LatticeConstantEstimator.estimate(volume, perAtom, source.get()).aBohr();
        }
        double scale = a * ANGSTROM_PER_BOHR;
        Lattice lattice = new Lattice(r.r1().times(scale), r.r2().times(scale), r.r3().times(scale));
        return new Result(new Structure(lattice, sites), a, source);
    }

    /** The deck's structure as a P1 CIF (partial occupancies kept). */
    public static String toCif(CardDeck deck, String blockName) {
        return CifWriter.write(convert(deck).structure(), blockName);
    }

    /**
     * The deck's structure as a VASP 5 POSCAR. A CPA type (partial occupancy) is refused
     * ({@code NOT_REPRESENTABLE}) unless {@link Poscar.PartialOccupancy#MAJORITY} is asked for.
     */
    public static String toPoscar(CardDeck deck, String comment, Poscar.PartialOccupancy policy) {
        return Poscar.write(convert(deck).structure(), comment, policy);
    }

    private static double[] arr(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    private static int atomicNumber(Component c, String field) {
        double z = c.anclr();
        if (z != Math.rint(z) || z < 0 || z > Elements.maxZ()) {
            throw new AkaiConversionException(field + ".anclr",
                    "anclr " + z + " is not the atomic number of an element (fractional nuclear charges have no structure)");
        }
        return (int) z;
    }

    private static SiteComposition composition(AtomType type, String field) {
        List<SiteComposition.Component> cs = new ArrayList<>();
        for (int i = 0; i < type.ncmp(); i++) {
            Component c = type.components().get(i);
            cs.add(new SiteComposition.Component(atomicNumber(c, field + ".component[" + (i + 1) + "]"), c.conc()));
        }
        try {
            return new SiteComposition(cs);
        } catch (IllegalArgumentException e) {
            throw new AkaiConversionException(field + ".conc", e.getMessage());
        }
    }

    private static List<Occupant> occupants(AtomType type, String field) {
        double total = type.components().stream().mapToDouble(Component::conc).sum();
        if (!(total > 0)) {
            throw new AkaiConversionException(field + ".conc", "concentrations sum to " + total);
        }
        Map<Integer, Double> byZ = new LinkedHashMap<>();
        for (int i = 0; i < type.ncmp(); i++) {
            Component c = type.components().get(i);
            if (c.conc() < 0) {
                throw new AkaiConversionException(field + ".component[" + (i + 1) + "].conc", "negative: " + c.conc());
            }
            byZ.merge(atomicNumber(c, field + ".component[" + (i + 1) + "]"), c.conc() / total, Double::sum);
        }
        List<Occupant> out = new ArrayList<>();
        byZ.forEach((z, conc) -> {
            if (z != 0 && conc > 0) {
                out.add(new Occupant(new Species(Elements.byZ(z).symbol(), z), conc, java.util.OptionalDouble.empty()));
            }
        });
        if (out.isEmpty()) {
            out.add(Occupant.full("X"));
        }
        return out;
    }
}
