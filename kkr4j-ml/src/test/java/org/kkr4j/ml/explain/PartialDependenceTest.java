package org.kkr4j.ml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kkr4j.ml.model.FittedRegressor;

class PartialDependenceTest {
    private final double[][] rows = new double[50][3];

    PartialDependenceTest() {
        Random rnd = new Random(6);
        for (double[] r : rows) {
            r[0] = rnd.nextDouble();
            r[1] = rnd.nextGaussian();
            r[2] = rnd.nextInt(3);
        }
    }

    @Test
    void oneDimensionalDependenceOfAnAdditiveModelIsItsOwnTermPlusTheOthersMean() {
        FittedRegressor additive = r -> Math.exp(r[0]) + r[1] * r[1] + 2 * r[2];
        double others = 0;
        for (double[] r : rows) {
            others += (r[1] * r[1] + 2 * r[2]) / rows.length;
        }
        double[] grid = PartialDependence.grid(rows, 0, 7);
        assertThat(grid).hasSize(7);
        assertThat(grid[0]).isEqualTo(java.util.Arrays.stream(rows).mapToDouble(r -> r[0]).min().orElseThrow());
        assertThat(grid[6]).isEqualTo(java.util.Arrays.stream(rows).mapToDouble(r -> r[0]).max().orElseThrow());
        PartialDependence.Curve curve = PartialDependence.oneD(additive, rows, 0, "x0", grid);
        for (int g = 0; g < grid.length; g++) {
            assertThat(curve.values()[g]).isCloseTo(Math.exp(grid[g]) + others, within(1e-12));
        }
        // a column with three distinct values gets exactly those as its grid
        assertThat(PartialDependence.grid(rows, 2, 10)).containsExactly(0, 1, 2);
    }

    @Test
    void twoDimensionalDependenceShowsAProductInteraction() {
        FittedRegressor product = r -> r[0] * r[1] + r[2];
        double meanThird = java.util.Arrays.stream(rows).mapToDouble(r -> r[2]).average().orElseThrow();
        double[] ga = {0, 0.5, 1};
        double[] gb = {-1, 2};
        PartialDependence.Surface s = PartialDependence.twoD(product, rows, 0, "x0", ga, 1, "x1", gb);
        for (int a = 0; a < ga.length; a++) {
            for (int b = 0; b < gb.length; b++) {
                assertThat(s.values()[a][b]).isCloseTo(ga[a] * gb[b] + meanThird, within(1e-12));
            }
        }
    }
}
