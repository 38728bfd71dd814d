package org.kkr4j.ml.model;

/**
 * Lasso regression by cyclic coordinate descent. On columns standardised with the training rows, it minimises
 * {@code (1/2n) |y - b0 - X beta|^2 + lambda |beta|_1} (intercept not penalised). Each coordinate step is the exact
 * minimiser along that coordinate (soft thresholding); sweeps stop when no step changes the fitted values by more
 * than {@code 1e-6} times the target's standard deviation in root-mean-square (the largest
 * {@code sqrt(mean(z_j^2)) |delta beta_j|}), a criterion in the spirit of glmnet's), or when the duality gap
 * (primal minus dual objective, an upper bound on the distance to the optimal objective) falls below {@code 1e-12}
 * of the objective at beta = 0: with collinear descriptors (fractions that sum to one, means that are linear in
 * them) the coefficients wander slowly along directions that do not change the fit, and only the gap says that the
 * fit has converged.
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

    /**
     * Primal minus dual objective, an upper bound on how far {@code beta} is from the optimal objective. The dual
     * point is the residual scaled into the dual feasible set {@code |z_j'theta| <= n lambda}.
     */
    private double dualityGap(double[][] z, double[] residual, double[] beta, double yCentredSq) {
        int n = residual.length;
        double rr = 0;
        for (double r : residual) {
            rr += r * r;
        }
        double maxCorrelation = 0;
        for (int j = 0; j < beta.length; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += z[i][j] * residual[i];
            }
            maxCorrelation = Math.max(maxCorrelation, Math.abs(c));
        }
        double l1 = 0;
        for (double b : beta) {
            l1 += Math.abs(b);
        }
        double scale = maxCorrelation > n * lambda ? n * lambda / maxCorrelation : 1.0;
        // residual = y_c - Z beta; theta = scale * residual; dual = (|y_c|^2 - |y_c - theta|^2) / 2n
        //   with y_c - theta = Z beta + (1 - scale) residual
        double yTheta = 0;
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            double fitted = 0;
            for (int j = 0; j < beta.length; j++) {
                fitted += z[i][j] * beta[j];
            }
            yc[i] = fitted + residual[i];
            double diff = yc[i] - scale * residual[i];
            yTheta += diff * diff;
        }
        double primal = rr / (2.0 * n) + lambda * l1;
        double dual = (yCentredSq - yTheta) / (2.0 * n);
        return primal - dual;
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
        double yCentredSq = ySd * ySd * n;
        // the objective of beta = 0 is |y - mean y|^2 / 2n; stop when within 1e-12 of it from the optimum
        double gapTolerance = 1e-12 * yCentredSq / (2.0 * n);
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
            if (largestStep <= tolerance || dualityGap(z, residual, beta, yCentredSq) <= gapTolerance) {
                return LinearModel.fromStandardised(yMean, beta, s);
            }
        }
        throw new IllegalStateException("lasso(lambda=" + lambda + ") did not converge in " + MAX_SWEEPS
                + " coordinate-descent sweeps");
    }
}
