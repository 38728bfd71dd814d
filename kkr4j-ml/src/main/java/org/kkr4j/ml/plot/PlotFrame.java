package org.kkr4j.ml.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rectangle of an x-y plot inside the picture, the linear map from data to pixels, and the axes (frame, ticks
 * at 1-2-5 steps, labels, title). {@code rightMarginPx} leaves room for a legend or colour bar.
 */
final class PlotFrame {
    static final double LEFT = 72;
    static final double TOP = 36;
    static final double BOTTOM = 52;
    final double left;
    final double top;
    final double right;
    final double bottom;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;

    PlotFrame(int widthPx, int heightPx, double rightMarginPx, double xMin, double xMax, double yMin, double yMax) {
        this(widthPx, heightPx, LEFT, rightMarginPx, xMin, xMax, yMin, yMax);
    }

    PlotFrame(int widthPx, int heightPx, double leftMarginPx, double rightMarginPx, double xMin, double xMax,
              double yMin, double yMax) {
        this.left = leftMarginPx;
        this.top = TOP;
        this.right = widthPx - rightMarginPx;
        this.bottom = heightPx - BOTTOM;
        double[] x = padded(xMin, xMax);
        double[] y = padded(yMin, yMax);
        this.xMin = x[0];
        this.xMax = x[1];
        this.yMin = y[0];
        this.yMax = y[1];
    }

    /** 4 % of the span on each side so that marks do not sit on the frame; a unit span around a single value. */
    static double[] padded(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        double pad = 0.04 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * (right - left);
    }

    double py(double y) {
        return bottom - (y - yMin) / (yMax - yMin) * (bottom - top);
    }

    void drawAxes(Canvas c, String title, String xLabel, String yLabel) {
        c.rect(left, top, right - left, bottom - top, null, Rgb.BLACK, "frame");
        for (double t : ticks(xMin, xMax)) {
            c.line(px(t), bottom, px(t), bottom + 5, Rgb.BLACK, 1, false, "tick");
            c.text(px(t), bottom + 18, format(t), 11, Canvas.Anchor.MIDDLE, false, "tick-label");
        }
        for (double t : ticks(yMin, yMax)) {
            c.line(left - 5, py(t), left, py(t), Rgb.BLACK, 1, false, "tick");
            c.text(left - 8, py(t) + 4, format(t), 11, Canvas.Anchor.END, false, "tick-label");
        }
        drawLabels(c, title, xLabel, yLabel);
    }

    void drawLabels(Canvas c, String title, String xLabel, String yLabel) {
        c.text((left + right) / 2, 22, title, 15, Canvas.Anchor.MIDDLE, false, "title");
        c.text((left + right) / 2, bottom + 40, xLabel, 12, Canvas.Anchor.MIDDLE, false, "axis-label");
        c.text(18, (top + bottom) / 2, yLabel, 12, Canvas.Anchor.MIDDLE, true, "axis-label");
    }

    /** Tick values at a 1, 2 or 5 × 10^k step giving about five ticks inside [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) {
            out.add(Math.abs(t) < 1e-12 * step ? 0.0 : t);
        }
        return out;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "")
                : String.format(Locale.ROOT, "%.2e", v);
    }

    /** A legend of coloured lines with names, at the top right inside the right margin. */
    void legend(Canvas c, List<String> names, List<Rgb> colors) {
        for (int i = 0; i < names.size(); i++) {
            double y = top + 12 + 18 * i;
            c.line(right + 10, y, right + 30, y, colors.get(i), 3, false, "legend");
            c.text(right + 34, y + 4, names.get(i), 11, Canvas.Anchor.START, false, "legend");
        }
    }

    static double[] range(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }
}
