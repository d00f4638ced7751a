package org.rmtlab.core.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecomposition_DDRB_to_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;

/**
 * The symmetric eigendecomposition A = V diag(values) V^T (Householder tridiagonalisation and implicit QR,
 * EJML), with the eigenvalues ascending and the eigenvectors as the columns of V in the same order.
 *
 * <p>Choice of the tridiagonalisation, the O(n^3) step, by size (measured with {@code bench/}, see its
 * README; 2-core machine shared with other jobs, so CPU time beside wall time):
 * <ul>
 * <li>below {@link #PARALLEL_SIZE}: EJML's row-major one;</li>
 * <li>from {@link #PARALLEL_SIZE} to below {@link #BLOCKED_SIZE}: the multi-threaded row-major one, as fast at
 * 300 and faster from 500 on (with vectors at 1024: 2.8 against 3.9 s wall for the same 2.3 s of CPU);</li>
 * <li>from {@link #BLOCKED_SIZE} on: EJML's blocked one (single-threaded), which needs half the CPU time of
 * the row-major one (values at 2048: 6.4 against 11.6 s CPU, as fast as the multi-threaded one in wall time)
 * and is faster with vectors (2048: 22 against 33 s wall, 16 against 26 s CPU).</li>
 * </ul>
 * The multi-threaded and the single-threaded row-major reductions give bit-identical eigenvalues and
 * eigenvectors (tested), and so does the multi-threaded one with any number of threads: the thread choice
 * changes the speed, never the result. Callers that already run on every core (parallel Monte-Carlo trials)
 * ask for the single-threaded one.
 */
public final class SymmetricEigen {
    /** From this size on, the tridiagonalisation is multi-threaded (unless the caller asks for a single thread). */
    public static final int PARALLEL_SIZE = 400;
    /** From this size on, the tridiagonalisation is EJML's blocked one (EJML's own default switch point). */
    public static final int BLOCKED_SIZE = 1800;

    private final double[] values;
    private final DMatrixRMaj vectors;

    private SymmetricEigen(final double[] values, final DMatrixRMaj vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** EJML's symmetric eigendecomposition for a matrix of the given size (see the class comment). */
    private static EigenDecomposition_F64<DMatrixRMaj> decomposition(final int size, final boolean vectors,
        final boolean parallel) {
        if (size >= BLOCKED_SIZE) {
            return new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecomposition_DDRB_to_DDRM(), vectors);
        }
        if (parallel && size >= PARALLEL_SIZE) {
            return DecompositionFactory_MT_DDRM.eig(size, vectors, true);
        }
        return new SymmetricQRAlgorithmDecomposition_DDRM(new TridiagonalDecompositionHouseholder_DDRM(), vectors);
    }

    /** Eigenvalues and eigenvectors of the symmetric matrix a (not modified), multi-threaded where that is faster. */
    public static SymmetricEigen of(final DMatrixRMaj a) {
        return of(a, true, true);
    }

    /**
     * @param a a symmetric matrix (not modified)
     * @param withVectors false when only the eigenvalues are needed (about a third of the cost)
     * @param parallel false for a single-threaded reduction whatever the size (same result)
     * @throws IllegalArgumentException when a is not square
     */
    public static SymmetricEigen of(final DMatrixRMaj a, final boolean withVectors, final boolean parallel) {
        Check.that(a.numRows == a.numCols, "The matrix must be square, but is " + a.numRows + " x " + a.numCols + ".");
        final int n = a.numRows;
        final EigenDecomposition_F64<DMatrixRMaj> eig = decomposition(n, withVectors, parallel);
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
