package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigen-decomposition of a symmetric matrix: eigenvalues and the orthogonal matrix of eigenvectors (columns). */
record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

    /** Decomposes {@code m} (symmetric; only read). */
    static SymmetricEigen of(final DMatrixRMaj m) {
        final int n = m.numRows;
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("Symmetric eigen-decomposition of a " + n + " x " + n + " matrix failed.");
        }
        final double[] values = new double[n];
        final DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            values[j] = eig.getEigenvalue(j).real;
            final DMatrixRMaj v = eig.getEigenVector(j);
            for (int i = 0; i < n; i++) {
                vectors.unsafe_set(i, j, v.unsafe_get(i, 0));
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}
