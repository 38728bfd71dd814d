package org.kkr4j.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.CsvTableReader;
import org.kkr4j.ml.data.JsonTableReader;
import org.kkr4j.ml.data.Structure;
import org.kkr4j.ml.data.Table;
import picocli.CommandLine.Option;

/**
 * The candidate set of {@code kkr4j ml suggest}: a table of compositions (and structures), every equiatomic alloy
 * of K elements out of a list, or a composition grid over a list of elements; each on the structures given.
 */
final class MlCandidates {
    @Option(names = "--candidates", paramLabel = "FILE",
            description = "CSV/JSON of candidates: a 'composition' column and, optionally, a structure column")
    Path file;

    @Option(names = "--equiatomic", paramLabel = "El,El,...",
            description = "every equiatomic alloy of --components elements out of these")
    String equiatomic;

    @Option(names = "--components", defaultValue = "4", description = "elements per equiatomic alloy (default ${DEFAULT-VALUE})")
    int components;

    @Option(names = "--grid", paramLabel = "El,El,...", description = "every composition of these elements on a grid")
    String grid;

    @Option(names = "--step", defaultValue = "0.05",
            description = "grid step of the fractions, e.g. 0.01 for 1 %% steps (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--structures", paramLabel = "fcc,bcc,...", defaultValue = "fcc,bcc",
            description = "structures of generated candidates and of table candidates without one (default ${DEFAULT-VALUE})")
    String structures;

    /** A composition on a structure. */
    record Candidate(Composition composition, Structure structure) {
        String id() {
            return composition + "_" + structure.name();
        }
    }

    List<Candidate> list() {
        int given = (file != null ? 1 : 0) + (equiatomic != null ? 1 : 0) + (grid != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of --candidates, --equiatomic, --grid");
        }
        List<Structure> onStructures = new ArrayList<>();
        for (String s : structures.split(",")) {
            onStructures.add(Structure.parse(s.strip()));
        }
        List<Composition> compositions = new ArrayList<>();
        if (file != null) {
            Table t = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? JsonTableReader.read(file) : CsvTableReader.read(file);
            int c = t.columnIndex("composition");
            int s = t.columns().contains("lattice") ? t.columnIndex("lattice")
                    : t.columns().contains("structure") ? t.columnIndex("structure") : -1;
            Map<String, Candidate> unique = new LinkedHashMap<>();
            for (int r = 0; r < t.size(); r++) {
                Composition comp = Composition.parse(t.rows().get(r).get(c));
                if (s >= 0) {
                    Candidate k = new Candidate(comp, Structure.parse(t.rows().get(r).get(s)));
                    unique.put(k.id(), k);
                } else {
                    for (Structure st : onStructures) {
                        Candidate k = new Candidate(comp, st);
                        unique.put(k.id(), k);
                    }
                }
            }
            return List.copyOf(unique.values());
        }
        if (equiatomic != null) {
            List<Element> els = elements(equiatomic);
            if (components < 1 || components > els.size()) {
                throw new IllegalArgumentException("--components must be between 1 and " + els.size());
            }
            combinations(els, components, 0, new ArrayList<>(), compositions);
        } else {
            List<Element> els = elements(grid);
            int n = (int) Math.round(1 / step);
            if (Math.abs(n * step - 1) > 1e-9 || n < 1) {
                throw new IllegalArgumentException("--step must divide 1, e.g. 0.01, 0.05, 0.1; got " + step);
            }
            gridPoints(els, n, 0, new int[els.size()], n, compositions);
        }
        List<Candidate> out = new ArrayList<>();
        for (Composition comp : compositions) {
            for (Structure st : onStructures) {
                out.add(new Candidate(comp, st));
            }
        }
        return out;
    }

    private static List<Element> elements(String list) {
        List<Element> els = new ArrayList<>();
        for (String s : list.split(",")) {
            Element e = Elements.bySymbol(s.strip());
            if (els.contains(e)) {
                throw new IllegalArgumentException("element " + e.symbol() + " given twice");
            }
            els.add(e);
        }
        return els;
    }

    private static void combinations(List<Element> els, int k, int from, List<Element> chosen, List<Composition> out) {
        if (chosen.size() == k) {
            out.add(Composition.equiatomic(chosen.toArray(Element[]::new)));
            return;
        }
        for (int i = from; i < els.size(); i++) {
            chosen.add(els.get(i));
            combinations(els, k, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** Every split of {@code total} grid steps over the elements with each element present (at least one step). */
    private static void gridPoints(List<Element> els, int total, int index, int[] steps, int left,
                                   List<Composition> out) {
        if (index == els.size() - 1) {
            if (left < 1) {
                return;
            }
            steps[index] = left;
            Map<Element, Double> amounts = new LinkedHashMap<>();
            for (int i = 0; i < els.size(); i++) {
                amounts.put(els.get(i), (double) steps[i]);
            }
            out.add(Composition.ofAmounts(amounts));
            return;
        }
        for (int s = 1; s <= left - (els.size() - 1 - index); s++) {
            steps[index] = s;
            gridPoints(els, total, index + 1, steps, left - s, out);
        }
    }
}
