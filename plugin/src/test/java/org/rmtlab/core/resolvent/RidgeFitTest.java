package org.rmtlab.core.resolvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;
import org.rmtlab.core.util.Rng;

/** The spectral ridge path against explicit solves, on both sides of p = n. */
class RidgeFitTest {

    private static DMatrixRMaj gaussian(final int rows, final int cols, final Rng rng) {
        final DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = rng.gaussian();
        }
        return m;
    }

    private static double[] gaussian(final int n, final Rng rng) {
        final double[] v = new double[n];
        rng.gaussians(v, 1);
        return v;
    }

    /** beta = (X X^T/n + lambda I)^{-1} X y / n, or the pseudo-inverse solution (X^T)^+ y at lambda = 0. */
    private static double[] direct(final DMatrixRMaj x, final double[] y, final double lambda) {
        final int p = x.numRows;
        final int n = x.numCols;
        final DMatrixRMaj a = new DMatrixRMaj(p, n);
        if (lambda > 0) {
            final DMatrixRMaj s = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransB(1.0 / n, x, x, s);
            for (int i = 0; i < p; i++) {
                s.add(i, i, lambda);
            }
            CommonOps_DDRM.invert(s);
            CommonOps_DDRM.mult(1.0 / n, s, x, a);
        } else {
            CommonOps_DDRM.pinv(CommonOps_DDRM.transpose(x, null), a);
        }
        final DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(n, 1, y), beta);
        return beta.data;
    }

    private static double mse(final DMatrixRMaj x, final double[] y, final double[] beta) {
        double s = 0;
        for (int j = 0; j < x.numCols; j++) {
            double f = 0;
            for (int i = 0; i < x.numRows; i++) {
                f += x.get(i, j) * beta[i];
            }
            s += (y[j] - f) * (y[j] - f);
        }
        return s / x.numCols;
    }

    @Test
    void errorsEqualExplicitSolvesOnBothSides() throws CancelledException {
        final Rng rng = new Rng(3);
        for (int[] size : new int[][] {{15, 40}, {40, 15}, {20, 20}}) {
            final int p = size[0];
            final int n = size[1];
            final DMatrixRMaj x = gaussian(p, n, rng);
            final double[] y = gaussian(n, rng);
            final DMatrixRMaj xt = gaussian(p, 25, rng);
            final double[] yt = gaussian(25, rng);
            final double[] lambdas = {0, 1e-3, 0.2, 5};
            final List<RidgeFit.Errors> fit = new RidgeFit(x, y, xt, yt, Progress.NONE).errors(lambdas);
            for (int l = 0; l < lambdas.length; l++) {
                final double[] beta = direct(x, y, lambdas[l]);
                final String at = p + " x " + n + ", lambda = " + lambdas[l];
                // p = n at lambda = 0 is an ill-conditioned square solve: relative 1e-6 there, 1e-10 elsewhere
                final double tol = p == n && lambdas[l] == 0 ? 1e-6 : 1e-10;
                assertEquals(mse(x, y, beta), fit.get(l).train(), tol * (1 + mse(x, y, beta)), "train, " + at);
                assertEquals(mse(xt, yt, beta), fit.get(l).test(), tol * (1 + mse(xt, yt, beta)), "test, " + at);
                assertEquals(lambdas[l], fit.get(l).lambda(), 0);
            }
            if (p >= n) {
                assertEquals(0, fit.get(0).train(), 1e-9, "the minimum-norm fit interpolates when p >= n");
            }
        }
    }

    /** A rank-deficient design (a repeated feature): the zero eigenvalue drops out, as in the pseudo-inverse. */
    @Test
    void repeatedFeatureGivesTheMinimumNormFit() throws CancelledException {
        final Rng rng = new Rng(8);
        final DMatrixRMaj x = gaussian(6, 30, rng);
        for (int j = 0; j < 30; j++) {
            x.set(5, j, x.get(0, j));
        }
        final double[] y = gaussian(30, rng);
        final RidgeFit.Errors e = new RidgeFit(x, y, null, null, Progress.NONE).errors(new double[] {0}).get(0);
        assertEquals(mse(x, y, direct(x, y, 0)), e.train(), 1e-10);
        assertTrue(Double.isNaN(e.test()), "no test set, no test error");
    }

    @Test
    void badInputIsRefused() throws CancelledException {
        final Rng rng = new Rng(1);
        final RidgeFit fit = new RidgeFit(gaussian(3, 5, rng), gaussian(5, rng), null, null, Progress.NONE);
        assertThrows(IllegalArgumentException.class, () -> fit.errors(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> fit.errors(new double[0]));
        final double[] nan = gaussian(5, rng);
        nan[2] = Double.NaN;
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new RidgeFit(gaussian(3, 5, rng), nan, null, null, Progress.NONE));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
