package org.kkr4j.ml.descriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.kkr4j.elements.Element;
import org.kkr4j.elements.Elements;
import org.kkr4j.ml.data.Composition;
import org.kkr4j.ml.data.Structure;

/**
 * How fast a featurizer turns candidates into rows: random quaternaries of the hea-3d elements (Al Ti V Cr Mn Fe
 * Co Ni Cu) on a 1 % grid, fcc or bcc, the kind of candidate set BO and active learning score. For
 * {@code kkr4j bench ml}; not a test.
 */
public final class FeaturizerBenchmark {
    private static final List<String> ELEMENTS = List.of("Al", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu");

    /** @param rowsPerSecond candidates featurized per second (compositions made beforehand, not timed) */
    public record Result(String preset, int candidates, int dimension, double seconds, double rowsPerSecond) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "featurize %-7s %,d candidates x %d descriptors: %.3f s (%,.0f rows/s)",
                    preset, candidates, dimension, seconds, rowsPerSecond);
        }
    }

    private FeaturizerBenchmark() {
    }

    /** Random quaternary compositions on a 1 % grid (each element at least 1 %). */
    public static List<Composition> candidates(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Composition[] out = new Composition[n];
        for (int i = 0; i < n; i++) {
            Map<Element, Double> amounts = new LinkedHashMap<>();
            while (amounts.size() < 4) {
                amounts.putIfAbsent(Elements.bySymbol(ELEMENTS.get(rnd.nextInt(ELEMENTS.size()))), 0.0);
            }
            int left = 100 - 4;
            int k = 0;
            for (Element e : amounts.keySet()) {
                int extra = k == 3 ? left : rnd.nextInt(left + 1);
                left -= extra;
                amounts.put(e, 1.0 + extra);
                k++;
            }
            out[i] = Composition.ofAmounts(amounts);
        }
        return List.of(out);
    }

    public static Result run(String preset, int n, long seed) {
        Featurizer f = Featurizer.preset(preset).withStructures(List.of(Structure.FCC, Structure.BCC));
        List<Composition> cs = candidates(n, seed);
        double checksum = 0;
        // one untimed pass so that the timed one measures compiled code
        for (int i = 0; i < Math.min(n, 20_000); i++) {
            checksum += f.featurize(cs.get(i), i % 2 == 0 ? Structure.FCC : Structure.BCC)[0];
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            checksum += f.featurize(cs.get(i), i % 2 == 0 ? Structure.FCC : Structure.BCC)[0];
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("NaN descriptor");
        }
        return new Result(preset, n, f.dimension(), s, n / s);
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        for (String preset : Featurizer.PRESETS) {
            System.out.println(run(preset, n, 42));
        }
    }
}
