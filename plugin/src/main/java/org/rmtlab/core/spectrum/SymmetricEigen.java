package org.rmtlab.core.spectrum;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.rmtlab.core.util.Check;

/**
 * Chooses the EJML symmetric eigensolver (Householder tridiagonalisation and implicit QR) by size.
 *
 * <p>Measured on the 2-core build machine (values only, best of 3): the multi-threaded variant is as fast
 * at 300 and faster from 500 on (90 against 127 ms at 500, 0.48 against 1.4 s at 1000, 7.5 against 13.4 s
 * (EJML's block tridiagonalisation, its default from 1800) and 22 s (row-major) at 2000). Its eigenvalues were
 * bitwise identical with 1, 2 and 7 threads, so results do not depend on the machine's core count.
 */
public final class SymmetricEigen {
    /** From this size on the multi-threaded decomposition is used. */
    public static final int PARALLEL_SIZE = 400;

    private SymmetricEigen() {
    }

    /** A symmetric eigen-decomposition for matrices of the given size. */
    public static EigenDecomposition_F64<DMatrixRMaj> decomposition(final int size, final boolean vectors) {
        return size >= PARALLEL_SIZE ? DecompositionFactory_MT_DDRM.eig(size, vectors, true)
            : DecompositionFactory_DDRM.eig(size, vectors, true);
    }

    /** Ascending eigenvalues of a symmetric matrix (not modified). */
    public static double[] values(final DMatrixRMaj a) {
        Check.that(a.numRows == a.numCols, "The matrix must be square, but is " + a.numRows + " x " + a.numCols + ".");
        final EigenDecomposition_F64<DMatrixRMaj> eig = decomposition(a.numRows, false);
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("The symmetric eigen-decomposition did not converge.");
        }
        final double[] v = new double[a.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(v);
        return v;
    }
}
