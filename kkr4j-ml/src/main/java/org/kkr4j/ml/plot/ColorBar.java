package org.kkr4j.ml.plot;

/** A vertical colour bar with min, middle and max labelled, and a grey swatch for "no value". */
final class ColorBar {
    private static final int STEPS = 64;

    private ColorBar() {
    }

    static void draw(Canvas c, ColorScale scale, double x, double top, double bottom, String label, boolean anyMissing) {
        double h = (bottom - top) / STEPS;
        for (int i = 0; i < STEPS; i++) {
            double v = scale.min() + (scale.max() - scale.min()) * (i + 0.5) / STEPS;
            c.rect(x, bottom - (i + 1) * h, 16, h + 0.5, scale.color(v), null, "colorbar");
        }
        c.rect(x, top, 16, bottom - top, null, Rgb.BLACK, "colorbar-frame");
        for (double t : new double[] {0, 0.5, 1}) {
            double v = scale.min() + t * (scale.max() - scale.min());
            c.text(x + 20, bottom - t * (bottom - top) + 4, PlotFrame.format(v), 10, Canvas.Anchor.START, false,
                    "colorbar-label");
        }
        c.text(x + 8, top - 8, label, 11, Canvas.Anchor.MIDDLE, false, "colorbar-title");
        if (anyMissing) {
            c.rect(x, bottom + 10, 16, 12, Rgb.MISSING, Rgb.BLACK, "colorbar-missing");
            c.text(x + 20, bottom + 20, "no value", 10, Canvas.Anchor.START, false, "colorbar-label");
        }
    }
}
