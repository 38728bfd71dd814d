package org.kkr4j.ml.bench;

import java.util.Locale;

/** The benchmark report as Markdown tables (medians and interquartile ranges over seeds). */
final class MlBenchmarkTable {
    private MlBenchmarkTable() {
    }

    static String format(MlBenchmark.Report r) {
        StringBuilder b = new StringBuilder();
        HeaTable t = r.table();
        b.append(f("hea-3d: %d rows read, %d left out (not converged), %d candidates, %d features%n%n",
                t.rowsRead(), t.notConverged(), t.pool().size(), t.features().size()));
        SingleObjectiveBenchmark.Result s = r.single();
        b.append(f("Single objective: %s maximised; %d seeds, %d random initial points (same per seed for all "
                        + "methods); evaluations include the initial design; top 1 %% = %d candidate(s)%n%n",
                s.target(), s.methods().get(0).toBest().length, s.initial(), s.topCount()));
        b.append("| method | evaluations to best: median [IQR] | to top 1 %: median [IQR] | fewer than random "
                + "(seeds) | Wilcoxon p vs random | s per step |\n|---|---|---|---|---|---|\n");
        double[] random = s.methods().get(0).toBest();
        for (SingleObjectiveBenchmark.MethodResult m : s.methods()) {
            int wins = 0;
            for (int i = 0; i < random.length; i++) {
                wins += m.toBest()[i] < random[i] ? 1 : 0;
            }
            boolean isRandom = m == s.methods().get(0);
            b.append(f("| %s | %s | %s | %s | %s | %.3f |%n", m.method(), miq(m.toBest()), miq(m.toTop()),
                    isRandom ? "-" : wins + "/" + random.length,
                    isRandom ? "-" : f("%.2g", Stats.wilcoxonP(m.toBest(), random)), m.secondsPerStep()));
        }
        b.append(f("(random search, analytic: expected evaluations to one given candidate of %d = %.1f)%n%n",
                s.poolSize(), (s.poolSize() + 1) / 2.0));

        ActiveLearningBenchmark.Result a = r.al();
        b.append(f("Active learning: %s, RMSE over the unlabelled candidates, median [IQR] over seeds; %d initial, "
                + "batch %d%n%n", a.target(), a.initial(), a.batch()));
        b.append("| labels |");
        for (ActiveLearningBenchmark.Curve c : a.curves()) {
            b.append(' ').append(c.method()).append(" |");
        }
        b.append("\n|---|");
        b.append("---|".repeat(a.curves().size())).append('\n');
        int[] cps = a.curves().get(0).checkpoints();
        for (int c = 0; c < cps.length; c++) {
            b.append("| ").append(cps[c]).append(" |");
            for (ActiveLearningBenchmark.Curve curve : a.curves()) {
                b.append(' ').append(miq3(curve.rmse()[c])).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');

        MultiObjectiveBenchmark.Result m = r.multi();
        if (m != null) {
            b.append(f("Two objectives: %s max, %s min; pool %d (alloys with both lattices), Pareto front %d, "
                            + "reference (%.3g, %.3g), target region %s x %s: %d members; %d initial%n%n",
                    m.objectives().get(0), m.objectives().get(1), m.poolSize(), m.paretoSize(), m.reference()[0],
                    m.reference()[1], interval(m.region(), 0), interval(m.region(), 1), m.targetSize(), m.initial()));
            b.append("| method | N | HV / HV(pool): median [IQR] | Pareto recall | target recall |\n|---|---|---|---|---|\n");
            for (MultiObjectiveBenchmark.MethodResult mr : m.methods()) {
                for (int c = 0; c < m.checkpoints().length; c++) {
                    b.append(f("| %s | %d | %s | %s | %s |%n", mr.method(), m.checkpoints()[c], miq3(mr.hv()[c]),
                            miq3(mr.paretoRecall()[c]), miq3(mr.targetRecall()[c])));
                }
            }
            b.append('\n');
        }
        if (!r.large().isEmpty()) {
            b.append("Large pool (synthetic, 8 columns): one suggestion\n\n| method | candidates | training | s | "
                    + "heap with pool (MB) | max heap (MB) |\n|---|---|---|---|---|---|\n");
            for (LargePoolBenchmark.Row row : r.large()) {
                b.append(f("| %s | %d | %d | %.2f | %.0f | %.0f |%n", row.method(), row.candidates(), row.training(),
                        row.seconds(), row.heapWithPoolMegabytes(), row.maxHeapMegabytes()));
            }
            b.append('\n');
        }
        b.append(f("total %.0f s%n", r.seconds()));
        return b.toString();
    }

    private static String interval(org.kkr4j.ml.bo.TargetRegion box, int k) {
        return f("[%s, %s]", bound(box.lower()[k]), bound(box.upper()[k]));
    }

    private static String bound(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : f("%.3g", v);
    }

    private static String miq(double[] v) {
        return f("%.1f [%.1f-%.1f]", Stats.median(v), Stats.quantile(v, 0.25), Stats.quantile(v, 0.75));
    }

    private static String miq3(double[] v) {
        return f("%.3f [%.3f-%.3f]", Stats.median(v), Stats.quantile(v, 0.25), Stats.quantile(v, 0.75));
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
