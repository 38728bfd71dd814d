package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.explain.AlloyObservation;
import org.kkr4j.ml.explain.ColumnGroup;
import org.kkr4j.ml.explain.Importance;
import org.kkr4j.ml.explain.ImportanceResult;
import org.kkr4j.ml.explain.PairMap;
import org.kkr4j.ml.explain.PermutationImportance;
import org.kkr4j.ml.explain.RuleFinder;
import org.kkr4j.ml.explain.Shapley;
import org.kkr4j.ml.explain.ShapleyExplanation;
import org.kkr4j.ml.model.FittedRegressor;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.plot.HeatmapPlot;
import org.kkr4j.ml.plot.ImportancePlot;
import org.kkr4j.ml.plot.Plots;
import org.kkr4j.ml.validate.CrossValidation;
import org.kkr4j.ml.validate.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kkr4j ml explain}: what drives a model — permutation importance on held-out folds (by descriptor family or
 * by descriptor), Shapley values of one row, and the brief's rule view (group-pair and element-pair maps, the
 * strongest rules with their support).
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Explain a model: permutation importance on held-out folds (by family or by descriptor,",
            "with 95 % intervals), Shapley values of one row (--row), the rules found in the data (mean property",
            "with and without an element, an element pair, a group pair, a number of groups spanned) and maps over",
            "pairs of periodic-table groups and of elements (PNG or SVG heatmaps)."})
final class MlExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MlTableOptions input;
    @Mixin
    MlModelOptions m;
    @Option(names = "--by", paramLabel = "family|descriptor", defaultValue = "family",
            description = "importance of descriptor families (shuffled together) or of single descriptors")
    String by;
    @Option(names = "--repeats", defaultValue = "5", description = "repeats (default ${DEFAULT-VALUE})")
    int repeats;
    @Option(names = "--permutations", defaultValue = "5", description = "shuffles per repeat (default ${DEFAULT-VALUE})")
    int permutations;
    @Option(names = "--row", paramLabel = "ID", description = "Shapley values of this row, by descriptor family")
    String row;
    @Option(names = "--rules", defaultValue = "5", description = "strongest rules printed (default ${DEFAULT-VALUE})")
    int rules;
    @Option(names = "--min-support", defaultValue = "5",
            description = "rows needed on each side of a rule (default ${DEFAULT-VALUE})")
    int minSupport;
    @Option(names = "--importance-plot", paramLabel = "FILE.png|svg", description = "importance bars")
    Path importancePlot;
    @Option(names = "--group-map", paramLabel = "FILE.png|svg", description = "mean property over pairs of groups")
    Path groupMap;
    @Option(names = "--element-map", paramLabel = "FILE.png|svg", description = "mean property over pairs of elements")
    Path elementMap;
    @Option(names = "--periodic-table", paramLabel = "FILE.png|svg",
            description = "per-element effect on a periodic table: mean property of the alloys with the element minus"
                    + " the mean of all")
    Path periodicTable;
    @Option(names = "--out", paramLabel = "FILE.json", description = "everything above as JSON")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        MlModelChoice choice = MlModelChoice.parse(m.model);
        if (m.model.equals("gp")) {
            input.defaultFamiliesForGaussianProcesses(o);
        }
        if (!by.equals("family") && !by.equals("descriptor")) {
            throw new IllegalArgumentException("--by must be family or descriptor, not '" + by + "'");
        }
        BuiltDataset built = input.build(input.read(), m.target, m.unit);
        o.print(built.report());
        Dataset data = built.dataset();
        String u = data.target().unit();
        Regressor regressor = choice.chosenOn(data, m.seed);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", regressor.describe());

        PermutationImportance pi = new PermutationImportance(new CrossValidation(m.folds, repeats, m.seed), permutations,
                Metric.MAE);
        ImportanceResult importance;
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "permutation importance", 1)) {
            importance = by.equals("family") ? pi.ofFamilies(regressor, data) : pi.ofFeatures(regressor, data);
            bar.step();
        }
        json.put("importance", importance);
        o.println("permutation importance of " + regressor.describe() + " (increase of the held-out MAE, " + u
                + "; baseline MAE " + MlFitCommand.estimate(importance.baseline(), u) + "):");
        for (Importance i : importance.importances().subList(0, Math.min(15, importance.importances().size()))) {
            o.println(String.format(java.util.Locale.ROOT, "  %-40s %s", i.name(), MlFitCommand.estimate(i.increase(), u)));
        }
        if (importancePlot != null) {
            List<Importance> top = importance.importances().subList(0, Math.min(20, importance.importances().size()));
            Plots.write(new ImportancePlot("permutation importance: " + choice.name(), "MAE increase (" + u + ")",
                    top.stream().map(Importance::name).toList(),
                    top.stream().mapToDouble(i -> i.increase().mean()).toArray(),
                    top.stream().mapToDouble(i -> (i.increase().high() - i.increase().low()) / 2).toArray()),
                    importancePlot, 900, 600);
            o.println("wrote " + importancePlot);
        }

        if (row != null) {
            int index = data.rowIds().indexOf(row);
            if (index < 0) {
                throw new IllegalArgumentException("--row " + row + ": no such row id (ids look like "
                        + data.rowIds().get(0) + ")");
            }
            FittedRegressor fitted = regressor.fit(data.x(), data.y(), m.seed);
            ShapleyExplanation s = new Shapley(fitted, data.x(), ColumnGroup.families(data.features()))
                    .explain(data.x()[index], 2000, m.seed);
            json.put("shapley", Map.of("row", row, "explanation", s));
            o.println("Shapley values of " + row + " by family (base " + String.format(java.util.Locale.ROOT, "%.4f", s.baseValue())
                    + ", prediction " + String.format(java.util.Locale.ROOT, "%.4f", s.prediction()) + ", observed "
                    + String.format(java.util.Locale.ROOT, "%.4f", data.y()[index]) + " " + u + "):");
            for (int i = 0; i < s.players().size(); i++) {
                o.println(String.format(java.util.Locale.ROOT, "  %-24s %+.4f", s.players().get(i), s.values()[i]));
            }
        }

        List<AlloyObservation> alloys = AlloyObservation.of(built);
        RuleFinder finder = new RuleFinder(minSupport);
        o.print(finder.summary(alloys, data.target().name(), u, rules));
        List<org.kkr4j.ml.explain.Rule> found = finder.find(alloys);
        json.put("rules", found.subList(0, Math.min(rules, found.size())));
        PairMap groups = PairMap.groups(alloys, data.target().name());
        PairMap elements = PairMap.elements(alloys, data.target().name());
        json.put("groupPairs", groups.cells());
        json.put("elementPairs", elements.cells());
        Map<String, Double> effects = elementEffects(alloys);
        json.put("elementEffects", effects);
        if (periodicTable != null) {
            Map<org.kkr4j.elements.Element, Double> byElement = new LinkedHashMap<>();
            effects.forEach((symbol, v) -> byElement.put(org.kkr4j.elements.Elements.bySymbol(symbol), v));
            Plots.write(new org.kkr4j.ml.plot.PeriodicTablePlot("effect of each element on " + data.target().name(),
                    byElement, "mean with − mean of all (" + u + ")"), periodicTable, 1000, 600);
            o.println("wrote " + periodicTable);
        }
        heatmap(groups, "group", u, groupMap, o);
        heatmap(elements, "element", u, elementMap, o);
        MlFitCommand.write(out, Json.write(json) + "\n", o);
        return 0;
    }

    /** For each element: the mean property of the alloys containing it minus the mean over all alloys. */
    static Map<String, Double> elementEffects(List<AlloyObservation> alloys) {
        double all = alloys.stream().mapToDouble(AlloyObservation::value).average().orElse(Double.NaN);
        Map<String, double[]> sums = new java.util.TreeMap<>();
        for (AlloyObservation a : alloys) {
            for (String e : a.elements()) {
                double[] acc = sums.computeIfAbsent(e, k -> new double[2]);
                acc[0] += a.value();
                acc[1]++;
            }
        }
        Map<String, Double> effects = new LinkedHashMap<>();
        sums.forEach((e, acc) -> effects.put(e, acc[0] / acc[1] - all));
        return effects;
    }

    private static void heatmap(PairMap map, String kind, String unit, Path file, PrintWriter o) {
        if (file == null) {
            return;
        }
        Plots.write(new HeatmapPlot("mean " + map.target() + " over " + kind + " pairs", kind, kind, map.labels(),
                map.labels(), map.means(), map.target() + " (" + unit + ")", map.labels().size() <= 12), file, 800, 700);
        o.println("wrote " + file);
    }
}
