package org.kkr4j.ml.bo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.kkr4j.ml.gp.Gaussian;

class AcquisitionTest {

    /** Composite Simpson over mean +- 12 std of g(y) times the normal density. */
    private static double integrate(java.util.function.DoubleUnaryOperator g, double mean, double std) {
        int n = 20_000;
        double a = mean - 12 * std;
        double b = mean + 12 * std;
        double h = (b - a) / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double y = a + i * h;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * g.applyAsDouble(y) * Gaussian.pdf((y - mean) / std) / std;
        }
        return s * h / 3;
    }

    @Test
    void expectedImprovementAndProbabilityOfImprovementMatchNumericIntegration() {
        double[][] cases = {{0.3, 1.0, 0.0, 0.0}, {-2.0, 0.5, 0.0, 0.01}, {1.5, 0.2, 1.0, 0.1}, {0.0, 3.0, 2.0, 0.0}};
        for (double[] c : cases) {
            double mean = c[0];
            double std = c[1];
            double best = c[2];
            double xi = c[3];
            double ei = integrate(y -> Math.max(0, y - best - xi), mean, std);
            // the kink at best + xi limits Simpson to about h^2 accuracy: 1e-7 relative is ample
            assertEquals(ei, Acquisition.expectedImprovement(mean, std, best, xi), 1e-7 * Math.max(1, ei));
            double pi = integrate(y -> y > best + xi ? 1 : 0, mean, std);
            // a step function: Simpson's error is of the order of one grid cell's weight, h / std * pdf
            assertEquals(pi, Acquisition.probabilityOfImprovement(mean, std, best, xi), 1e-3);
        }
        assertEquals(0.7, Acquisition.expectedImprovement(1.0, 0.0, 0.3, 0.0), 1e-15);
        assertEquals(0.0, Acquisition.probabilityOfImprovement(0.2, 0.0, 0.3, 0.0), 0);
    }
}
