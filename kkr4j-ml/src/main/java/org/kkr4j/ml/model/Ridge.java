package org.kkr4j.ml.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;

/**
 * Ridge regression in closed form. On columns standardised with the training rows, it minimises
 * {@code (1/2n) |y - b0 - X beta|^2 + (lambda/2) |beta|^2} (intercept not penalised), i.e. solves
 * {@code (X'X/n + lambda I) beta = X'(y - mean y)/n} by Cholesky (EJML). Because the columns are standardised and
 * the loss is divided by n, lambda means the same for any number of rows and any column units.
 *
 * @param lambda penalty, > 0 (the system is then positive definite)
 */
public record Ridge(double lambda) implements Regressor {

    public Ridge {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge needs a finite lambda > 0, got " + lambda);
        }
    }

    @Override
    public String describe() {
        return "ridge(lambda=" + lambda + ", standardised)";
    }

    @Override
    public LinearModel fit(double[][] x, double[] y, long seed) {
        Shapes.check(x, y);
        Standardiser s = Standardiser.of(x);
        double[][] z = s.apply(x);
        int n = z.length;
        int d = s.dimension();
        double yMean = Shapes.mean(y);
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        for (int i = 0; i < n; i++) {
            double r = y[i] - yMean;
            for (int j = 0; j < d; j++) {
                b.data[j] += z[i][j] * r / n;
                for (int l = 0; l < d; l++) {
                    a.data[j * d + l] += z[i][j] * z[i][l] / n;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            a.data[j * d + j] += lambda;
        }
        var solver = LinearSolverFactory_DDRM.chol(d);
        if (!solver.setA(a)) {
            throw new IllegalStateException("ridge: the regularised normal matrix is not positive definite");
        }
        DMatrixRMaj beta = new DMatrixRMaj(d, 1);
        solver.solve(b, beta);
        for (double v : beta.data) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("ridge(lambda=" + lambda + "): the solution is not finite");
            }
        }
        // standardised columns have mean zero on the training rows: the intercept is the mean target
        return LinearModel.fromStandardised(yMean, beta.data, s);
    }
}
