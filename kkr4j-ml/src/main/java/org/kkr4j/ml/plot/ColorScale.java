package org.kkr4j.ml.plot;

/**
 * A sequential colour scale from {@code min} to {@code max}: linear interpolation between five anchor colours of
 * the viridis map (dark blue-violet to yellow; perceptually ordered). NaN maps to {@link Rgb#MISSING}; values
 * outside the range are clamped.
 */
public record ColorScale(double min, double max) {
    private static final Rgb[] ANCHORS = {new Rgb(68, 1, 84, 255), new Rgb(59, 82, 139, 255),
            new Rgb(33, 145, 140, 255), new Rgb(94, 201, 98, 255), new Rgb(253, 231, 37, 255)};

    /** The range of the finite values (a unit range around a single value); [0, 1] when there are none. */
    public static ColorScale of(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new ColorScale(0, 1);
        }
        if (lo == hi) {
            return new ColorScale(lo - 0.5, hi + 0.5);
        }
        return new ColorScale(lo, hi);
    }

    public Rgb color(double value) {
        if (Double.isNaN(value)) {
            return Rgb.MISSING;
        }
        double t = Math.max(0, Math.min(1, (value - min) / (max - min)));
        double p = t * (ANCHORS.length - 1);
        int i = Math.min((int) p, ANCHORS.length - 2);
        double f = p - i;
        Rgb a = ANCHORS[i];
        Rgb b = ANCHORS[i + 1];
        return new Rgb((int) Math.round(a.r() + f * (b.r() - a.r())), (int) Math.round(a.g() + f * (b.g() - a.g())),
                (int) Math.round(a.b() + f * (b.b() - a.b())), 255);
    }
}
