package org.kkr4j.ml.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Optimisation traces: best value found so far against the number of evaluations (1, 2, ...), one line per
 * series (e.g. BO, random search, a PHYSBO-style baseline). A NaN observation (a failed calculation) leaves the
 * best unchanged; before the first finite observation there is no line.
 */
public record TracePlot(String title, String yLabel, List<Series> series, boolean maximise) implements Plot {
    /** Observations in evaluation order. */
    public record Series(String name, double[] observations) {
    }

    public TracePlot {
        series = List.copyOf(series);
    }

    public static double[] bestSoFar(double[] observations, boolean maximise) {
        double[] best = new double[observations.length];
        double b = Double.NaN;
        for (int i = 0; i < observations.length; i++) {
            double v = observations[i];
            if (Double.isFinite(v) && (Double.isNaN(b) || (maximise ? v > b : v < b))) {
                b = v;
            }
            best[i] = b;
        }
        return best;
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        List<double[]> bests = new ArrayList<>();
        int n = 1;
        for (Series s : series) {
            bests.add(bestSoFar(s.observations(), maximise));
            n = Math.max(n, s.observations().length);
        }
        double[] yr = PlotFrame.range(bests.toArray(double[][]::new));
        PlotFrame f = new PlotFrame(widthPx, heightPx, 140, 1, n, yr[0], yr[1]);
        List<Rgb> colors = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            double[] best = bests.get(k);
            double[] evals = new double[best.length];
            for (int i = 0; i < evals.length; i++) {
                evals[i] = i + 1;
            }
            colors.add(Rgb.series(k));
            Segments.draw(c, f, evals, best, Rgb.series(k), 2, "trace");
        }
        f.drawAxes(c, title, "evaluations", "best " + yLabel + " so far");
        f.legend(c, series.stream().map(Series::name).toList(), colors);
    }
}
