package org.kkr4j.ml.model;

/**
 * Lasso regression by cyclic coordinate descent. On columns standardised with the training rows, it minimises
 * {@code (1/2n) |y - b0 - X beta|^2 + lambda |beta|_1} (intercept not penalised). Each coordinate step is the exact
 * minimiser along that coordinate (soft thresholding); sweeps stop when no step changes the fitted values by more
 * than {@code 1e-6} times the target's standard deviation in root-mean-square (the largest
 * {@code sqrt(mean(z_j^2)) |delta beta_j|}), a criterion in the spirit of glmnet's that stays reachable when
 * descriptors are collinear (fractions that sum to one, means that are linear in them), where the coefficients
 * converge slowly but the predictions do not.
 *
 * @param lambda penalty, >= 0; at or above {@link #lambdaMax} every coefficient is zero
 */
public record Lasso(double lambda) implements Regressor {
    private static final int MAX_SWEEPS = 100_000;

    public Lasso {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lasso needs a finite lambda >= 0, got " + lambda);
        }
    }

    /** The smallest lambda at which all coefficients vanish: {@code max_j |x_j'(y - mean y)| / n}, standardised. */
    public static double lambdaMax(double[][] x, double[] y) {
        Shapes.check(x, y);
        double[][] z = Standardiser.of(x).apply(x);
        double yMean = Shapes.mean(y);
        double max = 0;
        for (int j = 0; j < z[0].length; j++) {
            double c = 0;
            for (int i = 0; i < z.length; i++) {
                c += z[i][j] * (y[i] - yMean);
            }
            max = Math.max(max, Math.abs(c) / z.length);
        }
        return max;
    }

    @Override
    public String describe() {
        return "lasso(lambda=" + lambda + ", standardised)";
    }

    @Override
    public LinearModel fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        Standardiser s = Standardiser.of(x);
        double[][] z = s.apply(x);
        int n = z.length;
        int d = s.dimension();
        double yMean = Shapes.mean(y);
        double[] residual = new double[n];
        double ySd = 0;
        for (int i = 0; i < n; i++) {
            residual[i] = y[i] - yMean;
            ySd += residual[i] * residual[i];
        }
        ySd = Math.sqrt(ySd / n);
        double[] colNorm = new double[d];
        for (int j = 0; j < d; j++) {
            for (double[] row : z) {
                colNorm[j] += row[j] * row[j] / n;
            }
        }
        double[] beta = new double[d];
        double tolerance = 1e-6 * Math.max(ySd, Double.MIN_NORMAL);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double largestStep = 0;
            for (int j = 0; j < d; j++) {
                if (colNorm[j] == 0) {
                    continue; // a constant column: its coefficient stays 0
                }
                double rho = 0;
                for (int i = 0; i < n; i++) {
                    rho += z[i][j] * residual[i];
                }
                rho = rho / n + colNorm[j] * beta[j];
                double next = Math.signum(rho) * Math.max(Math.abs(rho) - lambda, 0) / colNorm[j];
                double step = next - beta[j];
                if (step != 0) {
                    for (int i = 0; i < n; i++) {
                        residual[i] -= z[i][j] * step;
                    }
                    beta[j] = next;
                    largestStep = Math.max(largestStep, Math.sqrt(colNorm[j]) * Math.abs(step));
                }
            }
            if (largestStep <= tolerance) {
                return LinearModel.fromStandardised(yMean, beta, s);
            }
        }
        throw new IllegalStateException("lasso(lambda=" + lambda + ") did not converge in " + MAX_SWEEPS
                + " coordinate-descent sweeps");
    }
}
