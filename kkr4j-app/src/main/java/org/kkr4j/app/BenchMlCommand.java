package org.kkr4j.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kkr4j.ml.bench.MlBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kkr4j bench ml}: Bayesian optimisation and active learning on the hea-3d table used as a finite oracle,
 * against random search and a PHYSBO-style reference, median over paired random seeds.
 */
@Command(name = "ml", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Use the hea-3d table (AkaiKKR results of equiatomic quaternaries) as a finite oracle:",
            "evaluations until the best alloy and the top 1 % are found by random search, GP-EI, GP-UCB, GP-TS",
            "and a PHYSBO-style reference (Thompson sampling on random Fourier features), median over paired",
            "seeds; an active-learning curve against random; two-objective hypervolume and target-region recall",
            "against random; the cost of one suggestion over a large synthetic pool. Prints a Markdown table."})
final class BenchMlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--shared", paramLabel = "DIR",
            description = "the shared data root (default: ../shared beside the kkr4j checkout)")
    Path shared;
    @Option(names = "--table", paramLabel = "FILE", description = "another table in the hea-3d layout")
    Path table;
    @Option(names = "--seeds", defaultValue = "20", description = "paired random seeds (default ${DEFAULT-VALUE})")
    int seeds;
    @Option(names = "--initial", defaultValue = "5", description = "random evaluations before the models (default ${DEFAULT-VALUE})")
    int initial;
    @Option(names = "--large-pool", defaultValue = "1000000",
            description = "candidates of the synthetic pool for the cost of one suggestion, 0 to skip (default ${DEFAULT-VALUE})")
    int largePool;
    @Option(names = "--seed", defaultValue = "20261125", description = "master seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Locale.setDefault(Locale.ROOT);
        Path csv = table != null ? table
                : SharedLocation.resolve(shared).resolve("datasets/hea-3d/hea3d_equiatomic.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("table not found: " + csv + " (use --shared DIR or --table FILE)");
        }
        MlBenchmark.Settings d = MlBenchmark.Settings.defaults();
        MlBenchmark.Settings s = new MlBenchmark.Settings(seeds, initial, d.refitInterval(), d.rffFeatures(),
                d.alBatch(), largePool, seed);
        PrintWriter o = spec.commandLine().getOut();
        o.println("kkr4j bench ml on " + csv + ": " + seeds + " seeds, " + initial + " initial random evaluations");
        o.flush();
        MlBenchmark.Report report;
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "bench ml", MlBenchmark.PHASES.size())) {
            report = MlBenchmark.run(csv, s, phase -> bar.step());
        }
        o.println(report.toTable());
        return 0;
    }
}
