package org.rmtlab.core.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;

/**
 * The symmetric eigendecomposition A = V diag(values) V^T (Householder tridiagonalisation and implicit QR,
 * EJML), with the eigenvalues ascending and the eigenvectors as the columns of V in the same order.
 *
 * <p>Threads: from {@link #PARALLEL_SIZE} on, the multi-threaded tridiagonalisation is used. Measured on the
 * 2-core build machine (values only, best of 3): as fast at 300 and faster from 500 on (90 against 127 ms
 * at 500, 0.48 against 1.4 s at 1000, 7.5 against 13.4 s (EJML's block tridiagonalisation, its own default
 * from 1800) and 22 s (row-major) at 2000); {@code bench/README.md} has the JMH numbers. The multi-threaded
 * and the single-threaded row-major reductions give bit-identical eigenvalues and eigenvectors (tested), and
 * so does the multi-threaded one with any number of threads: the choice changes the speed, never the result.
 * Callers that already run on every core (parallel Monte-Carlo trials) ask for the single-threaded one.
 */
public final class SymmetricEigen {
    /** From this size on, the tridiagonalisation is multi-threaded (unless the caller asks for a single thread). */
    public static final int PARALLEL_SIZE = 400;

    private final double[] values;
    private final DMatrixRMaj vectors;

    private SymmetricEigen(final double[] values, final DMatrixRMaj vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** EJML's symmetric eigendecomposition for matrices of the given size: multi-threaded from {@link #PARALLEL_SIZE}. */
    private static EigenDecomposition_F64<DMatrixRMaj> decomposition(final int size, final boolean vectors) {
        return size >= PARALLEL_SIZE ? DecompositionFactory_MT_DDRM.eig(size, vectors, true) : serial(vectors);
    }

    /**
     * The single-threaded row-major decomposition (what EJML's factory returns below 1800; above it EJML would
     * switch to a blocked reduction whose rounding differs from the multi-threaded one).
     */
    private static EigenDecomposition_F64<DMatrixRMaj> serial(final boolean vectors) {
        return new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecompositionHouseholder_DDRM(), vectors);
    }

    /** Eigenvalues and eigenvectors of the symmetric matrix a (not modified), on all cores from {@link #PARALLEL_SIZE}. */
    public static SymmetricEigen of(final DMatrixRMaj a) {
        return of(a, true, true);
    }

    /**
     * @param a a symmetric matrix (not modified; only its upper triangle matters up to rounding)
     * @param withVectors false when only the eigenvalues are needed (about a third of the cost)
     * @param parallel false for the single-threaded reduction whatever the size (same result)
     * @throws IllegalArgumentException when a is not square
     */
    public static SymmetricEigen of(final DMatrixRMaj a, final boolean withVectors, final boolean parallel) {
        Check.that(a.numRows == a.numCols, "The matrix must be square, but is " + a.numRows + " x " + a.numCols + ".");
        final int n = a.numRows;
        final EigenDecomposition_F64<DMatrixRMaj> eig = parallel ? decomposition(n, withVectors) : serial(withVectors);
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("The symmetric eigendecomposition of a " + n + " x " + n
                + " matrix did not converge.");
        }
        final double[] raw = new double[n];
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            raw[i] = eig.getEigenvalue(i).real;
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
        final double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
        }
        DMatrixRMaj vectors = null;
        if (withVectors) {
            vectors = new DMatrixRMaj(n, n);
            for (int k = 0; k < n; k++) {
                final double[] v = eig.getEigenVector(order[k]).data;
                for (int i = 0; i < n; i++) {
                    vectors.data[i * n + k] = v[i];
                }
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Ascending eigenvalues of the symmetric matrix a (not modified). */
    public static double[] eigenvalues(final DMatrixRMaj a) {
        return of(a, false, true).values;
    }

    /** Size n of the matrix. */
    public int size() {
        return values.length;
    }

    /** Eigenvalues, ascending; shared, not copied: callers must not modify it. */
    public double[] values() {
        return values;
    }

    /** n x n, column k the unit eigenvector of {@code values()[k]}; shared; null when not computed. */
    public DMatrixRMaj vectors() {
        return vectors;
    }
}
