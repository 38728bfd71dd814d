package org.kkr4j.ml.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The lower Cholesky factor {@code L} of a symmetric positive definite matrix ({@code A = L L^T}), with the
 * triangular solves a GP needs. Kernel matrices of nearly coincident rows are positive definite only in exact
 * arithmetic, so a failed factorisation is retried with a growing diagonal jitter; the jitter used is kept.
 */
public final class CholeskyFactor {
    private final double[] lower;
    private final int n;
    private final double jitter;

    private CholeskyFactor(double[] lower, int n, double jitter) {
        this.lower = lower;
        this.n = n;
        this.jitter = jitter;
    }

    /** Factors {@code a} (n x n, row-major); {@code a} is not changed. */
    public static CholeskyFactor of(double[][] a) {
        int n = a.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            DMatrixRMaj m = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m.unsafe_set(i, j, a[i][j]);
                }
                m.unsafe_set(i, i, a[i][i] + jitter);
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(m)) {
                DMatrixRMaj l = chol.getT(null);
                boolean finite = true;
                for (int i = 0; i < n && finite; i++) {
                    double d = l.unsafe_get(i, i);
                    finite = d > 0 && Double.isFinite(d);
                }
                if (finite) {
                    // EJML may leave the strict upper triangle unzeroed; solves read only the lower one
                    return new CholeskyFactor(l.data, n, jitter);
                }
            }
            jitter = jitter == 0 ? 1e-10 * Math.max(scale, 1e-300) : jitter * 100;
        }
        throw new IllegalStateException("matrix of size " + n + " is not positive definite even with jitter " + jitter);
    }

    public int size() {
        return n;
    }

    /** The diagonal jitter that had to be added (0 when none). */
    public double jitter() {
        return jitter;
    }

    /** Solves {@code L x = b}; returns x (b is not changed). */
    public double[] solveLower(double[] b) {
        double[] x = b.clone();
        TriangularSolver_DDRM.solveL(lower, x, n);
        return x;
    }

    /**
     * Solves {@code L X = B} in place for {@code B} of n rows and {@code columns} columns, row-major (forward
     * substitution, row by row, so the inner loop runs along contiguous columns).
     */
    public void solveLowerInPlace(double[] b, int columns) {
        for (int i = 0; i < n; i++) {
            int rowI = i * columns;
            int li = i * n;
            for (int j = 0; j < i; j++) {
                double l = lower[li + j];
                if (l != 0) {
                    int rowJ = j * columns;
                    for (int c = 0; c < columns; c++) {
                        b[rowI + c] -= l * b[rowJ + c];
                    }
                }
            }
            double d = lower[li + i];
            for (int c = 0; c < columns; c++) {
                b[rowI + c] /= d;
            }
        }
    }

    /** Solves {@code L^T x = b}. */
    public double[] solveUpper(double[] b) {
        double[] x = b.clone();
        TriangularSolver_DDRM.solveTranL(lower, x, n);
        return x;
    }

    /** Solves {@code A x = b}. */
    public double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** {@code log det A = 2 sum log L_ii}. */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i * n + i]);
        }
        return 2 * s;
    }

    /** {@code L z}: turns independent standard normals into a sample with covariance A. */
    public double[] multiplyLower(double[] z) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += lower[i * n + j] * z[j];
            }
            out[i] = s;
        }
        return out;
    }
}
