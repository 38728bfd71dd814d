package org.kkr4j.ml.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kkr4j.ml.model.FittedRegressor;

/**
 * Shapley values of a prediction for any model, interventional (Lundberg and Lee 2017; Janzing et al. 2020): the
 * value of a coalition S of players is the mean prediction over background rows b of the row that takes the
 * explained row's values on S's columns and b's elsewhere. Players are single features or descriptor families.
 *
 * <p>Exact: all 2^M coalition values (2^M x |background| predictions), then each player's weighted sum of marginal
 * contributions; practical up to about 12 players with a background of ~50 rows. Sampling (Castro, Gomez and
 * Tejada 2009, with antithetic orderings): random orderings of the players and random background rows; along each
 * ordering the players are switched from the background row to the explained row one at a time, each switch's
 * change of prediction is that player's contribution. Per ordering the contributions sum to f(x) - f(b) exactly.
 */
public final class Shapley {
    /** Above this many players {@link #explain} samples instead of enumerating. */
    public static final int EXACT_LIMIT = 12;
    /** Exact enumeration refuses more players than this (2^20 coalitions). */
    public static final int EXACT_MAX = 20;

    private final FittedRegressor model;
    private final double[][] background;
    private final List<ColumnGroup> players;

    /**
     * @param model      what is explained
     * @param background rows that stand in for absent players (a sample of the training rows, say; >= 1)
     * @param players    features or families; together they should cover every column that varies
     */
    public Shapley(FittedRegressor model, double[][] background, List<ColumnGroup> players) {
        if (background.length == 0) {
            throw new IllegalArgumentException("Shapley values need at least one background row");
        }
        if (players.isEmpty()) {
            throw new IllegalArgumentException("Shapley values need at least one player");
        }
        this.model = model;
        this.background = background.clone();
        this.players = List.copyOf(players);
    }

    /** Exact for up to {@link #EXACT_LIMIT} players, sampled with {@code samples} orderings otherwise. */
    public ShapleyExplanation explain(double[] x, int samples, long seed) {
        return players.size() <= EXACT_LIMIT ? exact(x) : sampled(x, samples, seed);
    }

    public ShapleyExplanation exact(double[] x) {
        int m = players.size();
        if (m > EXACT_MAX) {
            throw new IllegalArgumentException("not supported: exact Shapley values over " + m + " players (at most "
                    + EXACT_MAX + "); use the sampling estimator");
        }
        int coalitions = 1 << m;
        double[] value = new double[coalitions];
        for (int mask = 0; mask < coalitions; mask++) {
            double[][] rows = new double[background.length][];
            for (int b = 0; b < background.length; b++) {
                rows[b] = hybrid(x, background[b], mask);
            }
            double sum = 0;
            for (double p : model.predict(rows)) {
                sum += p;
            }
            value[mask] = sum / background.length;
        }
        // weight of a coalition of size s not containing the player: s! (m - s - 1)! / m!
        double[] weight = new double[m];
        for (int s = 0; s < m; s++) {
            weight[s] = Math.exp(logFactorial(s) + logFactorial(m - s - 1) - logFactorial(m));
        }
        double[] phi = new double[m];
        for (int i = 0; i < m; i++) {
            int bit = 1 << i;
            for (int mask = 0; mask < coalitions; mask++) {
                if ((mask & bit) == 0) {
                    phi[i] += weight[Integer.bitCount(mask)] * (value[mask | bit] - value[mask]);
                }
            }
        }
        return new ShapleyExplanation(names(), phi, new double[m], value[coalitions - 1], value[0], "exact",
                (long) coalitions * background.length);
    }

    /**
     * Permutation sampling: {@code samples} antithetic pairs of orderings (an ordering and its reverse, with one
     * background row), each pair averaged into one sample; standard errors from the spread of the samples.
     */
    public ShapleyExplanation sampled(double[] x, int samples, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("the sampling estimator needs at least 2 samples, got " + samples);
        }
        int m = players.size();
        Random rnd = new Random(seed);
        double[] sum = new double[m];
        double[] sumSq = new double[m];
        double baseSum = 0;
        double prediction = model.predict(x);
        for (int s = 0; s < samples; s++) {
            int[] order = shuffled(m, rnd);
            double[] b = background[rnd.nextInt(background.length)];
            double[] forward = contributions(x, b, order);
            int[] reverse = new int[m];
            for (int k = 0; k < m; k++) {
                reverse[k] = order[m - 1 - k];
            }
            double[] backward = contributions(x, b, reverse);
            for (int i = 0; i < m; i++) {
                double c = (forward[i] + backward[i]) / 2;
                sum[i] += c;
                sumSq[i] += c * c;
            }
            baseSum += prediction - sumOf(forward);
        }
        double[] phi = new double[m];
        double[] se = new double[m];
        for (int i = 0; i < m; i++) {
            phi[i] = sum[i] / samples;
            double var = Math.max(0, (sumSq[i] - samples * phi[i] * phi[i]) / (samples - 1));
            se[i] = Math.sqrt(var / samples);
        }
        return new ShapleyExplanation(names(), phi, se, prediction, baseSum / samples, "sampled",
                1 + (long) samples * 2 * (m + 1));
    }

    /** Mean |Shapley value| per player over many rows: a global importance. */
    public double[] meanAbsolute(double[][] rows, int samples, long seed) {
        double[] out = new double[players.size()];
        for (int r = 0; r < rows.length; r++) {
            double[] v = explain(rows[r], samples, seed + r).values();
            for (int i = 0; i < out.length; i++) {
                out[i] += Math.abs(v[i]) / rows.length;
            }
        }
        return out;
    }

    private double[] contributions(double[] x, double[] b, int[] order) {
        int m = order.length;
        double[][] path = new double[m + 1][];
        path[0] = b.clone();
        for (int k = 0; k < m; k++) {
            path[k + 1] = path[k].clone();
            for (int col : players.get(order[k]).columns()) {
                path[k + 1][col] = x[col];
            }
        }
        double[] p = model.predict(path);
        double[] c = new double[m];
        for (int k = 0; k < m; k++) {
            c[order[k]] = p[k + 1] - p[k];
        }
        return c;
    }

    /** The background row with the explained row's values on the columns of the players in {@code mask}. */
    private double[] hybrid(double[] x, double[] b, int mask) {
        double[] row = b.clone();
        for (int i = 0; i < players.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                for (int col : players.get(i).columns()) {
                    row[col] = x[col];
                }
            }
        }
        return row;
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        players.forEach(p -> out.add(p.name()));
        return out;
    }

    private static int[] shuffled(int m, Random rnd) {
        int[] p = new int[m];
        for (int i = 0; i < m; i++) {
            p[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double sumOf(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int k = 2; k <= n; k++) {
            s += Math.log(k);
        }
        return s;
    }
}
