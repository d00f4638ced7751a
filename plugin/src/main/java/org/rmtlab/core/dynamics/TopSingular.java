package org.rmtlab.core.dynamics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The two largest singular values of a rectangular matrix A (rows x cols) and the singular vectors of
 * the largest, from the smaller Gram matrix (A^T A or A A^T, {@link TopEigen}). The other singular vector
 * follows from A v = s u, so one symmetric eigenproblem of size min(rows, cols) does the work of an SVD.
 *
 * @param s1 largest singular value
 * @param s2 second largest singular value (0 when A has a single row or column)
 * @param left unit left singular vector of s1 (length rows)
 * @param right unit right singular vector of s1 (length cols)
 */
record TopSingular(double s1, double s2, double[] left, double[] right) {

    static TopSingular of(final DMatrixRMaj a) {
        final int k = Math.min(a.numRows, a.numCols);
        final DMatrixRMaj gram = new DMatrixRMaj(k, k);
        if (gramOfColumns(a)) {
            CommonOps_DDRM.multTransA(a, a, gram);
        } else {
            CommonOps_DDRM.multTransB(a, a, gram);
        }
        return of(a, gram);
    }

    /** True when the Gram matrix that {@link #of(DMatrixRMaj, DMatrixRMaj)} wants is A^T A (cols &lt;= rows), else A A^T. */
    static boolean gramOfColumns(final DMatrixRMaj a) {
        return a.numCols <= a.numRows;
    }

    /**
     * The same from a Gram matrix computed by the caller (for example updated cheaply along a family A + s B).
     *
     * @param gram A^T A when {@link #gramOfColumns(DMatrixRMaj)}, else A A^T
     */
    static TopSingular of(final DMatrixRMaj a, final DMatrixRMaj gram) {
        final int rows = a.numRows;
        final int cols = a.numCols;
        final boolean colSide = gramOfColumns(a);
        final TopEigen top = TopEigen.of(gram);
        final double s1 = Math.sqrt(Math.max(0, top.l1()));
        final double s2 = Math.min(rows, cols) < 2 ? 0 : Math.sqrt(Math.max(0, top.l2()));
        final double[] side = top.vector();
        final double[] other = new double[colSide ? rows : cols];
        // other side: u = A v / s1 (or v = A^T u / s1), renormalised against rounding
        for (int i = 0; i < rows; i++) {
            final int row = i * cols;
            if (colSide) {
                double acc = 0;
                for (int j = 0; j < cols; j++) {
                    acc += a.data[row + j] * side[j];
                }
                other[i] = acc;
            } else {
                final double si = side[i];
                for (int j = 0; j < cols; j++) {
                    other[j] += a.data[row + j] * si;
                }
            }
        }
        TopEigen.normalise(other);
        return colSide ? new TopSingular(s1, s2, other, side) : new TopSingular(s1, s2, side, other);
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
}
