package org.kkr4j.ml.plot;

/** A plot drawn once onto any {@link Canvas}: the same layout in SVG and PNG. */
public interface Plot {
    void draw(Canvas canvas, int widthPx, int heightPx);
}
