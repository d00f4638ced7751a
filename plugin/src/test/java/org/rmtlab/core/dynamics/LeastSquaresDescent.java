package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Literal gradient descent on L(w) = (1/2n) ||y - X^T w||^2 + (gamma/2) ||w||^2, X being p x n: the reference
 * that the closed-form trials of the gradient models are checked against, step by step.
 */
final class LeastSquaresDescent {
    private final DMatrixRMaj x;
    private final double[] y;
    private final double[] w;
    private final double alpha;
    private final double gamma;
    private final double[] residual;
    private final double[] grad;

    /** @param w the initial weights, updated in place by {@link #step()} */
    LeastSquaresDescent(final DMatrixRMaj x, final double[] y, final double[] w, final double alpha,
        final double gamma) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.alpha = alpha;
        this.gamma = gamma;
        residual = new double[x.numCols];
        grad = new double[x.numRows];
    }

    /** One step w -= alpha grad L(w), with grad L = -(1/n) X (y - X^T w) + gamma w. */
    void step() {
        final int p = x.numRows;
        final int n = x.numCols;
        CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(p, 1, w), DMatrixRMaj.wrap(n, 1, residual));
        for (int i = 0; i < n; i++) {
            residual[i] = y[i] - residual[i];
        }
        CommonOps_DDRM.mult(x, DMatrixRMaj.wrap(n, 1, residual), DMatrixRMaj.wrap(p, 1, grad));
        for (int i = 0; i < p; i++) {
            w[i] -= alpha * (-grad[i] / n + gamma * w[i]);
        }
    }
}
