package org.kkr4j.ml.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.kkr4j.elements.Element;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.CompositionFormatException;
import org.kkr4j.ml.data.CsvTableReader;
import org.kkr4j.ml.data.Table;
import org.kkr4j.ml.data.TableFormatException;
import org.kkr4j.ml.bo.CandidateSet;

/**
 * The hea-3d table (equiatomic quaternaries on fcc and bcc) as a labelled candidate pool, with a small feature
 * set of its own until the descriptor featurizer is merged: the fraction of each element present in the file
 * (ordered by Z), a bcc flag, and the composition-weighted valence-electron count and Pauling electronegativity.
 * Rows that did not converge are left out and counted; a composition or number that does not parse is a
 * {@link TableFormatException} naming file, line and column. Read with the data package's CSV reader and
 * composition parser.
 *
 * @param pool          one candidate per converged row, ids {@code system_lattice}
 * @param features      names of the columns of the pool
 * @param moment        |moment_per_atom| (muB): the sign of a collinear total moment is only the spin axis
 * @param latticeEnergy E(this lattice) - E(other lattice) of the same alloy, mRy per atom; NaN when the other
 *                      lattice is not in the table
 * @param rowsRead      data rows in the file
 * @param notConverged  rows left out because converged != 1
 */
public record HeaTable(CandidateSet pool, List<String> features, double[] moment, double[] latticeEnergy,
                       int rowsRead, int notConverged) {

    public static HeaTable read(Path file) {
        Table table = CsvTableReader.read(file);
        for (String need : List.of("system", "lattice", "composition", "converged", "total_energy_Ry",
                "moment_per_atom")) {
            if (!table.hasColumn(need)) {
                throw new TableFormatException(table.source(), 1, need, "missing column");
            }
        }
        int cComp = table.columnIndex("composition");
        int cConv = table.columnIndex("converged");
        int cLat = table.columnIndex("lattice");
        int cSys = table.columnIndex("system");
        int cMom = table.columnIndex("moment_per_atom");
        int cEne = table.columnIndex("total_energy_Ry");
        List<Integer> kept = new ArrayList<>();
        List<Composition> compositions = new ArrayList<>();
        TreeSet<Element> elements = new TreeSet<>(Comparator.comparingInt(Element::z));
        int notConverged = 0;
        for (int r = 0; r < table.size(); r++) {
            if (!"1".equals(table.cell(r, cConv).trim())) {
                notConverged++;
                continue;
            }
            Composition comp;
            try {
                comp = Composition.parse(table.cell(r, cComp));
            } catch (CompositionFormatException e) {
                throw table.error(r, cComp, e.getMessage());
            }
            elements.addAll(comp.elements());
            kept.add(r);
            compositions.add(comp);
        }
        List<Element> order = new ArrayList<>(elements);
        List<String> names = new ArrayList<>();
        for (Element e : order) {
            names.add("x." + e.symbol());
        }
        names.add("lattice.bcc");
        names.add("mean.valenceElectrons");
        names.add("mean.paulingElectronegativity");
        int n = kept.size();
        double[][] x = new double[n][names.size()];
        double[] moment = new double[n];
        double[] energy = new double[n];
        List<String> ids = new ArrayList<>();
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int r = kept.get(i);
            Composition comp = compositions.get(i);
            double vec = 0;
            double chi = 0;
            for (int k = 0; k < order.size(); k++) {
                Element e = order.get(k);
                double c = comp.fraction(e);
                x[i][k] = c;
                vec += c * e.valenceElectrons();
                if (c > 0) {
                    chi += c * e.paulingElectronegativity().orElseThrow(() -> table.error(r, cComp,
                            e.symbol() + " has no Pauling electronegativity"));
                }
            }
            String lattice = table.cell(r, cLat).trim();
            if (!lattice.equals("fcc") && !lattice.equals("bcc")) {
                throw table.error(r, cLat, "expected fcc or bcc, got '" + lattice + "'");
            }
            x[i][order.size()] = lattice.equals("bcc") ? 1 : 0;
            x[i][order.size() + 1] = vec;
            x[i][order.size() + 2] = chi;
            moment[i] = Math.abs(number(table, r, cMom));
            energy[i] = number(table, r, cEne);
            String id = table.cell(r, cSys).trim() + "_" + lattice;
            if (byId.put(id, i) != null) {
                throw table.error(r, cSys, "duplicate row " + id);
            }
            ids.add(id);
        }
        double[] delta = new double[n];
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            String other = id.endsWith("_fcc") ? id.replace("_fcc", "_bcc") : id.replace("_bcc", "_fcc");
            Integer j = byId.get(other);
            delta[i] = j == null ? Double.NaN : (energy[i] - energy[j]) * 1000.0;
        }
        return new HeaTable(new CandidateSet(x, ids), names, moment, delta, table.size(), notConverged);
    }

    private static double number(Table table, int row, int column) {
        String text = table.cell(row, column);
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the cell's place
        }
        throw table.error(row, column, "not a finite number: '" + text + "'");
    }

    /** Indices of the rows whose other lattice is also in the table (the pool of the two-objective benchmark). */
    public int[] withBothLattices() {
        return java.util.stream.IntStream.range(0, latticeEnergy.length).filter(i -> !Double.isNaN(latticeEnergy[i]))
                .toArray();
    }
}
