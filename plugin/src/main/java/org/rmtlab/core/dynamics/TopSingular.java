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

    /**
     * The top singular pairs along the line A + s B (same shape), for many s: the Gram matrix on the smaller side
     * is G(s) = G_AA + s (G_AB + G_BA) + s^2 G_BB, so the three blocks are multiplied once (O(rows cols k) each,
     * k = min(rows, cols)) and each s costs O(rows cols + k^2) plus the eigenproblem. Not thread-safe (one
     * workspace).
     */
    static final class Line {
        private final DMatrixRMaj a;
        private final DMatrixRMaj b;
        private final DMatrixRMaj gramA;
        private final DMatrixRMaj gramCross;
        private final DMatrixRMaj gramB;
        private final DMatrixRMaj point;
        private final DMatrixRMaj gram;

        Line(final DMatrixRMaj a, final DMatrixRMaj b) {
            if (a.numRows != b.numRows || a.numCols != b.numCols) {
                throw new IllegalArgumentException("A and B must have the same shape.");
            }
            this.a = a;
            this.b = b;
            final int k = Math.min(a.numRows, a.numCols);
            gramA = new DMatrixRMaj(k, k);
            gramCross = new DMatrixRMaj(k, k);
            gramB = new DMatrixRMaj(k, k);
            if (gramOfColumns(a)) {
                CommonOps_DDRM.multTransA(a, a, gramA);
                CommonOps_DDRM.multTransA(a, b, gramCross);
                CommonOps_DDRM.multTransA(b, b, gramB);
            } else {
                CommonOps_DDRM.multTransB(a, a, gramA);
                CommonOps_DDRM.multTransB(a, b, gramCross);
                CommonOps_DDRM.multTransB(b, b, gramB);
            }
            // G_AB + G_BA, symmetric
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    final double sum = gramCross.get(i, j) + gramCross.get(j, i);
                    gramCross.set(i, j, sum);
                    gramCross.set(j, i, sum);
                }
            }
            point = new DMatrixRMaj(a.numRows, a.numCols);
            gram = new DMatrixRMaj(k, k);
        }

        /** The top singular pairs of A + s B. */
        TopSingular at(final double s) {
            for (int q = 0; q < point.data.length; q++) {
                point.data[q] = a.data[q] + s * b.data[q];
            }
            for (int q = 0; q < gram.data.length; q++) {
                gram.data[q] = gramA.data[q] + s * (gramCross.data[q] + s * gramB.data[q]);
            }
            return of(point, gram);
        }
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
