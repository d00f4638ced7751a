package org.rmtlab.core.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.SymmetricQRAlgorithmDecomposition_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecomposition_DDRB_to_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;

/**
 * The symmetric eigendecomposition A = V diag(values) V^T (Householder tridiagonalisation and implicit QR,
 * EJML), with the eigenvalues ascending and the eigenvectors as the columns of V in the same order.
 *
 * <p>Choice of the tridiagonalisation, the O(n^3) step, measured on the 2-core build machine while it was
 * nearly idle (wall time, values only / with vectors; {@code bench/README.md} has the JMH run):
 * <ul>
 * <li>below {@link #BLOCKED_SIZE}, EJML's row-major reduction: at 512 0.10 / 0.21 s, at 768 0.24 / 0.63 s,
 * at 900 0.33 / 0.92 s, against 0.09 / 0.21, 0.25 / 0.66 and 0.45 / 0.99 s blocked;</li>
 * <li>from {@link #BLOCKED_SIZE} on, EJML's blocked reduction: at 1024 0.67 / 1.68 s against 0.88 / 1.9 s
 * row-major, at 2048 5.4 s (values) against 11.4 s. The row-major reduction slows down at sizes with a large
 * power-of-two factor (1024, 1536, 2048), where the blocked one stays smooth.</li>
 * </ul>
 * EJML's multi-threaded row-major reduction gained at most a fifth in wall time on two cores (2.9 against
 * 3.5 s blocked at 1300 with vectors) and lost elsewhere (0.10 to 0.14 against 0.09 s at 512, 12.2 against
 * 5.4 s at 2048), for up to 60% more CPU time; so every decomposition is single-threaded: simulations use
 * the cores for parallel trials, and a result cannot depend on a thread count.
 */
public final class SymmetricEigen {
    /** From this size on, the tridiagonalisation is EJML's blocked one (see the class comment). */
    public static final int BLOCKED_SIZE = 1024;

    private final double[] values;
    private final DMatrixRMaj vectors;

    private SymmetricEigen(final double[] values, final DMatrixRMaj vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Eigenvalues and eigenvectors of the symmetric matrix a (not modified). */
    public static SymmetricEigen of(final DMatrixRMaj a) {
        return of(a, true);
    }

    /**
     * @param a a symmetric matrix (not modified)
     * @param withVectors false when only the eigenvalues are needed (about a third of the cost)
     * @throws IllegalArgumentException when a is not square
     */
    public static SymmetricEigen of(final DMatrixRMaj a, final boolean withVectors) {
        Check.that(a.numRows == a.numCols, "The matrix must be square, but is " + a.numRows + " x " + a.numCols + ".");
        final int n = a.numRows;
        final EigenDecomposition_F64<DMatrixRMaj> eig = new SymmetricQRAlgorithmDecomposition_DDRM(n >= BLOCKED_SIZE
            ? new TridiagonalDecomposition_DDRB_to_DDRM() : new TridiagonalDecompositionHouseholder_DDRM(), withVectors);
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
        return of(a, false).values;
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
