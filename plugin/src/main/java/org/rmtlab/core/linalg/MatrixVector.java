package org.rmtlab.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.Check;

/**
 * Products of a row-major matrix, or of its transpose, with a vector, and dot products: the O(n^2) steps
 * that move a vector into and out of an eigenbasis. Both products stream the rows of A once; A^T v is
 * accumulated row by row (a vectorised axpy) rather than by strided column dot products.
 */
public final class MatrixVector {
    private MatrixVector() {
    }

    /** A v for A (rows x cols) and v of length cols. */
    public static double[] times(final DMatrixRMaj a, final double[] v) {
        Check.that(v.length == a.numCols, "A vector of length " + v.length + " cannot multiply a " + a.numRows + " x "
            + a.numCols + " matrix.");
        final int cols = a.numCols;
        final double[] out = new double[a.numRows];
        for (int i = 0; i < out.length; i++) {
            out[i] = dot(a.data, i * cols, v, cols);
        }
        return out;
    }

    /** A^T v for A (rows x cols) and v of length rows. */
    public static double[] transposeTimes(final DMatrixRMaj a, final double[] v) {
        Check.that(v.length == a.numRows, "A vector of length " + v.length + " cannot multiply the transpose of a "
            + a.numRows + " x " + a.numCols + " matrix.");
        final int cols = a.numCols;
        final double[] out = new double[cols];
        for (int i = 0; i < v.length; i++) {
            final double vi = v[i];
            if (vi == 0) {
                continue;
            }
            final int row = i * cols;
            for (int k = 0; k < cols; k++) {
                out[k] += a.data[row + k] * vi;
            }
        }
        return out;
    }

    /** sum_i a[offset + i] b[i] over i &lt; length. */
    public static double dot(final double[] a, final int offset, final double[] b, final int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += a[offset + i] * b[i];
        }
        return s;
    }

    /** sum_i a[i] b[i] (equal lengths). */
    public static double dot(final double[] a, final double[] b) {
        return dot(a, 0, b, a.length);
    }
}
