package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.data.Table;
import org.kkr4j.ml.bo.Acquisition;
import org.kkr4j.ml.bo.BayesianOptimizer;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;
import org.kkr4j.ml.bo.MultiObjectiveAcquisition;
import org.kkr4j.ml.bo.MultiObjectiveOptimizer;
import org.kkr4j.ml.bo.Suggestion;
import org.kkr4j.ml.bo.TargetRegion;
import org.kkr4j.ml.descriptor.Featurizer;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.plot.ParetoPlot;
import org.kkr4j.ml.plot.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kkr4j ml suggest}: Bayesian optimisation over a finite candidate set — which alloys to compute next for one
 * objective (EI, PI, UCB, Thompson sampling) or several (expected hypervolume improvement, or the probability of
 * landing in a target box).
 */
@Command(name = "suggest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Suggest the next alloys to compute: a Gaussian process per objective fitted on the table,",
            "scored over the candidates (a table, every equiatomic alloy of K elements, or a composition grid; on",
            "each structure). One objective: EI, PI, UCB or Thompson sampling. Several: expected hypervolume",
            "improvement over the reference point, or with --target intervals the probability that every",
            "objective lands in its interval. Candidates already in the table are not suggested again."})
final class MlSuggestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MlTableOptions input;
    @Mixin
    MlCandidates candidates;
    @Option(names = "--objective", required = true, paramLabel = "COL:max|min",
            description = "a property to maximise or minimise; repeat for several objectives")
    List<String> objectives;
    @Option(names = "--acquisition", defaultValue = "ei", paramLabel = "ei|pi|ucb|ts",
            description = "one objective: EI, PI, UCB (--kappa) or Thompson sampling (default ${DEFAULT-VALUE})")
    String acquisition;
    @Option(names = "--kappa", defaultValue = "2", description = "UCB's weight of the standard deviation (default ${DEFAULT-VALUE})")
    double kappa;
    @Option(names = "--target", paramLabel = "COL:LOW:HIGH",
            description = "several objectives: suggest by the probability that COL lies in [LOW, HIGH] for all of them"
                    + " (one per objective; '-' for an open end)")
    List<String> targets = new ArrayList<>();
    @Option(names = "--reference", paramLabel = "V,V,...",
            description = "several objectives: the hypervolume's reference point (default: the worst value observed"
                    + " for each objective)")
    String reference;
    @Option(names = "--batch", defaultValue = "5", description = "suggestions (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", paramLabel = "FILE.csv", description = "the suggestions as CSV")
    Path out;
    @Option(names = "--pareto", paramLabel = "FILE.png|svg",
            description = "two objectives: the observed values with their Pareto front (and the target box)")
    Path pareto;

    private record Objective(String column, Direction direction) {
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        input.defaultFamiliesForGaussianProcesses(o);
        List<Objective> objs = objectives.stream().map(MlSuggestCommand::objective).toList();
        Table table = input.read();
        // one dataset per objective; a row counts as observed when every objective has a value there
        List<BuiltDataset> built = new ArrayList<>();
        for (Objective ob : objs) {
            built.add(input.build(table, ob.column(), null));
        }
        o.print(built.get(0).report());
        Featurizer featurizer = built.get(0).featurizer();
        List<Map<String, Double>> valueById = new ArrayList<>();
        for (BuiltDataset b : built) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < b.dataset().size(); i++) {
                m.put(key(b, i), b.dataset().y()[i]);
            }
            valueById.add(m);
        }
        Map<String, double[]> pool = new LinkedHashMap<>();
        BuiltDataset first = built.get(0);
        List<String> observed = new ArrayList<>();
        for (int i = 0; i < first.dataset().size(); i++) {
            String k = key(first, i);
            if (valueById.stream().allMatch(m -> m.containsKey(k)) && !pool.containsKey(k)) {
                pool.put(k, first.dataset().x()[i]);
                observed.add(k);
            }
        }
        int added = 0;
        for (MlCandidates.Candidate c : candidates.list()) {
            if (!pool.containsKey(c.id())) {
                pool.put(c.id(), featurizer.featurize(c.composition(), c.structure()));
                added++;
            }
        }
        if (added == 0) {
            throw new IllegalArgumentException("every candidate is in the table already: nothing to suggest");
        }
        List<String> ids = new ArrayList<>(pool.keySet());
        CandidateSet set = new CandidateSet(pool.values().toArray(double[][]::new), ids);
        int[] labelled = java.util.stream.IntStream.range(0, observed.size()).toArray();
        double[][] y = new double[observed.size()][objs.size()];
        for (int r = 0; r < observed.size(); r++) {
            for (int j = 0; j < objs.size(); j++) {
                y[r][j] = valueById.get(j).get(observed.get(r));
            }
        }
        o.println(observed.size() + " observed, " + added + " candidates to choose from, " + featurizer.dimension()
                + " descriptors");
        GaussianProcessRegressor gp = GaussianProcessRegressor.defaults();
        List<Suggestion> suggestions;
        String how;
        if (objs.size() == 1) {
            BayesianOptimizer bo = new BayesianOptimizer(gp, acquisition(), objs.get(0).direction());
            how = bo.describe();
            double[] y1 = Arrays.stream(y).mapToDouble(r -> r[0]).toArray();
            suggestions = bo.suggest(set, labelled, y1, new int[0], batch, seed);
        } else {
            MultiObjectiveAcquisition acq = targets.isEmpty()
                    ? new MultiObjectiveAcquisition.ExpectedHypervolumeImprovement(referencePoint(objs, y), 2000)
                    : new MultiObjectiveAcquisition.TargetRegionProbability(region(objs));
            MultiObjectiveOptimizer mo = MultiObjectiveOptimizer.of(gp, objs.stream().map(Objective::direction)
                    .toList(), acq);
            how = mo.describe();
            suggestions = mo.suggest(set, labelled, y, new int[0], batch, seed);
        }
        o.println("suggestions (" + how + "):");
        StringBuilder csv = new StringBuilder("rank,id,acquisition");
        for (Objective ob : objs) {
            csv.append(',').append(ob.column()).append("_mean,").append(ob.column()).append("_std");
        }
        csv.append('\n');
        int rank = 1;
        for (Suggestion s : suggestions) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %2d  %-36s %10.4g", rank, s.id(),
                    s.acquisition()));
            csv.append(rank).append(',').append(s.id()).append(',').append(s.acquisition());
            for (int j = 0; j < objs.size(); j++) {
                line.append(String.format(Locale.ROOT, "   %s %.4g ± %.2g", objs.get(j).column(), s.mean()[j],
                        s.std()[j]));
                csv.append(',').append(s.mean()[j]).append(',').append(s.std()[j]);
            }
            csv.append('\n');
            o.println(line);
            rank++;
        }
        MlFitCommand.write(out, csv.toString(), o);
        if (pareto != null) {
            if (objs.size() != 2) {
                throw new IllegalArgumentException("--pareto needs exactly two objectives");
            }
            double[] box = targets.isEmpty() ? null : boxOf(region(objs));
            Plots.write(new ParetoPlot("observed " + objs.get(0).column() + " vs " + objs.get(1).column(),
                    objs.get(0).column(), objs.get(1).column(), Arrays.stream(y).mapToDouble(r -> r[0]).toArray(),
                    Arrays.stream(y).mapToDouble(r -> r[1]).toArray(), objs.get(0).direction() == Direction.MAXIMISE,
                    objs.get(1).direction() == Direction.MAXIMISE, box), pareto, 800, 700);
            o.println("wrote " + pareto);
        }
        return 0;
    }

    private static String key(BuiltDataset b, int row) {
        return b.compositions().get(row) + "_" + (b.structures().get(row) == null ? "any"
                : b.structures().get(row).name());
    }

    private static Objective objective(String text) {
        int colon = text.lastIndexOf(':');
        String dir = colon < 0 ? "" : text.substring(colon + 1);
        if (!dir.equals("max") && !dir.equals("min")) {
            throw new IllegalArgumentException("--objective " + text + ": write COLUMN:max or COLUMN:min");
        }
        return new Objective(text.substring(0, colon), dir.equals("max") ? Direction.MAXIMISE : Direction.MINIMISE);
    }

    private Acquisition acquisition() {
        return switch (acquisition) {
            case "ei" -> Acquisition.ei();
            case "pi" -> Acquisition.pi();
            case "ucb" -> Acquisition.ucb(kappa);
            case "ts" -> Acquisition.thompson();
            default -> throw new IllegalArgumentException("--acquisition must be ei, pi, ucb or ts, not '"
                    + acquisition + "'");
        };
    }

    private double[] referencePoint(List<Objective> objs, double[][] y) {
        if (reference != null) {
            String[] parts = reference.split(",");
            if (parts.length != objs.size()) {
                throw new IllegalArgumentException("--reference needs " + objs.size() + " values, got " + parts.length);
            }
            return Arrays.stream(parts).mapToDouble(p -> Double.parseDouble(p.strip())).toArray();
        }
        double[] ref = new double[objs.size()];
        for (int j = 0; j < objs.size(); j++) {
            int col = j;
            ref[j] = objs.get(j).direction() == Direction.MAXIMISE
                    ? Arrays.stream(y).mapToDouble(r -> r[col]).min().orElseThrow()
                    : Arrays.stream(y).mapToDouble(r -> r[col]).max().orElseThrow();
        }
        return ref;
    }

    private TargetRegion region(List<Objective> objs) {
        double[] lo = new double[objs.size()];
        double[] hi = new double[objs.size()];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        for (String t : targets) {
            String[] p = t.split(":");
            int j = -1;
            for (int k = 0; k < objs.size(); k++) {
                if (objs.get(k).column().equals(p[0])) {
                    j = k;
                }
            }
            if (p.length != 3 || j < 0) {
                throw new IllegalArgumentException("--target " + t + ": write COLUMN:LOW:HIGH for one of the objectives");
            }
            lo[j] = p[1].equals("-") ? Double.NEGATIVE_INFINITY : Double.parseDouble(p[1]);
            hi[j] = p[2].equals("-") ? Double.POSITIVE_INFINITY : Double.parseDouble(p[2]);
        }
        return new TargetRegion(lo, hi);
    }

    private static double[] boxOf(TargetRegion r) {
        return new double[] {r.lower()[0], r.upper()[0], r.lower()[1], r.upper()[1]};
    }
}
