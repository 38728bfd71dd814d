package org.kkr4j.ml.plot;

import java.util.ArrayList;
import java.util.List;

/** Polylines through finite points; a NaN ends one piece (a gap, never a drop to 0). */
final class Segments {
    private Segments() {
    }

    static void draw(Canvas c, PlotFrame f, double[] x, double[] y, Rgb color, double width, String role) {
        List<double[]> piece = new ArrayList<>();
        for (int i = 0; i <= x.length; i++) {
            boolean ok = i < x.length && Double.isFinite(x[i]) && Double.isFinite(y[i]);
            if (ok) {
                piece.add(new double[] {f.px(x[i]), f.py(y[i])});
            } else {
                if (piece.size() >= 2) {
                    c.polyline(piece.stream().mapToDouble(p -> p[0]).toArray(),
                            piece.stream().mapToDouble(p -> p[1]).toArray(), color, width, role);
                }
                piece.clear();
            }
        }
    }
}
