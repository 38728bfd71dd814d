package org.kkr4j.ml.plot;

import java.util.Locale;

/**
 * Predicted against observed values with the line y = x and R² = 1 − Σ(y−ŷ)²/Σ(y−ȳ)² in the title. Pairs with a
 * NaN are not drawn and not counted (the title says how many were left out).
 */
public record ParityPlot(String title, String quantity, double[] observed, double[] predicted) implements Plot {
    public ParityPlot {
        if (observed.length != predicted.length) {
            throw new IllegalArgumentException(observed.length + " observed and " + predicted.length + " predicted");
        }
    }

    /** R² over the finite pairs; NaN when fewer than two or the observed values are constant. */
    public double rSquared() {
        double mean = 0;
        int n = 0;
        for (int i = 0; i < observed.length; i++) {
            if (Double.isFinite(observed[i]) && Double.isFinite(predicted[i])) {
                mean += observed[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        mean /= n;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < observed.length; i++) {
            if (Double.isFinite(observed[i]) && Double.isFinite(predicted[i])) {
                res += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
                tot += (observed[i] - mean) * (observed[i] - mean);
            }
        }
        return tot == 0 ? Double.NaN : 1 - res / tot;
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        double[] r = PlotFrame.range(observed, predicted);
        PlotFrame f = new PlotFrame(widthPx, heightPx, 20, r[0], r[1], r[0], r[1]);
        double lo = Math.min(f.xMin, f.yMin);
        double hi = Math.max(f.xMax, f.yMax);
        c.line(f.px(lo), f.py(lo), f.px(hi), f.py(hi), Rgb.GREY, 1.5, true, "identity");
        int missing = 0;
        for (int i = 0; i < observed.length; i++) {
            if (Double.isFinite(observed[i]) && Double.isFinite(predicted[i])) {
                c.circle(f.px(observed[i]), f.py(predicted[i]), 3.5, Rgb.series(0).withAlpha(200), "point");
            } else {
                missing++;
            }
        }
        String full = String.format(Locale.ROOT, "%s (R² = %.3f%s)", title, rSquared(),
                missing == 0 ? "" : ", " + missing + " pairs with NaN not drawn");
        f.drawAxes(c, full, "observed " + quantity, "predicted " + quantity);
    }
}
