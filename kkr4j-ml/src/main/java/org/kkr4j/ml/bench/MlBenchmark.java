package org.kkr4j.ml.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.kkr4j.ml.active.ActiveLearner;
import org.kkr4j.ml.active.BootstrapCommittee;
import org.kkr4j.ml.active.StoppingRule;
import org.kkr4j.ml.bo.Acquisition;
import org.kkr4j.ml.bo.CandidateSet;
import org.kkr4j.ml.bo.Direction;
import org.kkr4j.ml.bo.MultiObjectiveAcquisition;
import org.kkr4j.ml.bo.TargetRegion;
import org.kkr4j.ml.gp.GaussianProcessRegressor;
import org.kkr4j.ml.gp.HyperparameterBounds;
import org.kkr4j.ml.gp.KernelType;

/**
 * {@code kkr4j bench ml}: the hea-3d table as a finite oracle. Single objective: |moment per atom| maximised,
 * evaluations to the best and to the top 1 % for random search, GP-EI, GP-UCB, GP-TS and TS on random Fourier
 * features (PHYSBO-style reference). AL: RMSE over the unlabelled pool against labels, GP uncertainty and a
 * bootstrap GP committee against random. Two objectives: |moment| maximised and the lattice energy
 * {@code E(this lattice) - E(other lattice)} minimised (a magnetic alloy in the lattice it prefers), hypervolume,
 * Pareto recall and target-region recall after N evaluations for EHVI and P(target region) against random.
 */
public final class MlBenchmark {

    /**
     * @param seeds         random seeds (paired: one initial design per seed shared by all methods)
     * @param initial       size of the random initial design
     * @param refitInterval labels between hyperparameter fits
     * @param rffFeatures   random features of the PHYSBO-style reference
     * @param alBatch       AL batch size
     * @param largePool     candidates of the speed benchmark (0 to skip it)
     */
    public record Settings(int seeds, int initial, int refitInterval, int rffFeatures, int alBatch, int largePool,
                           long seed) {
        public static Settings defaults() {
            return new Settings(20, 5, 5, 1000, 5, 1_000_000, 20261125L);
        }
    }

    public record Report(HeaTable table, SingleObjectiveBenchmark.Result single, ActiveLearningBenchmark.Result al,
                         MultiObjectiveBenchmark.Result multi, List<LargePoolBenchmark.Row> large,
                         double seconds) {
        public String toTable() {
            return MlBenchmarkTable.format(this);
        }
    }

    private MlBenchmark() {
    }

    static GaussianProcessRegressor gp() {
        return new GaussianProcessRegressor(KernelType.MATERN52, HyperparameterBounds.defaults(), 2, null);
    }

    public static Report run(Path heaCsv, Settings s) {
        return run(heaCsv, s, phase -> { });
    }

    /** The phases {@link #run(Path, Settings, Consumer)} reports, in order (for a progress display). */
    public static final List<String> PHASES = List.of("single-objective search", "active learning",
            "two-objective search", "large pool");

    /** As {@link #run(Path, Settings)}, telling {@code phaseDone} each time one of {@link #PHASES} has ended. */
    public static Report run(Path heaCsv, Settings s, java.util.function.Consumer<String> phaseDone) {
        long t0 = System.nanoTime();
        HeaTable t = HeaTable.read(heaCsv);
        CandidateSet pool = t.pool();
        GaussianProcessRegressor gp = gp();

        Map<String, Supplier<SearchMethod>> so = new LinkedHashMap<>();
        so.put("random", RandomSearch::new);
        so.put("GP-EI", () -> GpSearch.single(gp, Acquisition.ei(), Direction.MAXIMISE, s.refitInterval(), 0));
        so.put("GP-UCB (kappa=2)", () -> GpSearch.single(gp, Acquisition.ucb(2.0), Direction.MAXIMISE,
                s.refitInterval(), 0));
        so.put("GP-TS (exact, joint)", () -> GpSearch.single(gp, Acquisition.thompson(), Direction.MAXIMISE,
                s.refitInterval(), 0));
        so.put("TS, " + s.rffFeatures() + " RFF (PHYSBO-style)", () -> GpSearch.single(gp, Acquisition.thompson(),
                Direction.MAXIMISE, s.refitInterval(), s.rffFeatures()));
        SingleObjectiveBenchmark.Result single = SingleObjectiveBenchmark.run("|moment_per_atom| (muB)", pool,
                t.moment(), Direction.MAXIMISE, so, s.seeds(), s.initial(), pool.size(), s.seed());
        phaseDone.accept(PHASES.get(0));

        int alBudget = Math.min(pool.size(), 60);
        StoppingRule stop = StoppingRule.budget(alBudget);
        Map<String, ActiveLearner> learners = new LinkedHashMap<>();
        learners.put("AL: GP std", new ActiveLearner(gp, ActiveLearner.Strategy.UNCERTAINTY, stop, s.alBatch()));
        learners.put("AL: committee of 5 bootstrap GPs", new ActiveLearner(new BootstrapCommittee(
                gp.withRestarts(0), 5), ActiveLearner.Strategy.UNCERTAINTY, stop, s.alBatch()));
        learners.put("random (GP fitted)", new ActiveLearner(gp, ActiveLearner.Strategy.RANDOM, stop, s.alBatch()));
        int[] checkpoints = {10, 20, 30, 40, 50, 60};
        ActiveLearningBenchmark.Result al = ActiveLearningBenchmark.run("|moment_per_atom|", pool, t.moment(),
                learners, java.util.Arrays.stream(checkpoints).filter(c -> c <= alBudget).toArray(), s.seeds(), 10,
                s.seed());
        phaseDone.accept(PHASES.get(1));

        int[] both = t.withBothLattices();
        MultiObjectiveBenchmark.Result multi = null;
        if (both.length >= 15) {
            CandidateSet sub = new CandidateSet(pool.rows(both), both.length == 0 ? null
                    : java.util.Arrays.stream(both).mapToObj(pool::id).toList());
            double[][] y = new double[both.length][];
            for (int k = 0; k < both.length; k++) {
                y[k] = new double[] {t.moment()[both[k]], t.latticeEnergy()[both[k]]};
            }
            List<Direction> dirs = List.of(Direction.MAXIMISE, Direction.MINIMISE);
            double[] ref = {0.0, 0.0};
            TargetRegion box = new TargetRegion(new double[] {0.7, Double.NEGATIVE_INFINITY},
                    new double[] {Double.POSITIVE_INFINITY, -2.0});
            Map<String, Supplier<SearchMethod>> mo = new LinkedHashMap<>();
            mo.put("random", RandomSearch::new);
            mo.put("EHVI (exact 2-D)", () -> GpSearch.multi(gp,
                    new MultiObjectiveAcquisition.ExpectedHypervolumeImprovement(ref, 1), dirs, s.refitInterval()));
            mo.put("P(target region)", () -> GpSearch.multi(gp,
                    new MultiObjectiveAcquisition.TargetRegionProbability(box), dirs, s.refitInterval()));
            int[] cps = java.util.Arrays.stream(new int[] {10, 15, 20, 30}).filter(c -> c <= both.length).toArray();
            multi = MultiObjectiveBenchmark.run(List.of("|moment_per_atom| (muB)", "E - E_other lattice (mRy)"),
                    sub, y, dirs, ref, box, mo, cps, s.seeds(), s.initial(), s.seed());
        }
        phaseDone.accept(PHASES.get(2));
        List<LargePoolBenchmark.Row> large = s.largePool() > 0
                ? LargePoolBenchmark.run(s.largePool(), 8, 100, 500, s.seed()) : List.of();
        phaseDone.accept(PHASES.get(3));
        return new Report(t, single, al, multi, large, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs with the defaults on the file given and prints the table (for use without the CLI). */
    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        Settings d = Settings.defaults();
        Settings s = args.length > 1 ? new Settings(Integer.parseInt(args[1]), d.initial(), d.refitInterval(),
                d.rffFeatures(), d.alBatch(), args.length > 2 ? Integer.parseInt(args[2]) : d.largePool(), d.seed()) : d;
        System.out.println(run(Path.of(args[0]), s).toTable());
    }
}
