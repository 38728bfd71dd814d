package org.kkr4j.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RegressorsTest {

    /** Columns on very different scales, so that forgetting to standardise would change the neighbours. */
    private static double[][] randomRows(Random rnd, int n) {
        double[][] x = new double[n][3];
        for (double[] row : x) {
            row[0] = rnd.nextDouble();
            row[1] = 1000 * rnd.nextGaussian();
            row[2] = 5 + 0.01 * rnd.nextDouble();
        }
        return x;
    }

    /** Brute force: standardise with the training rows, sort all training rows by distance, average k. */
    private static double bruteForceKnn(double[][] x, double[] y, double[] q, int k, boolean manhattan) {
        int d = q.length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            final int c = j;
            mean[j] = Arrays.stream(x).mapToDouble(r -> r[c]).average().orElseThrow();
            sd[j] = Math.sqrt(Arrays.stream(x).mapToDouble(r -> (r[c] - mean[c]) * (r[c] - mean[c])).average()
                    .orElseThrow());
        }
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        double[] dist = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = (x[i][j] - q[j]) / sd[j];
                s += manhattan ? Math.abs(diff) : diff * diff;
            }
            dist[i] = s;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> dist[i]));
        double sum = 0;
        for (int m = 0; m < k; m++) {
            sum += y[order[m]];
        }
        return sum / k;
    }

    @Test
    void knnAveragesTheKNearestTrainingRowsInStandardisedSpace() {
        Random rnd = new Random(11);
        double[][] x = randomRows(rnd, 60);
        double[] y = Arrays.stream(x).mapToDouble(r -> Math.sin(6 * r[0]) + r[1] / 1000 + rnd.nextGaussian() * 0.1)
                .toArray();
        double[][] queries = randomRows(rnd, 15);
        for (KnnDistance distance : KnnDistance.values()) {
            for (int k : new int[] {1, 3, 7}) {
                FittedRegressor fitted = new KNearestNeighbours(k, distance).fit(x, y, 0);
                double[] batch = fitted.predict(queries);
                for (int q = 0; q < queries.length; q++) {
                    double expected = bruteForceKnn(x, y, queries[q], k, distance == KnnDistance.MANHATTAN);
                    assertThat(fitted.predict(queries[q])).as("%s k=%d query %d", distance, k, q)
                            .isCloseTo(expected, within(1e-9));
                    assertThat(batch[q]).isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    @Test
    void knnWithMoreNeighboursThanRowsPredictsTheMean() {
        double[][] x = {{0}, {1}, {2}};
        double[] y = {1, 2, 6};
        assertThat(new KNearestNeighbours(10, KnnDistance.EUCLIDEAN).fit(x, y, 0).predict(new double[] {7}))
                .isCloseTo(3.0, within(1e-12));
    }

    @Test
    void meanRegressorPredictsTheTrainingMean() {
        assertThat(new MeanRegressor().fit(new double[][] {{1}, {2}}, new double[] {1, 4}, 0)
                .predict(new double[] {100})).isEqualTo(2.5);
    }

    @Test
    void ridgeSatisfiesItsNormalEquationsAndRecoversAnExactLinearLaw() {
        Random rnd = new Random(3);
        double[][] x = randomRows(rnd, 40);
        double[] y = Arrays.stream(x).mapToDouble(r -> 1 + 2 * r[0] - 0.003 * r[1] + 40 * r[2]).toArray();
        LinearModel nearlyOls = new Ridge(1e-12).fit(x, y, 0);
        assertThat(nearlyOls.coefficients()[0]).isCloseTo(2, within(1e-5));
        assertThat(nearlyOls.coefficients()[1]).isCloseTo(-0.003, within(1e-9));
        assertThat(nearlyOls.coefficients()[2]).isCloseTo(40, within(1e-2));

        double[] noisy = Arrays.stream(y).map(v -> v + rnd.nextGaussian()).toArray();
        double lambda = 0.3;
        LinearModel ridge = new Ridge(lambda).fit(x, noisy, 0);
        // stationarity, written in standardised columns z: (1/n) z_j'r = lambda * beta_std_j and sum r = 0
        Standardiser s = Standardiser.of(x);
        double[] r = IntStream.range(0, x.length).mapToDouble(i -> noisy[i] - ridge.predict(x[i])).toArray();
        assertThat(Arrays.stream(r).sum()).isCloseTo(0, within(1e-9));
        for (int j = 0; j < 3; j++) {
            double g = 0;
            for (int i = 0; i < x.length; i++) {
                g += (x[i][j] - s.means()[j]) / s.scales()[j] * r[i] / x.length;
            }
            assertThat(g).isCloseTo(lambda * ridge.coefficients()[j] * s.scales()[j], within(1e-9));
        }
    }

    @Test
    void lassoIsSoftThresholdingOnAnOrthonormalDesign() {
        // columns with mean 0, population sd 1 and orthogonal: beta_j = S(z_j'y/n, lambda) exactly
        double[][] x = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        double[] y = {3, 1, 0.5, -0.5};
        double lambda = 0.4;
        LinearModel m = new Lasso(lambda).fit(x, y, 0);
        double c0 = (3 + 1 - 0.5 + 0.5) / 4.0;
        double c1 = (3 - 1 + 0.5 + 0.5) / 4.0;
        assertThat(m.coefficients()[0]).isCloseTo(c0 - lambda, within(1e-9));
        assertThat(m.coefficients()[1]).isCloseTo(c1 - lambda, within(1e-9));
        assertThat(m.intercept()).isCloseTo(1.0, within(1e-9));
        LinearModel zero = new Lasso(Math.max(c0, c1)).fit(x, y, 0);
        assertThat(zero.coefficients()).containsExactly(0.0, 0.0);
    }

    @Test
    void lassoSatisfiesItsOptimalityConditionsOnCorrelatedColumns() {
        Random rnd = new Random(5);
        int n = 50;
        double[][] x = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextGaussian();
            x[i] = new double[] {a, a + 0.1 * rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            y[i] = 2 * a - x[i][2] + 0.2 * rnd.nextGaussian();
        }
        double lambdaMax = Lasso.lambdaMax(x, y);
        assertThat(new Lasso(lambdaMax).fit(x, y, 0).coefficients()).containsOnly(0.0);
        for (double lambda : new double[] {0.01, 0.1, 0.5 * lambdaMax}) {
            LinearModel m = new Lasso(lambda).fit(x, y, 0);
            Standardiser s = Standardiser.of(x);
            double[] r = IntStream.range(0, n).mapToDouble(i -> y[i] - m.predict(x[i])).toArray();
            boolean anyNonZero = false;
            for (int j = 0; j < 4; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += (x[i][j] - s.means()[j]) / s.scales()[j] * r[i] / n;
                }
                double b = m.coefficients()[j];
                if (b != 0) {
                    anyNonZero = true;
                    // the stopping rule allows steps of 1e-6 target sd (about 2 here) in the fitted values
                    assertThat(g).as("lambda %s column %d", lambda, j).isCloseTo(lambda * Math.signum(b),
                            within(1e-5));
                } else {
                    assertThat(Math.abs(g)).isLessThanOrEqualTo(lambda + 1e-5);
                }
            }
            assertThat(anyNonZero).isTrue();
        }
    }

    @Test
    void lassoConvergesOnExactlyCollinearColumns() {
        // three fractions that sum to one plus their weighted mean: as collinear as composition descriptors get
        Random rnd = new Random(9);
        int n = 60;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = rnd.nextDouble();
            double b = rnd.nextDouble() * (1 - a);
            double c = 1 - a - b;
            x[i] = new double[] {a, b, c, 3 * a + 5 * b + 8 * c};
            y[i] = 2 * a - b + 0.05 * rnd.nextGaussian();
        }
        // the bottom of a usual lambda grid (1e-3 lambda_max); the coefficients are not unique here, but the
        // optimality conditions hold for every solution
        double lambda = 1e-3 * Lasso.lambdaMax(x, y);
        LinearModel m = new Lasso(lambda).fit(x, y, 0);
        Standardiser s = Standardiser.of(x);
        double[] r = IntStream.range(0, n).mapToDouble(i -> y[i] - m.predict(x[i])).toArray();
        for (int j = 0; j < 4; j++) {
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += (x[i][j] - s.means()[j]) / s.scales()[j] * r[i] / n;
            }
            double b = m.coefficients()[j];
            if (b != 0) {
                assertThat(g).isCloseTo(lambda * Math.signum(b), within(1e-5));
            } else {
                assertThat(Math.abs(g)).isLessThanOrEqualTo(lambda + 1e-5);
            }
        }
    }

    @Test
    void treeEnsemblesFitAStepRepeatablyAndStayWithinTheTargetRange() {
        Random rnd = new Random(8);
        int n = 120;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
            y[i] = (x[i][0] > 0.5 ? 1 : 0) + 0.05 * rnd.nextGaussian();
        }
        double min = Arrays.stream(y).min().orElseThrow();
        double max = Arrays.stream(y).max().orElseThrow();
        for (Regressor ensemble : new Regressor[] {RandomForest.of(30), new ExtraTrees(30, 8, 2)}) {
            FittedRegressor a = ensemble.fit(x, y, 42);
            double[] pa = a.predict(x);
            assertThat(ensemble.fit(x, y, 42).predict(x)).as("same seed").containsExactly(pa);
            double sse = 0;
            double sst = 0;
            double mean = Arrays.stream(y).average().orElseThrow();
            for (int i = 0; i < n; i++) {
                assertThat(pa[i]).isBetween(min, max);
                sse += (pa[i] - y[i]) * (pa[i] - y[i]);
                sst += (mean - y[i]) * (mean - y[i]);
            }
            // the step explains ~99 % of the variance (noise sd 0.05 against a step of 1): a fitted ensemble
            // must explain far more than a tenth of it
            assertThat(sse).as(ensemble.describe()).isLessThan(0.1 * sst);
            assertThat(a.predict(new double[] {0.9, 0.5})).isGreaterThan(0.8);
            assertThat(a.predict(new double[] {0.1, 0.5})).isLessThan(0.2);
        }
    }

    @Test
    void badTrainingInputIsRefused() {
        assertThatThrownBy(() -> new Ridge(1).fit(new double[][] {{1}, {2}}, new double[] {1, Double.NaN}, 0))
                .hasMessageContaining("target of training row 1 is NaN");
        assertThatThrownBy(() -> new KNearestNeighbours(0, KnnDistance.EUCLIDEAN))
                .hasMessageContaining("k >= 1");
        assertThatThrownBy(() -> new MeanRegressor().fit(new double[0][], new double[0], 0))
                .hasMessageContaining("no training rows");
    }
}
