package org.rmtlab.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;
import org.rmtlab.core.util.Progress;

/**
 * Chooses the expected kernel of an activation and evaluates kernel matrices.
 *
 * <p>Convention (Louart, Liao, Couillet 2018, Sec. 2): K(x, y) = E_w[sigma(w.x) sigma(w.y)] with
 * w ~ N(0, I_p), so that E[(1/N) Sigma^T Sigma] = K for Sigma = sigma(W X), W in R^{N x p} with iid
 * N(0, 1) entries; the data matrix X is p x n with samples as columns. No 1/p is hidden in W: with
 * normalised data (||x|| ~ 1) the arguments w.x have variance ~ 1. For Rademacher weights
 * ({@link WeightLaw#RADEMACHER}) the same K holds only asymptotically (w.x is Gaussian up to
 * O(sum_i x_i^4) corrections, O(1/p) for delocalised x).
 *
 * <p>Choice of evaluator: the closed form where the activation has one ({@link KernelForm#CLOSED_FORM}),
 * otherwise the Hermite (Mehler) series {@link HermiteKernel}, exact for polynomials and adaptively
 * truncated with an error bound for any other sigma. {@link GaussHermiteKernel} is the direct 2-D
 * quadrature, kept as an independent check.
 */
public final class ExpectedKernels {
    private ExpectedKernels() {
    }

    /** The expected kernel of {@code sigma}: closed form where one exists, else the Hermite series. */
    public static ExpectedKernel forActivation(final Activation sigma) {
        if (sigma instanceof StandardActivation s && s.closedForm().isPresent()) {
            return s.closedForm().get().kernel();
        }
        return numerical(sigma);
    }

    /** The Hermite-series kernel of {@code sigma}, also where a closed form exists (for checks). */
    public static HermiteKernel numerical(final Activation sigma) {
        return new HermiteKernel(sigma, sigma instanceof StandardActivation s ? s.polynomialDegree() : -1);
    }

    /** Direct 2-D Gauss–Hermite quadrature with {@code nodes} points per dimension (for checks). */
    public static GaussHermiteKernel quadrature(final Activation sigma, final int nodes) {
        return new GaussHermiteKernel(sigma, nodes);
    }

    /** The n x n matrix K_ij = K(x_i, x_j) of the columns of the p x n matrix {@code x}. */
    public static DMatrixRMaj matrix(final ExpectedKernel k, final DMatrixRMaj x) {
        try {
            return matrix(k, x, Progress.NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("Progress.NONE never cancels", e);
        }
    }

    /**
     * The n x n matrix K_ij = K(x_i, x_j) of the columns of the p x n matrix {@code x}; symmetric,
     * positive semi-definite up to the evaluation error (about 1e-12 relative).
     *
     * @throws IllegalArgumentException when x is empty, not finite, or the matrix would not fit in memory
     */
    public static DMatrixRMaj matrix(final ExpectedKernel k, final DMatrixRMaj x, final Progress progress)
        throws CancelledException {
        checkData("x", x);
        final int n = x.numCols;
        Memory.require("the " + n + " x " + n + " kernel matrix", Memory.doubles(n, n, 1));
        final DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_MT_DDRM.multInner(x, g);
        final double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = g.unsafe_get(i, i);
        }
        k.applyToGram(norms, norms, g, true, progress);
        final double[] d = g.data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                d[i * n + j] = d[j * n + i];
            }
        }
        progress.report(1, "kernel matrix done");
        return g;
    }

    /** The n_x x n_y matrix K(x_i, y_j) between the columns of x (p x n_x) and y (p x n_y). */
    public static DMatrixRMaj matrix(final ExpectedKernel k, final DMatrixRMaj x, final DMatrixRMaj y) {
        try {
            return matrix(k, x, y, Progress.NONE);
        } catch (CancelledException e) {
            throw new IllegalStateException("Progress.NONE never cancels", e);
        }
    }

    /**
     * The n_x x n_y matrix K(x_i, y_j) between the columns of x (p x n_x) and y (p x n_y), for
     * example test against training samples.
     *
     * @throws IllegalArgumentException when x or y is empty or not finite, their dimensions p differ, or
     *         the matrix would not fit in memory
     */
    public static DMatrixRMaj matrix(final ExpectedKernel k, final DMatrixRMaj x, final DMatrixRMaj y,
        final Progress progress) throws CancelledException {
        checkData("x", x);
        checkData("y", y);
        Check.that(x.numRows == y.numRows, "The samples of x have dimension " + x.numRows + " but those of y have "
            + y.numRows + "; both need the same number of rows (features).");
        Memory.require("the " + x.numCols + " x " + y.numCols + " kernel matrix", Memory.doubles(x.numCols, y.numCols, 1));
        final DMatrixRMaj g = new DMatrixRMaj(x.numCols, y.numCols);
        CommonOps_MT_DDRM.multTransA(x, y, g);
        k.applyToGram(squaredNorms(x), squaredNorms(y), g, false, progress);
        progress.report(1, "kernel matrix done");
        return g;
    }

    /** r = ab / sqrt(aa bb) clipped to [-1, 1]; 0 when x or y is 0. */
    static double correlation(final double aa, final double bb, final double ab) {
        final double norm = Math.sqrt(aa * bb);
        if (norm == 0) {
            return 0;
        }
        return Math.max(-1, Math.min(1, ab / norm));
    }

    /** Cancellation check and progress report at the start of row i of a (triangular) block. */
    static void rowDone(final Progress progress, final int i, final int rows, final boolean symmetric)
        throws CancelledException {
        progress.checkCancelled();
        if (i % Math.max(1, rows / 100) == 0) {
            final double done = symmetric ? 1 - (rows - i) * (double) (rows - i) / ((double) rows * rows) : i / (double) rows;
            progress.report(done, "kernel row " + (i + 1) + " of " + rows);
        }
    }

    private static double[] squaredNorms(final DMatrixRMaj x) {
        final double[] s = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                final double v = x.unsafe_get(i, j);
                s[j] += v * v;
            }
        }
        return s;
    }

    private static void checkData(final String name, final DMatrixRMaj x) {
        Check.that(x != null && x.numRows > 0 && x.numCols > 0, "The data matrix " + name
            + " is empty; it needs at least one feature (row) and one sample (column).");
        for (int i = 0; i < x.getNumElements(); i++) {
            final double v = x.data[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("The data matrix " + name + " contains " + v
                    + "; remove or impute missing and infinite values first.");
            }
        }
    }
}
