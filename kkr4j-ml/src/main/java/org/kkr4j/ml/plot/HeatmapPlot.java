package org.kkr4j.ml.plot;

import java.util.List;
import java.util.Locale;

/**
 * A matrix of values as coloured cells with row and column labels and a colour bar: group-pair maps (rows and
 * columns = periodic-table groups) or element-pair maps. A NaN cell is drawn in {@link Rgb#MISSING} with the role
 * {@code missing-cell} (no value, not the colour of 0). With {@code annotate} each cell shows its value.
 */
public record HeatmapPlot(String title, String rowTitle, String columnTitle, List<String> rowLabels,
                          List<String> columnLabels, double[][] values, String valueLabel, boolean annotate)
        implements Plot {
    public HeatmapPlot {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (values.length != rowLabels.size()) {
            throw new IllegalArgumentException(values.length + " rows of values for " + rowLabels.size() + " labels");
        }
        for (double[] row : values) {
            if (row.length != columnLabels.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + columnLabels.size()
                        + " column labels");
            }
        }
    }

    public ColorScale scale() {
        return ColorScale.of(java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream).toArray());
    }

    /** Pixel rectangle {x, y, w, h} of cell (row, column) at this size: the same in SVG and PNG. */
    public double[] cellRect(int row, int column, int widthPx, int heightPx) {
        double left = PlotFrame.LEFT;
        double top = PlotFrame.TOP + 10;
        double w = (widthPx - 90 - left) / columnLabels.size();
        double h = (heightPx - PlotFrame.BOTTOM - top) / rowLabels.size();
        return new double[] {left + column * w, top + row * h, w, h};
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        ColorScale scale = scale();
        boolean missing = false;
        for (int r = 0; r < rowLabels.size(); r++) {
            for (int k = 0; k < columnLabels.size(); k++) {
                double[] cell = cellRect(r, k, widthPx, heightPx);
                double v = values[r][k];
                boolean nan = Double.isNaN(v);
                missing |= nan;
                c.rect(cell[0], cell[1], cell[2], cell[3], scale.color(v), Rgb.WHITE, nan ? "missing-cell" : "cell");
                if (annotate && !nan) {
                    c.text(cell[0] + cell[2] / 2, cell[1] + cell[3] / 2 + 4, String.format(Locale.ROOT, "%.3g", v), 10,
                            Canvas.Anchor.MIDDLE, false, "cell-value");
                }
            }
            double[] first = cellRect(r, 0, widthPx, heightPx);
            c.text(first[0] - 6, first[1] + first[3] / 2 + 4, rowLabels.get(r), 11, Canvas.Anchor.END, false,
                    "row-label");
        }
        for (int k = 0; k < columnLabels.size(); k++) {
            double[] last = cellRect(rowLabels.size() - 1, k, widthPx, heightPx);
            c.text(last[0] + last[2] / 2, last[1] + last[3] + 16, columnLabels.get(k), 11, Canvas.Anchor.MIDDLE, false,
                    "column-label");
        }
        double[] topRight = cellRect(0, columnLabels.size() - 1, widthPx, heightPx);
        double[] bottomRight = cellRect(rowLabels.size() - 1, columnLabels.size() - 1, widthPx, heightPx);
        ColorBar.draw(c, scale, topRight[0] + topRight[2] + 16, topRight[1] + 10, bottomRight[1] + bottomRight[3] - 24,
                valueLabel, missing);
        c.text((PlotFrame.LEFT + topRight[0] + topRight[2]) / 2, 22, title, 15, Canvas.Anchor.MIDDLE, false, "title");
        c.text((PlotFrame.LEFT + topRight[0] + topRight[2]) / 2, heightPx - 10, columnTitle, 12, Canvas.Anchor.MIDDLE,
                false, "axis-label");
        c.text(18, heightPx / 2.0, rowTitle, 12, Canvas.Anchor.MIDDLE, true, "axis-label");
    }
}
