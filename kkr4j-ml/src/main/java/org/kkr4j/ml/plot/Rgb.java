package org.kkr4j.ml.plot;

/** A colour with opacity; {@code alpha} 0..255. */
public record Rgb(int r, int g, int b, int alpha) {
    public static final Rgb BLACK = new Rgb(0, 0, 0, 255);
    public static final Rgb WHITE = new Rgb(255, 255, 255, 255);
    public static final Rgb GREY = new Rgb(128, 128, 128, 255);
    /** Cells without a value: a light grey that no colour scale here produces. */
    public static final Rgb MISSING = new Rgb(217, 217, 217, 255);
    /** Series colours (Okabe-Ito palette, readable with colour-vision deficiencies). */
    public static final Rgb[] SERIES = {new Rgb(0, 114, 178, 255), new Rgb(230, 159, 0, 255), new Rgb(0, 158, 115, 255),
            new Rgb(204, 121, 167, 255), new Rgb(86, 180, 233, 255), new Rgb(213, 94, 0, 255), new Rgb(240, 228, 66, 255)};

    public Rgb {
        for (int v : new int[] {r, g, b, alpha}) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("colour component out of 0..255: " + v);
            }
        }
    }

    public static Rgb series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    public Rgb withAlpha(int a) {
        return new Rgb(r, g, b, a);
    }

    /** {@code #rrggbb} (opacity separate in SVG). */
    public String hex() {
        return String.format("#%02x%02x%02x", r, g, b);
    }

    public int argb() {
        return alpha << 24 | r << 16 | g << 8 | b;
    }
}
