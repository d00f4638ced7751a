package org.rmtlab.core.resolvent;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.kernel.ExpectedKernel;

/** Cross-kernel matrices K(A, B) between two sample sets, for test points against training points. */
final class KernelMatrices {
    private KernelMatrices() {
    }

    /** The na x nb matrix K(a_i, b_j) of the columns of a (p x na) and b (p x nb). */
    static DMatrixRMaj cross(final ExpectedKernel k, final DMatrixRMaj a, final DMatrixRMaj b) {
        final DMatrixRMaj g = new DMatrixRMaj(a.numCols, b.numCols);
        final DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        new DenseProduct(b.data, b.numRows, b.numCols).multiplyParallel(at.data, a.numCols, g.data, 0);
        final double[] na = squaredNorms(a);
        final double[] nb = squaredNorms(b);
        for (int i = 0; i < a.numCols; i++) {
            for (int j = 0; j < b.numCols; j++) {
                g.unsafe_set(i, j, k.value(na[i], nb[j], g.unsafe_get(i, j)));
            }
        }
        return g;
    }

    /** K(x_j, x_j) for each column. */
    static double[] diagonal(final ExpectedKernel k, final DMatrixRMaj x) {
        final double[] norms = squaredNorms(x);
        final double[] d = new double[norms.length];
        for (int j = 0; j < d.length; j++) {
            d[j] = k.value(norms[j], norms[j], norms[j]);
        }
        return d;
    }

    static double[] squaredNorms(final DMatrixRMaj x) {
        final double[] s = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                final double v = x.unsafe_get(i, j);
                s[j] += v * v;
            }
        }
        return s;
    }
}
