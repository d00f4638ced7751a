package org.rmtlab.bench;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The reference that {@code NonlinearGramEquivalent} replaces: delta of Louart, Liao and Couillet (2018,
 * Theorem 1) by the fixed-point iteration as written,
 * delta &lt;- (1/n) tr K (c K / (1 + delta) + gamma I_n)^{-1}, from delta = 0 at every point, each step an
 * n x n Cholesky factorisation and inverse (EJML). Only for the benchmarks.
 */
final class NaiveFixedPoint {
    /** Relative change of delta at which the iteration stops (the equivalent's Newton solver reaches 1e-13). */
    static final double TOLERANCE = 1e-10;
    private static final int MAX_STEPS = 100_000;

    private NaiveFixedPoint() {
    }

    /** One step: (1/n) tr K (c K / (1 + delta) + gamma I)^{-1}, O(n^3). */
    static double step(final DMatrixRMaj k, final double c, final double gamma, final double delta) {
        final int n = k.numRows;
        final DMatrixRMaj a = new DMatrixRMaj(n, n);
        final double s = c / (1 + delta);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = s * k.data[i];
        }
        for (int i = 0; i < n; i++) {
            a.data[i * n + i] += gamma;
        }
        final LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(a)) {
            throw new IllegalStateException("c K / (1 + delta) + gamma I is not positive definite.");
        }
        final DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        chol.invert(inverse);
        double trace = 0;
        for (int i = 0; i < k.data.length; i++) {
            trace += k.data[i] * inverse.data[i];
        }
        return trace / n;
    }

    /**
     * Steps the iteration takes at each ratio, counted with the same map written in K's eigenbasis,
     * (1/n) sum_i lambda_i / (c lambda_i / (1 + delta) + gamma), O(n) a step: the dense and the diagonal map
     * are equal, so the counts are those of {@link #step} up to rounding.
     */
    static long steps(final double[] lambda, final double[] ratios, final double gamma) {
        long total = 0;
        for (double c : ratios) {
            double delta = 0;
            for (int it = 1; it <= MAX_STEPS; it++) {
                double s = 0;
                for (double l : lambda) {
                    s += l / (c * l / (1 + delta) + gamma);
                }
                final double next = s / lambda.length;
                final boolean done = Math.abs(next - delta) <= TOLERANCE * (1 + next);
                delta = next;
                if (done || it == MAX_STEPS) {
                    total += it;
                    break;
                }
            }
        }
        return total;
    }
}
