package org.kkr4j.ml.plot;

import java.util.List;

/**
 * Horizontal bars of importance (e.g. permutation importance per descriptor or family) with error bars
 * (value ± error), in the order given (sort before if wanted). A NaN value draws no bar and says "n/a".
 */
public record ImportancePlot(String title, String valueLabel, List<String> names, double[] values, double[] errors)
        implements Plot {
    public ImportancePlot {
        names = List.copyOf(names);
        if (names.size() != values.length || values.length != errors.length) {
            throw new IllegalArgumentException("names, values and errors differ in length");
        }
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                double e = Double.isFinite(errors[i]) ? Math.abs(errors[i]) : 0;
                lo = Math.min(lo, values[i] - e);
                hi = Math.max(hi, values[i] + e);
            }
        }
        // room on the left for the longest name (about 6.5 px per character at 11 px)
        double leftMargin = 16 + 6.5 * names.stream().mapToInt(String::length).max().orElse(0);
        PlotFrame f = new PlotFrame(widthPx, heightPx, leftMargin, 20, lo, hi == lo ? lo + 1 : hi, 0, 1);
        double band = (f.bottom - f.top) / Math.max(1, names.size());
        for (int i = 0; i < names.size(); i++) {
            double yc = f.top + band * (i + 0.5);
            c.text(f.left - 6, yc + 4, names.get(i), 11, Canvas.Anchor.END, false, "bar-label");
            if (!Double.isFinite(values[i])) {
                c.text(f.px(0) + 4, yc + 4, "n/a", 11, Canvas.Anchor.START, false, "missing-bar");
                continue;
            }
            double x0 = Math.min(f.px(0), f.px(values[i]));
            double x1 = Math.max(f.px(0), f.px(values[i]));
            c.rect(x0, yc - band * 0.35, x1 - x0, band * 0.7, Rgb.series(0), null, "bar");
            if (Double.isFinite(errors[i]) && errors[i] != 0) {
                double e = Math.abs(errors[i]);
                double a = f.px(values[i] - e);
                double b = f.px(values[i] + e);
                c.line(a, yc, b, yc, Rgb.BLACK, 1.5, false, "error-bar");
                c.line(a, yc - band * 0.2, a, yc + band * 0.2, Rgb.BLACK, 1.5, false, "error-bar-cap");
                c.line(b, yc - band * 0.2, b, yc + band * 0.2, Rgb.BLACK, 1.5, false, "error-bar-cap");
            }
        }
        c.rect(f.left, f.top, f.right - f.left, f.bottom - f.top, null, Rgb.BLACK, "frame");
        c.line(f.px(0), f.top, f.px(0), f.bottom, Rgb.GREY, 1, false, "zero");
        for (double t : PlotFrame.ticks(f.xMin, f.xMax)) {
            c.line(f.px(t), f.bottom, f.px(t), f.bottom + 5, Rgb.BLACK, 1, false, "tick");
            c.text(f.px(t), f.bottom + 18, PlotFrame.format(t), 11, Canvas.Anchor.MIDDLE, false, "tick-label");
        }
        f.drawLabels(c, title, valueLabel, "");
    }
}
