package org.kkr4j.ml.hea;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.io.testing.SharedRoot;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.descriptor.Descriptor;
import org.kkr4j.ml.explain.AlloyObservation;

/**
 * The real hea-3d table, read just enough for this branch's tests (the descriptor pipeline proper is another
 * branch's): element fractions, the lattice, and a few composition statistics of element facts. Rows that did not
 * converge or lack the target are left out and counted. Groups are alloy systems (one system on both lattices).
 */
final class HeaTable {
    static final String[] ELEMENTS = {"Al", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu"};
    static final String TARGET = "moment_per_atom";

    final Dataset data;
    final List<AlloyObservation> alloys;
    final int fileRows;
    final int leftOut;

    private HeaTable(Dataset data, List<AlloyObservation> alloys, int fileRows, int leftOut) {
        this.data = data;
        this.alloys = alloys;
        this.fileRows = fileRows;
        this.leftOut = leftOut;
    }

    static HeaTable load() throws IOException {
        Path file = SharedRoot.resolve("datasets/hea-3d/hea3d_equiatomic.csv");
        List<String> lines = Files.readAllLines(file);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int system = column(header, "system", file);
        int lattice = column(header, "lattice", file);
        int elements = column(header, "elements", file);
        int converged = column(header, "converged", file);
        int target = column(header, TARGET, file);

        List<Descriptor> features = new ArrayList<>();
        for (String e : ELEMENTS) {
            features.add(new Descriptor("fraction." + e, "composition", "1"));
        }
        features.add(new Descriptor("lattice.bcc", "structure", "1"));
        features.add(new Descriptor("mean.valenceElectrons", "valence", "1"));
        features.add(new Descriptor("sd.valenceElectrons", "valence", "1"));
        features.add(new Descriptor("mean.paulingElectronegativity", "electronegativity", "1"));
        features.add(new Descriptor("range.paulingElectronegativity", "electronegativity", "1"));
        features.add(new Descriptor("mean.metallicRadius", "radius", "angstrom"));
        features.add(new Descriptor("delta.metallicRadius", "radius", "1"));

        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<AlloyObservation> alloys = new ArrayList<>();
        int leftOut = 0;
        for (int line = 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            String[] f = lines.get(line).split(",", -1);
            if (!f[converged].equals("1") || f[target].isBlank()) {
                leftOut++;
                continue;
            }
            List<String> els = List.of(f[elements].trim().split("\\s+"));
            double[] row = new double[features.size()];
            for (String e : els) {
                int k = Arrays.asList(ELEMENTS).indexOf(e);
                if (k < 0) {
                    throw new IllegalArgumentException(file + " line " + (line + 1) + " column elements: " + e
                            + " is not one of " + Arrays.toString(ELEMENTS));
                }
                row[k] = 1.0 / els.size();
            }
            row[9] = f[lattice].equals("bcc") ? 1 : 0;
            List<Element> facts = els.stream().map(Elements::bySymbol).toList();
            double[] valence = facts.stream().mapToDouble(Element::valenceElectrons).toArray();
            double[] chi = facts.stream().mapToDouble(e -> e.paulingElectronegativity().orElseThrow()).toArray();
            double[] radius = facts.stream().mapToDouble(e -> e.metallicRadiusAngstrom().orElseThrow()).toArray();
            row[10] = mean(valence);
            row[11] = Math.sqrt(Arrays.stream(valence).map(v -> (v - row[10]) * (v - row[10])).average().orElseThrow());
            row[12] = mean(chi);
            row[13] = Arrays.stream(chi).max().orElseThrow() - Arrays.stream(chi).min().orElseThrow();
            row[14] = mean(radius);
            row[15] = Math.sqrt(Arrays.stream(radius).map(r -> (1 - r / row[14]) * (1 - r / row[14])).average()
                    .orElseThrow());
            double value = Double.parseDouble(f[target]);
            x.add(row);
            y.add(value);
            ids.add(f[system] + "_" + f[lattice]);
            groups.add(f[system]);
            alloys.add(new AlloyObservation(f[system] + "_" + f[lattice], els, f[lattice], value));
        }
        Dataset data = new Dataset(features, x.toArray(double[][]::new),
                y.stream().mapToDouble(Double::doubleValue).toArray(), new Descriptor(TARGET, "target", "muB"), ids,
                groups);
        return new HeaTable(data, alloys, (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count(), leftOut);
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + " line 1: no column " + name);
        }
        return i;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }
}
