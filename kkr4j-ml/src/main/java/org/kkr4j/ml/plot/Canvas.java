package org.kkr4j.ml.plot;

/**
 * What plots draw on, in pixels from the top-left corner. Every primitive carries a role ({@code point},
 * {@code cell}, {@code missing-cell}, {@code bar}, ...): the SVG backend writes it as the element's class, so
 * that tests and style sheets can find the marks; the raster backend ignores it.
 */
public interface Canvas {
    enum Anchor { START, MIDDLE, END }

    /** {@code fill} or {@code stroke} may be null for none. */
    void rect(double x, double y, double w, double h, Rgb fill, Rgb stroke, String role);

    void circle(double cx, double cy, double r, Rgb fill, String role);

    void line(double x1, double y1, double x2, double y2, Rgb stroke, double width, boolean dashed, String role);

    void polyline(double[] xs, double[] ys, Rgb stroke, double width, String role);

    void polygon(double[] xs, double[] ys, Rgb fill, String role);

    /** {@code rotated}: written upwards (a y-axis label). */
    void text(double x, double y, String text, double sizePx, Anchor anchor, boolean rotated, String role);
}
