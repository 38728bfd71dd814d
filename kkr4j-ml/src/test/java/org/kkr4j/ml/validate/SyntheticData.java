package org.kkr4j.ml.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.descriptor.Descriptor;

/**
 * Rows whose first two columns say who they are (row number, group number), so that spies can tell which rows a
 * fit or a prediction touched; the third column carries the signal {@code y = 2 sin(3 s) + noise}.
 */
final class SyntheticData {
    private SyntheticData() {
    }

    static Dataset make(int groups, long seed) {
        Random rnd = new Random(seed);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> gs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int size = 1 + rnd.nextInt(4);
            double s0 = rnd.nextDouble() * 2;
            for (int m = 0; m < size; m++) {
                double s = s0 + 0.05 * rnd.nextGaussian();
                x.add(new double[] {x.size(), g, s});
                y.add(2 * Math.sin(3 * s) + 0.1 * rnd.nextGaussian());
                ids.add("r" + ids.size());
                gs.add("g" + g);
            }
        }
        return new Dataset(List.of(new Descriptor("id", "id", "1"), new Descriptor("group", "id", "1"),
                new Descriptor("s", "signal", "1")), x.toArray(double[][]::new),
                y.stream().mapToDouble(Double::doubleValue).toArray(), new Descriptor("y", "target", "1"), ids, gs);
    }
}
