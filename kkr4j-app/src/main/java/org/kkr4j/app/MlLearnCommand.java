package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.active.ActiveLearner;
import org.kkr4j.ml.active.BootstrapCommittee;
import org.kkr4j.ml.active.LearningCurve;
import org.kkr4j.ml.active.StoppingRule;
import org.kkr4j.ml.active.TableOracle;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.model.Regressor;
import org.kkr4j.ml.plot.LearningCurvePlot;
import org.kkr4j.ml.plot.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kkr4j ml learn}: active learning over the rows of a fully labelled table used as the oracle — how many
 * labels a strategy needs to predict the rest, against picking at random. The engine oracle (real calculations)
 * exists as an interface in kkr4j-ml; running it from the CLI needs the campaign machinery that turns a
 * composition into cards, which kkr4j does not have yet.
 */
@Command(name = "learn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Active learning with the table as the oracle: start from --initial random rows, then let",
            "the strategy (GP uncertainty, a bootstrap committee's disagreement, or random) pick --batch rows at a",
            "time until --budget labels or a mean predicted standard deviation below --stop-std; print and plot",
            "the error on the rows not yet labelled. --oracle engine (real calculations) is not supported yet."})
final class MlLearnCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MlTableOptions input;
    @Option(names = "--target", required = true, paramLabel = "COL", description = "the property to learn")
    String target;
    @Option(names = "--unit", paramLabel = "U", description = "the property's unit (default 1)")
    String unit;
    @Option(names = "--oracle", defaultValue = "table", paramLabel = "table|engine",
            description = "who labels: the table's own values (default ${DEFAULT-VALUE})")
    String oracle;
    @Option(names = "--strategy", defaultValue = "uncertainty", paramLabel = "uncertainty|committee|random",
            description = "how the next rows are chosen (default ${DEFAULT-VALUE})")
    String strategy;
    @Option(names = "--initial", defaultValue = "10", description = "random rows labelled first (default ${DEFAULT-VALUE})")
    int initial;
    @Option(names = "--budget", defaultValue = "40", description = "most labels in all (default ${DEFAULT-VALUE})")
    int budget;
    @Option(names = "--batch", defaultValue = "5", description = "rows per request (default ${DEFAULT-VALUE})")
    int batch;
    @Option(names = "--stop-std", defaultValue = "0", paramLabel = "X",
            description = "stop when the mean predicted standard deviation over the unlabelled rows is below X (0: off)")
    double stopStd;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--curve", paramLabel = "FILE.png|svg", description = "error on the unlabelled rows vs labels")
    Path curve;
    @Option(names = "--out", paramLabel = "FILE.json", description = "the learning curve as JSON")
    Path out;

    @Override
    public Integer call() {
        if (!oracle.equals("table")) {
            throw new UnsupportedOperationException("--oracle " + oracle + ": only the table oracle is available from"
                    + " the CLI; an engine oracle needs alloy-to-card campaigns, which kkr4j does not have yet (the"
                    + " Oracle interface of kkr4j-ml takes batched, asynchronous labels for it)");
        }
        PrintWriter o = spec.commandLine().getOut();
        input.defaultFamiliesForGaussianProcesses(o);
        BuiltDataset built = input.build(input.read(), target, unit);
        o.print(built.report());
        Dataset d = built.dataset();
        if (initial < 2 || initial >= d.size()) {
            throw new IllegalArgumentException("--initial must be between 2 and " + (d.size() - 1));
        }
        GaussianProcessRegressor gp = GaussianProcessRegressor.defaults();
        Regressor model = strategy.equals("committee") ? new BootstrapCommittee(gp.withRestarts(0), 5) : gp;
        ActiveLearner.Strategy how = switch (strategy) {
            case "uncertainty", "committee" -> ActiveLearner.Strategy.UNCERTAINTY;
            case "random" -> ActiveLearner.Strategy.RANDOM;
            default -> throw new IllegalArgumentException("--strategy must be uncertainty, committee or random");
        };
        StoppingRule stop = stopStd > 0 ? new StoppingRule(budget, stopStd) : StoppingRule.budget(budget);
        int[] design = new SplittableRandom(seed).ints(0, d.size()).distinct().limit(initial).toArray();
        CandidateSet pool = new CandidateSet(d.x(), d.rowIds());
        LearningCurve lc;
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "active learning", 1)) {
            lc = new ActiveLearner(model, how, stop, batch).run(pool, TableOracle.of(target, d.y()), design, d.y(),
                    seed);
            bar.step();
        }
        String u = d.target().unit();
        o.println(String.format(Locale.ROOT, "%-8s %-10s %-12s %-12s %s", "labels", "requests", "RMSE (" + u + ")",
                "MAE (" + u + ")", "mean predicted std"));
        for (LearningCurve.Point p : lc.points()) {
            o.println(String.format(Locale.ROOT, "%-8d %-10d %-12.4f %-12.4f %.4f", p.labelled(), p.requests(),
                    p.rmse(), p.mae(), p.meanPoolStd()));
        }
        o.println("stopped: " + lc.stopReason() + (lc.failed().isEmpty() ? "" : "; " + lc.failed().size()
                + " rows could not be labelled"));
        if (curve != null) {
            double[] x = lc.points().stream().mapToDouble(LearningCurve.Point::labelled).toArray();
            double[] rmse = lc.points().stream().mapToDouble(LearningCurve.Point::rmse).toArray();
            Plots.write(new LearningCurvePlot("active learning: " + strategy, "labels", "RMSE on unlabelled rows (" + u
                    + ")", List.of(new LearningCurvePlot.Series(strategy, x, rmse, rmse, rmse))), curve, 800, 600);
            o.println("wrote " + curve);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", strategy);
        json.put("model", model.describe());
        json.put("curve", lc);
        MlFitCommand.write(out, Json.write(json) + "\n", o);
        return 0;
    }
}
