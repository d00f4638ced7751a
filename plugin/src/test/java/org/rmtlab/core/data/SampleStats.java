package org.rmtlab.core.data;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Sample statistics of generated data, for the Monte-Carlo checks of the laws. */
final class SampleStats {
    private SampleStats() {
    }

    /** S = X X^T / n of the p x n matrix X (the mean is known to be 0). */
    static DMatrixRMaj covariance(final DMatrixRMaj x) {
        final DMatrixRMaj s = new DMatrixRMaj(x.numRows, x.numRows);
        CommonOps_DDRM.multTransB(x, x, s);
        CommonOps_DDRM.scale(1.0 / x.numCols, s);
        return s;
    }

    /** Eigen decomposition of a symmetric matrix, with vectors. */
    static EigenDecomposition_F64<DMatrixRMaj> eig(final DMatrixRMaj symmetric) {
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        return eig;
    }

    /** Eigenvalues of a symmetric matrix in decreasing order. */
    static double[] eigenvaluesDescending(final DMatrixRMaj symmetric) {
        final EigenDecomposition_F64<DMatrixRMaj> eig = eig(symmetric);
        final double[] ev = new double[symmetric.numRows];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ev);
        for (int i = 0; i < ev.length / 2; i++) {
            final double t = ev[i];
            ev[i] = ev[ev.length - 1 - i];
            ev[ev.length - 1 - i] = t;
        }
        return ev;
    }

    /** Unit eigenvector of the largest eigenvalue. */
    static double[] topEigenvector(final DMatrixRMaj symmetric) {
        final EigenDecomposition_F64<DMatrixRMaj> eig = eig(symmetric);
        int best = 0;
        for (int i = 1; i < symmetric.numRows; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(best).real) {
                best = i;
            }
        }
        return eig.getEigenVector(best).data.clone();
    }

    /** Column j of m. */
    static double[] column(final DMatrixRMaj m, final int j) {
        final double[] c = new double[m.numRows];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.get(i, j);
        }
        return c;
    }

    static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Mean and standard error of the values. */
    static double[] meanAndError(final double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, Math.sqrt(ss / (v.length - 1) / v.length)};
    }
}
