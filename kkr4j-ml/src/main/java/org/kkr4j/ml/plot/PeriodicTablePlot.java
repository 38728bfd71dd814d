package org.kkr4j.ml.plot;

import java.util.Map;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;

/**
 * Per-element values on the periodic table: each element of the table at (group, period), the lanthanides and
 * actinides in two rows below (La..Lu, Ac..Lr under groups 3..17). Elements with a value are filled on a colour
 * scale (role {@code cell}); a NaN value is {@link Rgb#MISSING} (role {@code missing-cell}); elements without an
 * entry are outlined only (role {@code element}). Every cell shows its symbol.
 */
public record PeriodicTablePlot(String title, Map<Element, Double> values, String valueLabel) implements Plot {
    private static final int COLUMNS = 18;
    /** Periods 1..7, a gap, then lanthanides and actinides. */
    private static final int ROWS = 10;

    public PeriodicTablePlot {
        values = Map.copyOf(values);
    }

    /** Cell {column, row} (0-based) of an element. */
    static int[] position(Element e) {
        if (e.isLanthanide()) {
            return new int[] {2 + e.z() - 57, 8};
        }
        if (e.isActinide()) {
            return new int[] {2 + e.z() - 89, 9};
        }
        return new int[] {e.group().getAsInt() - 1, e.period() - 1};
    }

    /** Pixel rectangle {x, y, w, h} of an element's cell at this size. */
    public double[] cellRect(Element e, int widthPx, int heightPx) {
        double w = (widthPx - 110 - 20) / (double) COLUMNS;
        double h = (heightPx - PlotFrame.TOP - 20) / (double) ROWS;
        int[] p = position(e);
        return new double[] {20 + p[0] * w, PlotFrame.TOP + p[1] * h, w, h};
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        ColorScale scale = ColorScale.of(values.values().stream().mapToDouble(Double::doubleValue).toArray());
        boolean missing = false;
        for (Element e : Elements.all()) {
            double[] r = cellRect(e, widthPx, heightPx);
            Double v = values.get(e);
            if (v == null) {
                c.rect(r[0], r[1], r[2], r[3], null, Rgb.GREY, "element");
            } else {
                missing |= v.isNaN();
                c.rect(r[0], r[1], r[2], r[3], scale.color(v), Rgb.WHITE, v.isNaN() ? "missing-cell" : "cell");
            }
            c.text(r[0] + r[2] / 2, r[1] + r[3] / 2 + 4, e.symbol(), Math.min(11, r[3] * 0.5), Canvas.Anchor.MIDDLE,
                    false, "symbol");
        }
        double barX = widthPx - 90;
        ColorBar.draw(c, scale, barX, PlotFrame.TOP + 20, heightPx - 60, valueLabel, missing);
        c.text((widthPx - 90) / 2.0, 22, title, 15, Canvas.Anchor.MIDDLE, false, "title");
    }
}
