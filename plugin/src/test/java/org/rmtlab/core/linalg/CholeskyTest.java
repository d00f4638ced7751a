package org.rmtlab.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CholeskyTest {
    /** Larger than two panels of 64, so that the blocked trailing updates run. */
    private static final int M = 150;

    /** A = X X^T / n + 0.1 I with X 150 x 200: eigenvalues in about [0.1, 3], condition number about 30. */
    private static DMatrixRMaj spd() {
        final DMatrixRMaj a = SymmetricGram.outer(SymmetricGramTest.gaussian(M, 200, 6), 1.0 / 200);
        for (int i = 0; i < M; i++) {
            a.add(i, i, 0.1);
        }
        return a;
    }

    private static double[] factor(final DMatrixRMaj a) {
        final double[] u = a.data.clone();
        assertEquals(M, Cholesky.factorUpper(u, M));
        return u;
    }

    /** U^T U = A entrywise to rounding (backward stability: about M eps ||A||, ||A|| about 3). */
    @Test
    void factorReproducesTheMatrix() {
        final DMatrixRMaj a = spd();
        final double[] u = factor(a);
        for (int i = 0; i < M; i++) {
            for (int j = i; j < M; j++) {
                double s = 0;
                for (int k = 0; k <= i; k++) {
                    s += u[k * M + i] * u[k * M + j];
                }
                assertEquals(a.get(i, j), s, 1e-13, "(" + i + ", " + j + ")");
            }
        }
    }

    /** The leading k x k block of U factors the leading block of A: solves with it have residuals at rounding. */
    @Test
    void leadingBlocksSolveLeadingSystems() {
        final DMatrixRMaj a = spd();
        final double[] u = factor(a);
        for (int k : new int[] {1, 50, 64, 65, 149, M}) {
            final double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                b[i] = Math.cos(i);
            }
            final double[] x = b.clone();
            Cholesky.solveTransposed(u, M, k, x);
            Cholesky.solveUpper(u, M, k, x);
            for (int i = 0; i < k; i++) {
                double r = -b[i];
                for (int j = 0; j < k; j++) {
                    r += a.get(i, j) * x[j];
                }
                // residual of a backward-stable solve: M eps ||A|| ||x||, ||x|| <= 10 sqrt(k)
                assertEquals(0, r, 1e-11, "k = " + k + ", row " + i);
            }
        }
    }

    /** A A^{-1} = I to rounding times the condition number (about 30). */
    @Test
    void inverseInvertsAndIsSymmetric() {
        final DMatrixRMaj a = spd();
        final double[] inv = new double[M * M];
        Cholesky.inverse(factor(a), M, inv);
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < M; j++) {
                double s = 0;
                for (int k = 0; k < M; k++) {
                    s += a.get(i, k) * inv[k * M + j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-12, "(" + i + ", " + j + ")");
                assertEquals(inv[i * M + j], inv[j * M + i], 1e-13, "symmetry");
            }
        }
    }

    /** Sylvester: bound I - A has a factorisation iff every eigenvalue of A is below the bound. */
    @Test
    void definitenessFollowsTheSmallestEigenvalue() {
        final DMatrixRMaj a = spd();
        final double[] values = SymmetricEigen.eigenvalues(a);
        final double gap = 1e-6 * values[M - 1];
        for (double shift : new double[] {values[0] - gap, values[0] + gap}) {
            final DMatrixRMaj shifted = a.copy();
            for (int i = 0; i < M; i++) {
                shifted.add(i, i, -shift);
            }
            assertEquals(shift < values[0], Cholesky.isPositiveDefinite(shifted), "shift " + shift);
        }
        final double[] u = a.data.clone();
        u[0] = -1;
        assertEquals(0, Cholesky.factorUpper(u, M), "a negative first pivot leaves no usable block");
        assertTrue(Cholesky.isPositiveDefinite(a));
        final DMatrixRMaj nan = a.copy();
        nan.set(3, 3, Double.NaN);
        assertFalse(Cholesky.isPositiveDefinite(nan));
    }
}
