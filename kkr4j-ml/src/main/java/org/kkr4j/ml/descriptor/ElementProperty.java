package org.kkr4j.ml.descriptor;

import java.util.OptionalDouble;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.VolumeSource;

/**
 * A numeric property of one element, from kkr4j-elements (and {@link ElementalMoments}), with the name, family and
 * unit its descriptors carry. The radius is the metallic radius (the one the size mismatch δ of alloys is usually
 * built on); the atomic volume is AkaiKKR's experimental one.
 */
public enum ElementProperty {
    GROUP("group", "group", "1"),
    PERIOD("period", "period", "1"),
    ATOMIC_NUMBER("Z", "Z", "1"),
    VALENCE_ELECTRONS("valenceElectrons", "valence", "e/atom"),
    D_ELECTRONS("dElectrons", "dElectrons", "e/atom"),
    ELECTRONEGATIVITY("paulingElectronegativity", "electronegativity", "1"),
    METALLIC_RADIUS("metallicRadius", "radius", "Å"),
    ATOMIC_VOLUME("atomicVolume", "volume", "bohr^3/atom"),
    MELTING_POINT("meltingPoint", "meltingPoint", "K"),
    ATOMIC_MASS("atomicMass", "mass", "u"),
    MAGNETIC_MOMENT("magneticMoment", "moment", "muB/atom");

    private final String key;
    private final String family;
    private final String unit;

    ElementProperty(String key, String family, String unit) {
        this.key = key;
        this.family = family;
        this.unit = unit;
    }

    /** The name inside descriptor names, e.g. {@code mean.group}. */
    public String key() {
        return key;
    }

    public String family() {
        return family;
    }

    public String unit() {
        return unit;
    }

    /** The value for {@code e}; empty when the table does not give it (never a made-up 0). */
    public OptionalDouble of(Element e) {
        return switch (this) {
            case GROUP -> e.group().isPresent() ? OptionalDouble.of(e.group().getAsInt()) : OptionalDouble.empty();
            case PERIOD -> OptionalDouble.of(e.period());
            case ATOMIC_NUMBER -> OptionalDouble.of(e.z());
            case VALENCE_ELECTRONS -> OptionalDouble.of(e.valenceElectrons());
            case D_ELECTRONS -> OptionalDouble.of(e.dElectrons());
            case ELECTRONEGATIVITY -> e.paulingElectronegativity();
            case METALLIC_RADIUS -> e.metallicRadiusAngstrom();
            case ATOMIC_VOLUME -> e.akaiVolumeBohr3PerAtom(VolumeSource.EXPERIMENTAL);
            case MELTING_POINT -> e.meltingPointK();
            case ATOMIC_MASS -> OptionalDouble.of(e.atomicMassU());
            case MAGNETIC_MOMENT -> ElementalMoments.of(e);
        };
    }

    /** The value, or a {@link MissingPropertyException}. */
    public double require(Element e) {
        double v = Table.VALUES[ordinal()][e.z()];
        if (Double.isNaN(v)) {
            throw new MissingPropertyException(e, key);
        }
        return v;
    }

    /**
     * Every value by Z, NaN where missing: featurizing a million candidates looks each up many times, and the
     * optionals of {@link #of} would be made afresh every time.
     */
    private static final class Table {
        static final double[][] VALUES = load();

        private static double[][] load() {
            ElementProperty[] all = values();
            double[][] v = new double[all.length][org.kkr4j.elements.Elements.maxZ() + 1];
            for (ElementProperty p : all) {
                java.util.Arrays.fill(v[p.ordinal()], Double.NaN);
                for (Element e : org.kkr4j.elements.Elements.all()) {
                    OptionalDouble x = p.of(e);
                    if (x.isPresent()) {
                        v[p.ordinal()][e.z()] = x.getAsDouble();
                    }
                }
            }
            return v;
        }
    }
}
