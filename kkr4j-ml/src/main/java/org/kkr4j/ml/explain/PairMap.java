package org.kkr4j.ml.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.kkr4j.elements.Elements;

/**
 * A property map over pairs (the rule view's heatmaps): for every pair of labels (a, b) the mean target of the
 * alloys that contain an element with label a and a different element with label b, and how many there are.
 * Labels are periodic-table groups or element symbols; on the diagonal of the element map, (E, E) is every alloy
 * containing E. Symmetric; cells without alloys have count 0 and mean NaN.
 *
 * @param kind   {@code group} or {@code element}
 * @param target the target's name
 * @param labels row and column labels, in periodic-table order
 * @param means  mean target per cell
 * @param counts alloys per cell
 */
public record PairMap(String kind, String target, List<String> labels, double[][] means, int[][] counts) {

    public PairMap {
        labels = List.copyOf(labels);
    }

    /** Map over pairs of periodic-table groups. */
    public static PairMap groups(List<AlloyObservation> alloys, String target) {
        return build("group", target, alloys, AlloyObservation::groupOf,
                Comparator.comparingInt(l -> l.equals("f") ? 99 : Integer.parseInt(l)), false);
    }

    /** Map over pairs of elements. */
    public static PairMap elements(List<AlloyObservation> alloys, String target) {
        return build("element", target, alloys, Function.identity(),
                Comparator.comparingInt(s -> Elements.bySymbol(s).z()), true);
    }

    /** Cells as a list, for CSV: label a, label b, mean, count (a <= b, non-empty cells only). */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            for (int b = a; b < labels.size(); b++) {
                if (counts[a][b] > 0) {
                    out.add(new Cell(labels.get(a), labels.get(b), means[a][b], counts[a][b]));
                }
            }
        }
        return out;
    }

    /** One cell of the map. */
    public record Cell(String a, String b, double mean, int count) {
    }

    private static PairMap build(String kind, String target, List<AlloyObservation> alloys,
                                 Function<String, String> label, Comparator<String> order, boolean singleDiagonal) {
        TreeSet<String> all = new TreeSet<>(order);
        alloys.forEach(a -> a.elements().forEach(e -> all.add(label.apply(e))));
        List<String> labels = new ArrayList<>(all);
        int n = labels.size();
        double[][] sums = new double[n][n];
        int[][] counts = new int[n][n];
        for (AlloyObservation alloy : alloys) {
            List<String> els = alloy.elements();
            boolean[][] hit = new boolean[n][n];
            for (int i = 0; i < els.size(); i++) {
                int li = labels.indexOf(label.apply(els.get(i)));
                if (singleDiagonal) {
                    hit[li][li] = true;
                }
                for (int j = i + 1; j < els.size(); j++) {
                    int lj = labels.indexOf(label.apply(els.get(j)));
                    hit[li][lj] = true;
                    hit[lj][li] = true;
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (hit[a][b]) {
                        sums[a][b] += alloy.value();
                        counts[a][b]++;
                    }
                }
            }
        }
        double[][] means = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                means[a][b] = counts[a][b] > 0 ? sums[a][b] / counts[a][b] : Double.NaN;
            }
        }
        return new PairMap(kind, target, labels, means, counts);
    }
}
