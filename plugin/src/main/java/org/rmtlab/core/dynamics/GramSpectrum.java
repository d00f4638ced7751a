package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.linalg.DenseProduct;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.linalg.SymmetricGram;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;

/**
 * Eigendecomposition of the sample covariance S = (1/n) X X^T of a data matrix X in R^{p x n} (columns are
 * samples), computed once and then used to run linear gradient dynamics to any time in closed form.
 *
 * <p>Only the r = min(p, n) eigenpairs that can be nonzero are kept: S = V diag(lambda) V^T with V in
 * R^{p x r} orthonormal. The other p - r directions (when p > n) are the null space of X^T, in which the
 * data exert no force. When p > n the n x n Gram matrix K = (1/n) X^T X = U diag(lambda) U^T is decomposed
 * instead, and V = X U diag(lambda)^(-1/2) / sqrt(n) is never formed: the cost is O(min(p, n)^2 max(p, n)).
 */
public final class GramSpectrum {
    private final int p;
    private final int n;
    private final double[] lambda;
    /** p <= n: V (p x r); p > n: U (n x r). */
    private final DMatrixRMaj basis;
    private final DMatrixRMaj x;
    private final boolean wide;

    private GramSpectrum(final DMatrixRMaj x, final double[] lambda, final DMatrixRMaj basis, final boolean wide) {
        this.p = x.numRows;
        this.n = x.numCols;
        this.x = x;
        this.lambda = lambda;
        this.basis = basis;
        this.wide = wide;
    }

    /**
     * Refuses, before anything is allocated, a trial whose matrices would not fit: the p x n data matrix, the
     * r x r Gram matrix with its eigenvectors and workspace ({@link #of}) and the n x r sample coordinates
     * ({@link #sampleCoordinates()}), r = min(p, n).
     *
     * @param what the computation, for the message (for example "the gmm simulation")
     * @throws IllegalArgumentException naming the sizes and the heap when they would not fit
     */
    public static void requireMemory(final String what, final int p, final int n) {
        final long r = Math.min(p, n);
        Memory.require(String.format("%s (data p x n = %d x %d, Gram matrix %d x %d)", what, p, n, r, r),
            Memory.doubles(p, n, 1) + Memory.doubles(r, r, 3) + Memory.doubles(n, r, 1));
    }

    /**
     * Decomposes (1/n) X X^T. X is kept by reference (not copied): do not modify it afterwards.
     *
     * @param x data matrix, p x n, columns are samples
     * @throws IllegalArgumentException when X is empty, has non-finite entries or its Gram matrix would not fit
     */
    public static GramSpectrum of(final DMatrixRMaj x) {
        Check.that(x.numRows > 0 && x.numCols > 0, "The data matrix is empty.");
        for (int i = 0; i < x.getNumElements(); i++) {
            Check.that(Double.isFinite(x.data[i]), "The data matrix contains " + x.data[i] + ": all entries must be finite.");
        }
        final int p = x.numRows;
        final int n = x.numCols;
        final boolean wide = p > n;
        final int r = Math.min(p, n);
        Memory.require(String.format("the %d x %d Gram matrix and its eigenvectors", r, r), Memory.doubles(r, r, 3));
        final DMatrixRMaj gram = wide ? SymmetricGram.inner(x, 1.0 / n) : SymmetricGram.outer(x, 1.0 / n);
        final SymmetricEigen eig = SymmetricEigen.of(gram);
        final double[] lambda = eig.values();
        for (int k = 0; k < r; k++) {
            // rounding can leave the smallest eigenvalues slightly negative; they are 0 for a Gram matrix
            lambda[k] = Math.max(0, lambda[k]);
        }
        final DMatrixRMaj basis = eig.vectors();
        return new GramSpectrum(x, lambda, basis, wide);
    }

    public int p() {
        return p;
    }

    public int n() {
        return n;
    }

    /** Number of kept eigenpairs, min(p, n). */
    public int rank() {
        return lambda.length;
    }

    /** Eigenvalue k of (1/n) X X^T, ascending in k. */
    public double eigenvalue(final int k) {
        return lambda[k];
    }

    public double[] eigenvalues() {
        return lambda.clone();
    }

    /**
     * Coordinates V^T v of a p-vector in the eigenbasis. Directions with eigenvalue 0 get coordinate 0: they
     * belong to the null space, whose part of v has squared norm ||v||^2 - ||V^T v||^2.
     */
    public double[] project(final double[] v) {
        Check.that(v.length == p, "Expected a vector of length p = " + p + ", got " + v.length + ".");
        if (!wide) {
            return MatrixVector.transposeTimes(basis, v);
        }
        // V^T v = diag(lambda)^(-1/2) U^T X^T v / sqrt(n)
        final double[] out = MatrixVector.transposeTimes(basis, MatrixVector.transposeTimes(x, v));
        for (int k = 0; k < out.length; k++) {
            out[k] = lambda[k] > 0 ? out[k] / Math.sqrt(n * lambda[k]) : 0;
        }
        return out;
    }

    /** Coordinates V^T (X u / n) of the p-vector X u / n, for an n-vector u (for example u = y: the data pull). */
    public double[] projectSamples(final double[] u) {
        Check.that(u.length == n, "Expected a vector of length n = " + n + ", got " + u.length + ".");
        if (!wide) {
            final double[] out = MatrixVector.transposeTimes(basis, MatrixVector.times(x, u));
            for (int k = 0; k < out.length; k++) {
                out[k] /= n;
            }
            return out;
        }
        // V^T X u / n = diag(lambda)^(1/2) U^T u / sqrt(n)
        final double[] out = MatrixVector.transposeTimes(basis, u);
        for (int k = 0; k < out.length; k++) {
            out[k] *= Math.sqrt(lambda[k] / n);
        }
        return out;
    }

    /**
     * The n x r matrix X^T V: the outputs X^T w of a weight vector w = V c + (null part) are (X^T V) c, whatever
     * the null part.
     */
    public DMatrixRMaj sampleCoordinates() {
        final int r = lambda.length;
        Memory.require(String.format("the %d x %d sample coordinates", n, r), Memory.doubles(n, r, 1));
        if (!wide) {
            return DenseProduct.multTransA(x, basis);
        }
        final DMatrixRMaj out = new DMatrixRMaj(n, r);
        // X^T V = sqrt(n) U diag(lambda)^(1/2)
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < r; k++) {
                out.unsafe_set(i, k, basis.unsafe_get(i, k) * Math.sqrt(n * lambda[k]));
            }
        }
        return out;
    }
}
