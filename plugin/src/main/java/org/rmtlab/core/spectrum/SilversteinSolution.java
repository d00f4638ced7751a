package org.rmtlab.core.spectrum;

import org.rmtlab.core.util.Complex;

/**
 * Solution of the Silverstein equation at one z, with its convergence report.
 *
 * @param z the point
 * @param y the root y = -1/m~(z) of z = y + c sum_k w_k tau_k y / (y - tau_k) (see {@link SilversteinEquation})
 * @param iterations Newton and fixed-point iterations spent
 * @param residual |x(y) - z| relative to max(|z|, |y|)
 * @param converged whether the residual reached the tolerance
 */
public record SilversteinSolution(Complex z, Complex y, int iterations, double residual, boolean converged) {

    /** The companion Stieltjes transform m~(z) = -1/y of the n x n matrix (1/n) X^T X. */
    public Complex companion() {
        return y.reciprocal().negate();
    }
}
