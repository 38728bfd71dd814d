package org.kkr4j.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.Dataset;
import org.kkr4j.ml.descriptor.Descriptor;
import org.kkr4j.ml.model.KNearestNeighbours;
import org.kkr4j.ml.model.KnnDistance;
import org.kkr4j.ml.model.Ridge;
import org.kkr4j.ml.validate.CrossValidation;
import org.kkr4j.ml.validate.Metric;

class PermutationImportanceTest {

    /**
     * y = 3 planted + 1 weak + noise (sd 0.3); four pure-noise columns; a near copy of the planted column in the
     * same family. Rows come in groups of 2 sharing nothing but the group label.
     */
    private static Dataset planted(long seed) {
        Random rnd = new Random(seed);
        int n = 160;
        double[][] x = new double[n][7];
        double[] y = new double[n];
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double planted = rnd.nextGaussian();
            double weak = rnd.nextGaussian();
            x[i] = new double[] {planted, weak, rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(),
                    rnd.nextGaussian(), planted + 0.05 * rnd.nextGaussian()};
            y[i] = 3 * planted + weak + 0.3 * rnd.nextGaussian();
            ids.add("r" + i);
            groups.add("g" + i / 2);
        }
        List<Descriptor> features = List.of(new Descriptor("planted", "signal", "1"),
                new Descriptor("weak", "weak", "1"), new Descriptor("noise1", "noise", "1"),
                new Descriptor("noise2", "noise", "1"), new Descriptor("noise3", "noise", "1"),
                new Descriptor("noise4", "noise", "1"), new Descriptor("plantedCopy", "signal", "1"));
        return new Dataset(features, x, y, new Descriptor("y", "target", "1"), ids, groups);
    }

    @Test
    void recoversThePlantedFeatureAndRanksNoiseLow() throws Exception {
        Dataset data = planted(21).columns(new int[] {0, 1, 2, 3, 4, 5});
        PermutationImportance pi = new PermutationImportance(new CrossValidation(5, 4, 7), 5, Metric.MAE);

        ImportanceResult ridge = pi.ofFeatures(new Ridge(0.01), data);
        assertThat(ridge.rankOf("planted")).isEqualTo(0);
        assertThat(ridge.rankOf("weak")).isEqualTo(1);
        Importance planted = ridge.importances().get(0);
        Importance weak = ridge.importances().get(1);
        assertThat(planted.increase().low()).isGreaterThan(0);
        assertThat(weak.increase().low()).isGreaterThan(0);
        for (Importance noise : ridge.importances().subList(2, 6)) {
            // a noise column's whole interval lies below the weak (and so the planted) column's interval
            assertThat(noise.increase().high()).as(noise.name()).isLessThan(weak.increase().low());
        }

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readValue(json.writeValueAsString(ridge), ImportanceResult.class)).isEqualTo(ridge);

        ImportanceResult knn = pi.ofFeatures(new KNearestNeighbours(5, KnnDistance.EUCLIDEAN), data);
        assertThat(knn.rankOf("planted")).isEqualTo(0);
        Importance kPlanted = knn.importances().get(0);
        assertThat(kPlanted.increase().low()).isGreaterThan(0);
        for (String noise : List.of("noise1", "noise2", "noise3", "noise4")) {
            Importance imp = knn.importances().get(knn.rankOf(noise));
            assertThat(imp.increase().high()).as(noise).isLessThan(kPlanted.increase().low());
            assertThat(knn.rankOf(noise)).isGreaterThan(knn.rankOf("weak"));
        }
    }

    @Test
    void familyShufflingCreditsCorrelatedCopiesTogether() {
        Dataset data = planted(22);
        PermutationImportance pi = new PermutationImportance(new CrossValidation(5, 3, 8), 4, Metric.RMSE);
        var knn = new KNearestNeighbours(5, KnnDistance.EUCLIDEAN);
        ImportanceResult single = pi.ofFeatures(knn, data);
        ImportanceResult families = pi.ofFamilies(knn, data);
        assertThat(families.rankOf("signal")).isEqualTo(0);
        assertThat(families.importances()).extracting(Importance::name)
                .containsExactlyInAnyOrder("signal", "weak", "noise");
        double bothCopies = families.importances().get(0).increase().mean();
        double planted = single.importances().get(single.rankOf("planted")).increase().mean();
        double copy = single.importances().get(single.rankOf("plantedCopy")).increase().mean();
        // shuffling one copy leaves the other to carry the signal; shuffling the family removes it
        assertThat(bothCopies).isGreaterThan(Math.max(planted, copy));
        // the unshuffled baseline is the plain CV metric of the same folds
        assertThat(families.baseline().mean()).isEqualTo(
                new CrossValidation(5, 3, 8).run(knn, data).rmse().mean(), org.assertj.core.api.Assertions.within(
                        1e-12));
    }
}
