package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The two largest singular values of a rectangular matrix A (rows x cols) and the singular vectors of
 * the largest, from the symmetric eigendecomposition of the smaller Gram matrix (A^T A or A A^T).
 * The other singular vector follows from A v = s u, so one symmetric eigen-solve of size
 * min(rows, cols) does the work of an SVD.
 *
 * @param s1 largest singular value
 * @param s2 second largest singular value (0 when A has a single row or column)
 * @param left unit left singular vector of s1 (length rows)
 * @param right unit right singular vector of s1 (length cols)
 */
record TopSingular(double s1, double s2, double[] left, double[] right) {

    static TopSingular of(final DMatrixRMaj a) {
        final int rows = a.numRows;
        final int cols = a.numCols;
        final boolean colSide = cols <= rows;
        final int k = colSide ? cols : rows;
        final DMatrixRMaj gram = new DMatrixRMaj(k, k);
        if (colSide) {
            CommonOps_DDRM.multTransA(a, a, gram);
        } else {
            CommonOps_DDRM.multTransB(a, a, gram);
        }
        final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(gram)) {
            throw new IllegalStateException("The symmetric eigendecomposition did not converge.");
        }
        int top = 0;
        double l1 = Double.NEGATIVE_INFINITY;
        double l2 = 0;
        for (int i = 0; i < k; i++) {
            final double l = eig.getEigenvalue(i).real;
            if (l > l1) {
                l2 = l1;
                l1 = l;
                top = i;
            } else if (l > l2) {
                l2 = l;
            }
        }
        l2 = Math.max(0, l2 == Double.NEGATIVE_INFINITY ? 0 : l2);
        final double s1 = Math.sqrt(Math.max(0, l1));
        final double[] side = eig.getEigenVector(top).data.clone();
        normalise(side);
        final double[] other = new double[colSide ? rows : cols];
        // other side: u = A v / s1 (or v = A^T u / s1), renormalised against rounding
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                final double aij = a.data[i * cols + j];
                if (colSide) {
                    other[i] += aij * side[j];
                } else {
                    other[j] += aij * side[i];
                }
            }
        }
        normalise(other);
        return colSide ? new TopSingular(s1, Math.sqrt(l2), other, side) : new TopSingular(s1, Math.sqrt(l2), side, other);
    }

    /** Squared cosine between two vectors, in [0, 1]; 0 when either is zero. */
    static double overlap(final double[] u, final double[] v) {
        double uv = 0;
        double uu = 0;
        double vv = 0;
        for (int i = 0; i < u.length; i++) {
            uv += u[i] * v[i];
            uu += u[i] * u[i];
            vv += v[i] * v[i];
        }
        return uu == 0 || vv == 0 ? 0 : uv * uv / (uu * vv);
    }

    private static void normalise(final double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        s = Math.sqrt(s);
        if (s > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= s;
            }
        }
    }
}
