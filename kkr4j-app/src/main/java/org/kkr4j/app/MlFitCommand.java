package org.kkr4j.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.data.BuiltDataset;
import org.kkr4j.ml.model.MeanRegressor;
import org.kkr4j.ml.plot.LearningCurvePlot;
import org.kkr4j.ml.plot.ParityPlot;
import org.kkr4j.ml.plot.Plots;
import org.kkr4j.ml.validate.CrossValidation;
import org.kkr4j.ml.validate.CvResult;
import org.kkr4j.ml.validate.Estimate;
import org.kkr4j.ml.validate.LearningCurve;
import org.kkr4j.ml.validate.OutOfFoldPrediction;
import org.kkr4j.ml.validate.PairedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kkr4j ml fit}: group-aware (nested) cross-validation of a model, side by side with the mean predictor. */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Cross-validate a regression model on a table with group-aware folds (an alloy's rows are",
            "never split between training and test; hyperparameters chosen by nested CV), print R2, MAE and RMSE",
            "with 95 % intervals over repeats and the paired difference to the mean predictor; write the results",
            "(JSON), the out-of-fold predictions (CSV), a parity plot and a learning curve (PNG or SVG)."})
final class MlFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    MlTableOptions input;
    @Mixin
    MlModelOptions m;
    @Option(names = "--repeats", defaultValue = "10", description = "repeats of the K-fold split (default ${DEFAULT-VALUE})")
    int repeats;
    @Option(names = "--out", paramLabel = "FILE.json", description = "the results as JSON")
    Path out;
    @Option(names = "--predictions", paramLabel = "FILE.csv", description = "every out-of-fold prediction")
    Path predictions;
    @Option(names = "--parity", paramLabel = "FILE.png|svg", description = "parity plot of the first repeat")
    Path parity;
    @Option(names = "--learning-curve", paramLabel = "FILE.png|svg",
            description = "MAE against the training size (20 %% to 100 %% of the training folds)")
    Path learningCurve;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        MlModelChoice choice = MlModelChoice.parse(m.model);
        if (m.model.equals("gp")) {
            input.defaultFamiliesForGaussianProcesses(o);
        }
        BuiltDataset built = input.build(input.read(), m.target, m.unit);
        o.print(built.report());
        Dataset data = built.dataset();
        CrossValidation cv = new CrossValidation(m.folds, repeats, m.seed);
        CvResult result;
        CvResult mean;
        try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "cross-validation", 2)) {
            result = choice.crossValidate(cv, data);
            bar.step();
            mean = cv.run(new MeanRegressor(), data);
            bar.step();
        }
        PairedComparison versusMean = PairedComparison.of(result, mean);
        String u = data.target().unit();
        o.println(choice.describe() + ", " + m.folds + " folds x " + repeats + " repeats, " + data.size() + " rows in "
                + result.groups() + " groups, " + data.dimension() + " descriptors:");
        o.println("  R2   " + estimate(result.r2(), "") + "   (mean predictor " + estimate(mean.r2(), "") + ")");
        o.println("  MAE  " + estimate(result.mae(), u) + "   (mean predictor " + estimate(mean.mae(), u) + ")");
        o.println("  RMSE " + estimate(result.rmse(), u) + "   (mean predictor " + estimate(mean.rmse(), u) + ")");
        o.println("  MAE - MAE(mean predictor) " + estimate(versusMean.mae(), u) + (versusMean.mae().high() < 0
                ? ": better than the mean predictor" : ": NOT better than the mean predictor"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", choice.describe());
        json.put("rowsRead", built.rowsRead());
        json.put("leftOut", built.leftOut());
        json.put("crossValidation", result);
        json.put("meanPredictor", mean);
        json.put("versusMeanPredictor", versusMean);
        if (learningCurve != null) {
            LearningCurve curve = LearningCurve.compute(choice.fixed() != null ? choice.fixed()
                    : choice.chosenOn(data, m.seed), data, cv, new double[] {0.2, 0.4, 0.6, 0.8, 1.0});
            json.put("learningCurve", curve);
            double[] x = curve.points().stream().mapToDouble(LearningCurve.Point::trainingRows).toArray();
            Plots.write(new LearningCurvePlot("learning curve: " + choice.name(), "training rows", "MAE (" + u + ")",
                    List.of(new LearningCurvePlot.Series(choice.name(),
                            x, curve.points().stream().mapToDouble(p -> p.mae().mean()).toArray(),
                            curve.points().stream().mapToDouble(p -> p.mae().low()).toArray(),
                            curve.points().stream().mapToDouble(p -> p.mae().high()).toArray()))),
                    learningCurve, 800, 600);
            o.println("wrote " + learningCurve);
        }
        if (parity != null) {
            List<OutOfFoldPrediction> first = result.predictions().stream().filter(p -> p.repeat() == 0).toList();
            Plots.write(new ParityPlot(choice.name() + " (out of fold)", data.target().name() + " (" + u + ")",
                    first.stream().mapToDouble(OutOfFoldPrediction::observed).toArray(),
                    first.stream().mapToDouble(OutOfFoldPrediction::predicted).toArray()), parity, 700, 700);
            o.println("wrote " + parity);
        }
        write(predictions, result.predictionsCsv(), o);
        write(out, Json.write(json) + "\n", o);
        return 0;
    }

    static String estimate(Estimate e, String unit) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]%s", e.mean(), e.low(), e.high(), unit.isEmpty() || unit.equals("1")
                ? "" : " " + unit);
    }

    static void write(Path file, String text, PrintWriter o) {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        o.println("wrote " + file);
    }
}
