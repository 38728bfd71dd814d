package org.kkr4j.automation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where an SCF history is heading, judged on its last {@value #WINDOW} iterations of log10(rms error) and
 * moment.
 *
 * <p>The published test ({@code is_converging}, reference/ewidth.md §3.5 item 4) is kept as
 * {@link #publishedStillImproving}: a straight-line fit of log rms (and of the moment) against the iteration
 * index; still improving when r² of log rms &gt; 0.80, or the mean absolute deviation of log rms from the fit
 * &lt; 5e-4, or (that of the moment &lt; 5e-5 and that of log rms &lt; 6e-3); fewer than 3 points: cannot
 * tell. r² does not depend on standardising either axis, and the deviations are taken in the data's own units
 * (decades, μB), which is what the absolute thresholds can only mean. That test cannot tell a steady descent
 * from a steady climb (both have r² near 1) nor a stuck run from a swinging one, and these call for different
 * actions, so the kind is decided on the numbers as follows (first match):
 * <ol>
 *   <li>{@link Kind#CONVERGED} when the run says so; {@link Kind#TOO_SHORT} with fewer than 3 points;</li>
 *   <li>{@link Kind#DIVERGING}: the fitted line rises by more than {@value #MIN_RISE_DECADES} decades over the
 *       window with r² &gt; 0.5, or the run has climbed back to an rms of order one (median of the last 10
 *       log rms ≥ {@value #LOST_LEVEL}) from at least {@value #LOST_DECADES} decades lower;</li>
 *   <li>{@link Kind#CONVERGING}: the fitted line falls by at least {@value #MIN_DROP_DECADES} decades over the
 *       window and by more than the typical swing around it (interquartile range of the residuals), so the
 *       descent is not an artefact of where a swing was cut;</li>
 *   <li>{@link Kind#OSCILLATING}: the swing around the line (interquartile range of the residuals) is at least
 *       {@value #MIN_SWING_DECADES} decades: most iterations take part in the excursions;</li>
 *   <li>{@link Kind#STAGNATING}: otherwise — a flat line; rare isolated excursions do not change that (they
 *       are reported in the detail with the spike count).</li>
 * </ol>
 *
 * @param kind                    the verdict
 * @param detail                  the numbers behind it, for a log line
 * @param windowIterations        points used
 * @param slopeDecadesPerIteration fitted slope of log10 rms
 * @param rSquared                r² of that fit
 * @param swingDecades            interquartile range of the residuals
 * @param lastLogRms              the last log10 rms (NaN when there is none)
 * @param publishedStillImproving the published test's answer
 */
public record ScfTrend(Kind kind, String detail, int windowIterations, double slopeDecadesPerIteration,
                       double rSquared, double swingDecades, double lastLogRms, boolean publishedStillImproving) {
    public enum Kind { CONVERGED, CONVERGING, STAGNATING, OSCILLATING, DIVERGING, TOO_SHORT }

    /** Iterations judged, as in the published test. */
    public static final int WINDOW = 100;
    static final double MIN_RISE_DECADES = 0.5;
    static final double LOST_LEVEL = -0.5;
    static final double LOST_DECADES = 1.5;
    static final double MIN_DROP_DECADES = 0.3;
    static final double MIN_SWING_DECADES = 0.3;
    /** A point more than this many decades above the line counts as an isolated excursion in the detail. */
    static final double SPIKE_DECADES = 0.5;

    /** True for the kinds where running more iterations with the same settings is worth it. */
    public boolean worthContinuing() {
        return kind == Kind.CONVERGING;
    }

    public static ScfTrend assess(List<IterationRecord> history, boolean converged) {
        int n = history.size();
        double last = n == 0 ? Double.NaN : history.get(n - 1).logRmsError();
        if (converged) {
            return new ScfTrend(Kind.CONVERGED, "converged after " + n + " iterations", Math.min(n, WINDOW), 0, 0, 0,
                    last, true);
        }
        if (n < 3) {
            return new ScfTrend(Kind.TOO_SHORT, n + " iteration(s): too few to tell a trend", n, 0, 0, 0, last,
                    false);
        }
        List<IterationRecord> w = history.subList(Math.max(0, n - WINDOW), n);
        int m = w.size();
        double[] x = new double[m];
        double[] y = new double[m];
        double[] mom = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = w.get(i).iteration();
            y[i] = w.get(i).logRmsError();
            mom[i] = w.get(i).momentMuB();
        }
        Fit err = Fit.of(x, y);
        Fit moment = Fit.of(x, mom);
        boolean published = err.r2 > 0.80 || err.meanAbsDeviation < 5e-4
                || (moment.meanAbsDeviation < 5e-5 && err.meanAbsDeviation < 6e-3);
        double[] res = new double[m];
        int spikes = 0;
        for (int i = 0; i < m; i++) {
            res[i] = y[i] - (err.intercept + err.slope * x[i]);
            if (res[i] > SPIKE_DECADES) {
                spikes++;
            }
        }
        double swing = quantile(res, 0.75) - quantile(res, 0.25);
        double change = err.slope * (x[m - 1] - x[0]);
        double recent = median(Arrays.copyOfRange(y, Math.max(0, m - 10), m));
        double best = history.stream().mapToDouble(IterationRecord::logRmsError).min().orElse(recent);
        String numbers = String.format(Locale.ROOT, "last %d iterations: log10 rms %.3f -> %.3f, fitted change "
                        + "%+.3f decades (r2 %.2f), swing %.3f decades, %d excursion(s) > %.1f decades above the line, "
                        + "best log10 rms %.3f", m, y[0], y[m - 1], change, err.r2, swing, spikes, SPIKE_DECADES,
                best);
        Kind kind;
        String why;
        if ((change > MIN_RISE_DECADES && err.r2 > 0.5) || (recent >= LOST_LEVEL && best <= recent - LOST_DECADES)) {
            kind = Kind.DIVERGING;
            why = change > MIN_RISE_DECADES && err.r2 > 0.5 ? "the rms error grows steadily"
                    : "the rms error has climbed back to order one from far lower";
        } else if (change <= -MIN_DROP_DECADES && -change > swing) {
            kind = Kind.CONVERGING;
            why = "the rms error falls faster than it swings";
        } else if (swing >= MIN_SWING_DECADES) {
            kind = Kind.OSCILLATING;
            why = "the rms error swings without a net descent";
        } else {
            kind = Kind.STAGNATING;
            why = spikes > 0 ? "the rms error stays flat apart from isolated excursions" : "the rms error stays flat";
        }
        return new ScfTrend(kind, why + "; " + numbers, m, err.slope, err.r2, swing, last, published);
    }

    private record Fit(double slope, double intercept, double r2, double meanAbsDeviation) {
        static Fit of(double[] x, double[] y) {
            int n = x.length;
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += x[i];
                my += y[i];
            }
            mx /= n;
            my /= n;
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            for (int i = 0; i < n; i++) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
                syy += (y[i] - my) * (y[i] - my);
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            double intercept = my - slope * mx;
            double r2 = syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
            double mad = 0;
            for (int i = 0; i < n; i++) {
                mad += Math.abs(y[i] - (intercept + slope * x[i]));
            }
            return new Fit(slope, intercept, r2, mad / n);
        }
    }

    static double median(double[] v) {
        return quantile(v, 0.5);
    }

    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
