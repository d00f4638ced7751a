package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;
import org.rmtlab.core.util.Memory;

/**
 * The symmetric eigendecomposition K = U diag(lambda) U^T of an expected-kernel matrix, computed once so
 * that every later (N/n, gamma) point costs O(n). Eigenvalues are ascending; those below the numerical
 * rank tolerance (including the small negative ones that rounding produces for a positive semi-definite
 * K) are set to exactly 0, so that the rank used by {@link NonlinearGramSpectrum#atomAtZero()} and the
 * spectrum agree.
 */
final class KernelEigen {
    /** Matrices at least this large use the multithreaded EJML decomposition (one-off cost, worth both cores). */
    private static final int PARALLEL_FROM = 400;

    private final double[] values;
    private final DMatrixRMaj vectors;
    private final int rank;

    private KernelEigen(final double[] values, final DMatrixRMaj vectors, final int rank) {
        this.values = values;
        this.vectors = vectors;
        this.rank = rank;
    }

    /**
     * @param kernel symmetric positive semi-definite n x n matrix (not modified)
     * @param withVectors false when only the spectrum is needed (about twice as fast)
     */
    static KernelEigen of(final DMatrixRMaj kernel, final boolean withVectors) {
        final int n = kernel.numRows;
        Check.that(n > 0 && kernel.numCols == n,
            "The kernel matrix must be square and non-empty, but is " + kernel.numRows + " x " + kernel.numCols + ".");
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                final double v = kernel.unsafe_get(i, j);
                Check.that(Double.isFinite(v), "The kernel matrix has a non-finite entry at (" + i + ", " + j
                    + "): check the data for NaN or infinite values.");
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                Check.that(Math.abs(kernel.unsafe_get(i, j) - kernel.unsafe_get(j, i)) <= 1e-9 * scale,
                    "The kernel matrix is not symmetric at (" + i + ", " + j + ").");
            }
        }
        Memory.require(String.format("the eigendecomposition of the n x n kernel matrix (n = %d)", n),
            Memory.doubles(n, n, withVectors ? 3 : 2));
        final EigenDecomposition_F64<DMatrixRMaj> eig = n >= PARALLEL_FROM
            ? DecompositionFactory_MT_DDRM.eig(n, withVectors, true)
            : DecompositionFactory_DDRM.eig(n, withVectors, true);
        if (!eig.decompose(kernel.copy())) {
            throw new IllegalStateException("The symmetric eigendecomposition of the kernel matrix did not converge.");
        }
        final Integer[] order = new Integer[n];
        final double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        final double[] values = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            values[i] = raw[order[i]];
            max = Math.max(max, Math.abs(values[i]));
        }
        // Rounding leaves eigenvalues of size about n * eps * ||K|| where K is singular; a clearly negative
        // one means the matrix is not a kernel matrix at all.
        final double tolerance = Math.max(n, 10) * 1e-15 * 10 * max;
        int rank = 0;
        for (int i = 0; i < n; i++) {
            Check.that(values[i] >= -1e-8 * max, "The kernel matrix is not positive semi-definite (eigenvalue "
                + values[i] + "); pass an expected-kernel matrix E[sigma(X^T w) sigma(w^T X)].");
            if (values[i] <= tolerance) {
                values[i] = 0;
            } else {
                rank++;
            }
        }
        DMatrixRMaj vectors = null;
        if (withVectors) {
            vectors = new DMatrixRMaj(n, n);
            for (int k = 0; k < n; k++) {
                final DMatrixRMaj v = eig.getEigenVector(order[k]);
                for (int i = 0; i < n; i++) {
                    vectors.unsafe_set(i, k, v.data[i]);
                }
            }
        }
        return new KernelEigen(values, vectors, rank);
    }

    int n() {
        return values.length;
    }

    /** Ascending, non-negative; shared, not copied: callers must not modify it. */
    double[] values() {
        return values;
    }

    /** Columns are the eigenvectors in the order of {@link #values()}; null when not computed. */
    DMatrixRMaj vectors() {
        return vectors;
    }

    /** Number of eigenvalues above the rounding tolerance. */
    int rank() {
        return rank;
    }

    double largest() {
        return values[values.length - 1];
    }

    double trace() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** U^T v. */
    double[] toEigenBasis(final double[] v) {
        final int n = n();
        final double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            final double vi = v[i];
            if (vi == 0) {
                continue;
            }
            final int row = i * n;
            for (int k = 0; k < n; k++) {
                out[k] += vectors.data[row + k] * vi;
            }
        }
        return out;
    }

    /** U w. */
    double[] fromEigenBasis(final double[] w) {
        final int n = n();
        final double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            final int row = i * n;
            for (int k = 0; k < n; k++) {
                s += vectors.data[row + k] * w[k];
            }
            out[i] = s;
        }
        return out;
    }
}
