package org.kkr4j.ml.descriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kkr4j.elements.Element;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * Maps (composition, structure) to a row of descriptor values, always the same {@link #descriptors()} in the same
 * order. Made of {@link DescriptorBlock}s; immutable.
 *
 * <p>Presets ({@link #preset}):
 * <ul>
 *   <li>{@code compact} (the interpretable set of ml.md §7): mean, average deviation, min, max, range and number of
 *       distinct values of group, period, Z, valence electrons, d electrons, Pauling electronegativity, metallic
 *       radius and elemental moment; the fraction of ferromagnetic elements; the four mixing quantities; the
 *       structure one-hot;</li>
 *   <li>{@code full}: the same statistics of every {@link ElementProperty}; group, period and block occupation
 *       vectors; the ferromagnetic fraction; mixing; structure one-hot.</li>
 * </ul>
 * The composition vector is added to either with {@link #withCompositionVector}. A preset's structure one-hot has no
 * structures until {@link #withStructures} is called (the dataset builder does it with the structures of its table).
 *
 * <p>Missing elemental properties: {@link #featurize} throws {@link MissingPropertyException} (never writes 0);
 * {@link #restrictedTo} leaves out the blocks a given set of elements cannot supply, {@link #without(String)} a whole
 * family.
 */
public final class Featurizer {
    public static final List<String> PRESETS = List.of("compact", "full");

    private static final List<ElementProperty> COMPACT_PROPERTIES = List.of(ElementProperty.GROUP,
            ElementProperty.PERIOD, ElementProperty.ATOMIC_NUMBER, ElementProperty.VALENCE_ELECTRONS,
            ElementProperty.D_ELECTRONS, ElementProperty.ELECTRONEGATIVITY, ElementProperty.METALLIC_RADIUS,
            ElementProperty.MAGNETIC_MOMENT);

    private final List<DescriptorBlock> blocks;
    private final List<Descriptor> descriptors;
    /** Block widths, kept because blocks build their descriptor lists on each call. */
    private final int[] widths;

    public Featurizer(List<DescriptorBlock> blocks) {
        this.blocks = List.copyOf(blocks);
        List<Descriptor> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        this.widths = new int[this.blocks.size()];
        for (int i = 0; i < this.blocks.size(); i++) {
            DescriptorBlock b = this.blocks.get(i);
            widths[i] = b.descriptors().size();
            for (Descriptor d : b.descriptors()) {
                if (!names.add(d.name())) {
                    throw new IllegalArgumentException("descriptor " + d.name() + " appears twice");
                }
                all.add(d);
            }
        }
        this.descriptors = List.copyOf(all);
    }

    /** {@code compact} or {@code full} (case-insensitive). */
    public static Featurizer preset(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        List<Statistic> stats = List.of(Statistic.MEAN, Statistic.AVERAGE_DEVIATION, Statistic.MIN, Statistic.MAX,
                Statistic.RANGE, Statistic.DISTINCT);
        List<DescriptorBlock> blocks = new ArrayList<>();
        switch (n) {
            case "compact" -> {
                for (ElementProperty p : COMPACT_PROPERTIES) {
                    blocks.add(new PropertyStatistics(p, stats));
                }
            }
            case "full" -> {
                for (ElementProperty p : ElementProperty.values()) {
                    blocks.add(new PropertyStatistics(p, stats));
                }
                for (OccupationVector.Kind k : OccupationVector.Kind.values()) {
                    blocks.add(new OccupationVector(k));
                }
            }
            default -> throw new IllegalArgumentException("unknown descriptor preset '" + name + "' (presets: "
                    + String.join(", ", PRESETS) + ")");
        }
        blocks.add(new FerromagneticFraction());
        blocks.add(new MixingQuantities());
        blocks.add(new StructureOneHot(List.of()));
        return new Featurizer(blocks);
    }

    public List<DescriptorBlock> blocks() {
        return blocks;
    }

    public List<Descriptor> descriptors() {
        return descriptors;
    }

    public int dimension() {
        return descriptors.size();
    }

    /** The families of the descriptors, in order of first appearance. */
    public List<String> families() {
        Set<String> f = new LinkedHashSet<>();
        for (Descriptor d : descriptors) {
            f.add(d.family());
        }
        return List.copyOf(f);
    }

    /** True when a block needs the structure. */
    public boolean usesStructure() {
        return blocks.stream().anyMatch(b -> b instanceof StructureOneHot);
    }

    /** This featurizer with its structure one-hot over {@code structures} (sorted in brvtyp order), or one added. */
    public Featurizer withStructures(Collection<Structure> structures) {
        List<Structure> sorted = structures.stream().distinct().sorted().toList();
        List<DescriptorBlock> out = new ArrayList<>();
        boolean replaced = false;
        for (DescriptorBlock b : blocks) {
            if (b instanceof StructureOneHot) {
                out.add(new StructureOneHot(sorted));
                replaced = true;
            } else {
                out.add(b);
            }
        }
        if (!replaced) {
            out.add(new StructureOneHot(sorted));
        }
        return new Featurizer(out);
    }

    /** This featurizer with the composition vector over {@code elements} (sorted by Z), replacing one it had. */
    public Featurizer withCompositionVector(Collection<Element> elements) {
        List<Element> sorted = elements.stream().distinct().sorted(Comparator.comparingInt(Element::z)).toList();
        List<DescriptorBlock> out = new ArrayList<>();
        for (DescriptorBlock b : blocks) {
            if (!(b instanceof CompositionVector)) {
                out.add(b);
            }
        }
        out.add(new CompositionVector(sorted));
        return new Featurizer(out);
    }

    /**
     * This featurizer without the descriptors of {@code family} (whole blocks whose descriptors are all of it; the
     * mixing block is one family of its own). E.g. {@code without("structure")} for tables without a structure.
     */
    public Featurizer without(String family) {
        List<DescriptorBlock> out = new ArrayList<>();
        boolean removed = false;
        for (DescriptorBlock b : blocks) {
            boolean all = b.descriptors().stream().allMatch(d -> d.family().equals(family));
            if (all && !b.descriptors().isEmpty() || b instanceof StructureOneHot && family.equals("structure")) {
                removed = true;
            } else {
                out.add(b);
            }
        }
        if (!removed) {
            throw new IllegalArgumentException("no descriptors of family '" + family + "' (families: " + families() + ")");
        }
        return new Featurizer(out);
    }

    /**
     * This featurizer without the blocks that cannot be computed for some of {@code elements} (a property missing in
     * the element table), so that it works for any composition of them. What is left out is explicit: compare
     * {@link #descriptors()} before and after, as {@code DatasetBuilder} does in its report. Blocks that only encode
     * the structure or the composition vector are kept.
     */
    public Featurizer restrictedTo(Collection<Element> elements) {
        List<DescriptorBlock> out = new ArrayList<>();
        for (DescriptorBlock b : blocks) {
            if (b instanceof StructureOneHot || b instanceof CompositionVector || computableFor(b, elements)) {
                out.add(b);
            }
        }
        return new Featurizer(out);
    }

    /** Every block needs the properties of each component on its own, so pure elements are enough to try. */
    private static boolean computableFor(DescriptorBlock b, Collection<Element> elements) {
        double[] scratch = new double[b.descriptors().size()];
        for (Element e : elements) {
            try {
                b.compute(Composition.equiatomic(e), null, scratch, 0);
            } catch (MissingPropertyException missing) {
                return false;
            }
        }
        return true;
    }

    /**
     * The descriptor values of one alloy.
     *
     * @param structure may be null when the featurizer does not use the structure
     * @throws MissingPropertyException when an element lacks a property a descriptor needs
     */
    public double[] featurize(Composition composition, Structure structure) {
        double[] out = new double[descriptors.size()];
        int offset = 0;
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).compute(composition, structure, out, offset);
            offset += widths[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "Featurizer" + families() + " (" + descriptors.size() + " descriptors)";
    }
}
