package org.kkr4j.structure.cif;

import org.kkr4j.structure.Lattice;
import org.kkr4j.structure.Occupant;
import org.kkr4j.structure.Site;
import org.kkr4j.structure.Structure;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a structure as a P1 CIF: every site of the cell, one {@code _atom_site} row per occupant (rows of
 * one site share its position, which is how CIF states a disordered site). Reading the result with
 * {@link CifReader} gives the same lattice parameters, sites, occupancies and oxidation states.
 */
public final class CifWriter {

    private CifWriter() {
    }

    public static String write(Structure s, String blockName) {
        Lattice l = s.lattice();
        StringBuilder b = new StringBuilder();
        b.append("# written by kkr4j\n");
        b.append("data_").append(blockName == null || blockName.isBlank() ? "kkr4j" : blockName.replaceAll("\\s+", "_")).append('\n');
        b.append(String.format(Locale.ROOT, "_cell_length_a    %.12f%n", l.aAngstrom()));
        b.append(String.format(Locale.ROOT, "_cell_length_b    %.12f%n", l.bAngstrom()));
        b.append(String.format(Locale.ROOT, "_cell_length_c    %.12f%n", l.cAngstrom()));
        b.append(String.format(Locale.ROOT, "_cell_angle_alpha %.12f%n", l.alphaDeg()));
        b.append(String.format(Locale.ROOT, "_cell_angle_beta  %.12f%n", l.betaDeg()));
        b.append(String.format(Locale.ROOT, "_cell_angle_gamma %.12f%n", l.gammaDeg()));
        b.append("_space_group_name_H-M_alt 'P 1'\n");
        b.append("_space_group_IT_number 1\n");
        b.append("loop_\n_space_group_symop_operation_xyz\n  'x, y, z'\n");
        b.append("loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n");
        Set<String> used = new HashSet<>();
        for (int i = 0; i < s.sites().size(); i++) {
            Site site = s.sites().get(i);
            for (int k = 0; k < site.occupants().size(); k++) {
                Occupant o = site.occupants().get(k);
                String base = site.label().filter(x -> x.matches("\\S+") && !x.startsWith("_") && !x.startsWith("'") && !x.startsWith("\""))
                        .orElse(o.species().symbol() + (i + 1));
                String label = k == 0 ? base : base + "_" + o.species().symbol();
                String unique = label;
                for (int n = 2; !used.add(unique); n++) {
                    unique = label + "_" + n;
                }
                b.append(String.format(Locale.ROOT, "  %-10s %-6s %.12f %.12f %.12f %.12f%n", unique, typeSymbol(o),
                        site.fractional().x(), site.fractional().y(), site.fractional().z(), o.occupancy()));
            }
        }
        return b.toString();
    }

    private static String typeSymbol(Occupant o) {
        if (o.oxidationState().isEmpty()) {
            return o.species().symbol();
        }
        double q = o.oxidationState().getAsDouble();
        double mag = Math.abs(q);
        String m = mag == Math.rint(mag) ? Long.toString((long) mag) : Double.toString(mag);
        return o.species().symbol() + m + (q < 0 ? "-" : "+");
    }
}
