package org.kkr4j.ml.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.ml.bo.CandidateSet;

/**
 * The hea-3d table (equiatomic quaternaries on fcc and bcc) as a labelled candidate pool, with a small feature
 * set of its own until the descriptor featurizer is merged: the fraction of each element present in the file
 * (ordered by Z), a bcc flag, and the composition-weighted valence-electron count and Pauling electronegativity.
 * Rows that did not converge are left out and counted; a composition or number that does not parse is an error
 * naming file, line and column.
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

    private static final Pattern PART = Pattern.compile("([A-Z][a-z]?)([0-9]*\\.?[0-9]+)");

    public static HeaTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new TableFormatException(file, 1, null, "empty file, a header is needed");
        }
        String[] header = lines.get(0).split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            col.put(header[c].trim(), c);
        }
        for (String need : List.of("system", "lattice", "composition", "converged", "total_energy_Ry",
                "moment_per_atom")) {
            if (!col.containsKey(need)) {
                throw new TableFormatException(file, 1, need, "missing column");
            }
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<Map<String, Double>> compositions = new ArrayList<>();
        TreeSet<Element> elements = new TreeSet<>(Comparator.comparingInt(Element::z));
        int read = 0;
        int notConverged = 0;
        for (int ln = 1; ln < lines.size(); ln++) {
            if (lines.get(ln).isBlank()) {
                continue;
            }
            read++;
            String[] f = lines.get(ln).split(",", -1);
            if (f.length < header.length) {
                throw new TableFormatException(file, ln + 1, null, f.length + " fields for " + header.length + " columns");
            }
            if (!"1".equals(f[col.get("converged")].trim())) {
                notConverged++;
                continue;
            }
            Map<String, Double> comp = composition(file, ln + 1, f[col.get("composition")]);
            for (String s : comp.keySet()) {
                elements.add(Elements.bySymbol(s));
            }
            rows.add(f);
            lineNumbers.add(ln + 1);
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
        int n = rows.size();
        double[][] x = new double[n][names.size()];
        double[] moment = new double[n];
        double[] energy = new double[n];
        List<String> ids = new ArrayList<>();
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i);
            int line = lineNumbers.get(i);
            Map<String, Double> comp = compositions.get(i);
            double vec = 0;
            double chi = 0;
            for (int k = 0; k < order.size(); k++) {
                Element e = order.get(k);
                double c = comp.getOrDefault(e.symbol(), 0.0);
                x[i][k] = c;
                vec += c * e.valenceElectrons();
                chi += c * e.paulingElectronegativity().orElseThrow(() -> new TableFormatException(file, line,
                        "composition", e.symbol() + " has no Pauling electronegativity"));
            }
            String lattice = f[col.get("lattice")].trim();
            if (!lattice.equals("fcc") && !lattice.equals("bcc")) {
                throw new TableFormatException(file, line, "lattice", "expected fcc or bcc, got '" + lattice + "'");
            }
            x[i][order.size()] = lattice.equals("bcc") ? 1 : 0;
            x[i][order.size() + 1] = vec;
            x[i][order.size() + 2] = chi;
            moment[i] = Math.abs(number(file, line, "moment_per_atom", f[col.get("moment_per_atom")]));
            energy[i] = number(file, line, "total_energy_Ry", f[col.get("total_energy_Ry")]);
            String id = f[col.get("system")].trim() + "_" + lattice;
            if (byId.put(id, i) != null) {
                throw new TableFormatException(file, line, "system", "duplicate row " + id);
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
        return new HeaTable(new CandidateSet(x, ids), names, moment, delta, read, notConverged);
    }

    private static double number(Path file, int line, String column, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new TableFormatException(file, line, column, "not a finite number: '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new TableFormatException(file, line, column, "not a number: '" + text + "'");
        }
    }

    static Map<String, Double> composition(Path file, int line, String text) {
        String t = text.trim();
        Matcher m = PART.matcher(t);
        Map<String, Double> out = new LinkedHashMap<>();
        int end = 0;
        double sum = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            String s = m.group(1);
            if (!Elements.isSymbol(s)) {
                throw new TableFormatException(file, line, "composition", "unknown element '" + s + "' in '" + t + "'");
            }
            double c = Double.parseDouble(m.group(2));
            out.merge(s, c, Double::sum);
            sum += c;
            end = m.end();
        }
        if (end != t.length() || out.isEmpty()) {
            throw new TableFormatException(file, line, "composition", "cannot parse '" + t + "' (expected e.g. "
                    + "Al0.25Cr0.25Co0.25Cu0.25)");
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new TableFormatException(file, line, "composition", "fractions of '" + t + "' sum to " + sum);
        }
        return out;
    }

    /** Indices of the rows whose other lattice is also in the table (the pool of the two-objective benchmark). */
    public int[] withBothLattices() {
        return java.util.stream.IntStream.range(0, latticeEnergy.length).filter(i -> !Double.isNaN(latticeEnergy[i]))
                .toArray();
    }
}
