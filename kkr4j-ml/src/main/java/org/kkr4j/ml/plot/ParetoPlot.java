package org.kkr4j.ml.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two objectives: every point, the Pareto front (non-dominated points, highlighted and joined by the staircase that
 * bounds the dominated region) and an optional target box (e.g. Tc ≥ 300 K and ρ0 in [a, b]). Each objective is
 * maximised or minimised as told. Points with a NaN are not drawn and take no part in the front.
 *
 * @param target {xMin, xMax, yMin, yMax} of the target box (infinite bounds are cut at the plot), or null
 */
public record ParetoPlot(String title, String xLabel, String yLabel, double[] x, double[] y, boolean maximiseX,
                         boolean maximiseY, double[] target) implements Plot {
    public ParetoPlot {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values and " + y.length + " y values");
        }
        if (target != null && target.length != 4) {
            throw new IllegalArgumentException("target box: {xMin, xMax, yMin, yMax}");
        }
    }

    private boolean finite(int i) {
        return Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }

    /** Indices of the non-dominated finite points, sorted by x. */
    public int[] front() {
        double sx = maximiseX ? 1 : -1;
        double sy = maximiseY ? 1 : -1;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!finite(i)) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < x.length && !dominated; j++) {
                if (j != i && finite(j)) {
                    double dx = sx * (x[j] - x[i]);
                    double dy = sy * (y[j] - y[i]);
                    dominated = dx >= 0 && dy >= 0 && (dx > 0 || dy > 0);
                }
            }
            if (!dominated) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingDouble(i -> x[i]));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void draw(Canvas c, int widthPx, int heightPx) {
        double[] xr = PlotFrame.range(x);
        double[] yr = PlotFrame.range(y);
        if (target != null) {
            for (int k = 0; k < 2; k++) {
                if (Double.isFinite(target[k])) {
                    xr = new double[] {Math.min(xr[0], target[k]), Math.max(xr[1], target[k])};
                }
                if (Double.isFinite(target[2 + k])) {
                    yr = new double[] {Math.min(yr[0], target[2 + k]), Math.max(yr[1], target[2 + k])};
                }
            }
        }
        PlotFrame f = new PlotFrame(widthPx, heightPx, 20, xr[0], xr[1], yr[0], yr[1]);
        if (target != null) {
            double x0 = f.px(Math.max(target[0], f.xMin));
            double x1 = f.px(Math.min(target[1], f.xMax));
            double y0 = f.py(Math.min(target[3], f.yMax));
            double y1 = f.py(Math.max(target[2], f.yMin));
            c.rect(x0, y0, x1 - x0, y1 - y0, Rgb.series(2).withAlpha(40), Rgb.series(2), "target-box");
        }
        for (int i = 0; i < x.length; i++) {
            if (finite(i)) {
                c.circle(f.px(x[i]), f.py(y[i]), 3, Rgb.GREY.withAlpha(160), "point");
            }
        }
        int[] front = front();
        if (front.length >= 2) {
            List<double[]> stair = new ArrayList<>();
            for (int k = 0; k < front.length; k++) {
                int i = front[k];
                if (k > 0) {
                    int p = front[k - 1];
                    // the corner is where the boxes dominated by the two neighbours meet: below/left of them when x
                    // is maximised (boxes extend to smaller x), right of them when x is minimised
                    stair.add(maximiseX ? new double[] {x[p], y[i]} : new double[] {x[i], y[p]});
                }
                stair.add(new double[] {x[i], y[i]});
            }
            c.polyline(stair.stream().mapToDouble(p -> f.px(p[0])).toArray(),
                    stair.stream().mapToDouble(p -> f.py(p[1])).toArray(), Rgb.series(5), 2, "front");
        }
        for (int i : front) {
            c.circle(f.px(x[i]), f.py(y[i]), 4.5, Rgb.series(5), "front-point");
        }
        f.drawAxes(c, title, xLabel, yLabel);
    }
}
