package org.kkr4j.ml.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Score against training-set size (or evaluations): per series the mean as a line and a band between lower and
 * upper (e.g. mean ± standard deviation over seeds, or quantiles). Points with a NaN mean break the line; a NaN
 * bound leaves that point out of the band.
 */
public record LearningCurvePlot(String title, String xLabel, String yLabel, List<Series> series) implements Plot {
    public record Series(String name, double[] x, double[] mean, double[] lower, double[] upper) {
        public Series {
            if (x.length != mean.length || x.length != lower.length || x.length != upper.length) {
                throw new IllegalArgumentException(name + ": x, mean, lower and upper differ in length");
            }
        }
    }

    public LearningCurvePlot {
        series = List.copyOf(series);
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Series s : series) {
            xs.add(s.x());
            ys.add(s.mean());
            ys.add(s.lower());
            ys.add(s.upper());
        }
        double[] xr = PlotFrame.range(xs.toArray(double[][]::new));
        double[] yr = PlotFrame.range(ys.toArray(double[][]::new));
        PlotFrame f = new PlotFrame(widthPx, heightPx, 140, xr[0], xr[1], yr[0], yr[1]);
        List<Rgb> colors = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            Rgb color = Rgb.series(k);
            colors.add(color);
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            List<Double> back = new ArrayList<>();
            List<Double> backX = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.lower()[i]) && Double.isFinite(s.upper()[i]) && Double.isFinite(s.x()[i])) {
                    bx.add(f.px(s.x()[i]));
                    by.add(f.py(s.upper()[i]));
                    backX.add(0, f.px(s.x()[i]));
                    back.add(0, f.py(s.lower()[i]));
                }
            }
            if (bx.size() >= 2) {
                bx.addAll(backX);
                by.addAll(back);
                c.polygon(bx.stream().mapToDouble(Double::doubleValue).toArray(),
                        by.stream().mapToDouble(Double::doubleValue).toArray(), color.withAlpha(60), "band");
            }
            Segments.draw(c, f, s.x(), s.mean(), color, 2, "mean");
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.mean()[i]) && Double.isFinite(s.x()[i])) {
                    c.circle(f.px(s.x()[i]), f.py(s.mean()[i]), 3, color, "point");
                }
            }
        }
        f.drawAxes(c, title, xLabel, yLabel);
        f.legend(c, series.stream().map(Series::name).toList(), colors);
    }
}
