package org.rmtlab.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.rmtlab.core.util.CancelledException;
import org.rmtlab.core.util.Progress;

/**
 * The expected kernel of an activation, K(x, y) = E_{w ~ N(0, I_p)}[sigma(w.x) sigma(w.y)]
 * (Louart, Liao, Couillet 2018, "A random matrix approach to neural networks", Ann. Appl. Probab.,
 * Sec. 2: W has iid N(0, 1) entries and the Gram matrix of the features is (1/N) Sigma^T Sigma with
 * E[(1/N) Sigma^T Sigma] = K). It depends on x and y only through aa = ||x||^2, bb = ||y||^2 and
 * ab = x.y, because (w.x, w.y) is a centred 2-D Gaussian with covariance [[aa, ab], [ab, bb]].
 *
 * <p>Implementations are immutable and thread-safe; see {@link ExpectedKernels} for the factory and
 * kernel matrices.
 */
public interface ExpectedKernel {

    /**
     * @param aa ||x||^2
     * @param bb ||y||^2
     * @param ab x.y
     * @return E[sigma(w.x) sigma(w.y)]
     */
    double value(double aa, double bb, double ab);

    /**
     * Turns a block of inner products into kernel values in place: on entry g_ij = x_i.y_j, on exit
     * K(x_i, y_j). Kernels that can share work across entries (the Hermite series computes one
     * expansion per sample, not per entry) override this.
     *
     * @param aa ||x_i||^2 for the rows
     * @param bb ||y_j||^2 for the columns
     * @param g rows x cols inner products, overwritten
     * @param symmetric x and y are the same samples: only the upper triangle j &gt;= i is written
     *        (the caller mirrors it) and K(x_i, x_i) is E[sigma(w.x_i)^2]
     */
    default void applyToGram(final double[] aa, final double[] bb, final DMatrixRMaj g, final boolean symmetric,
        final Progress progress) throws CancelledException {
        final int rows = g.numRows;
        final int cols = g.numCols;
        final double[] d = g.data;
        for (int i = 0; i < rows; i++) {
            ExpectedKernels.rowDone(progress, i, rows, symmetric);
            for (int j = symmetric ? i : 0; j < cols; j++) {
                d[i * cols + j] = value(aa[i], bb[j], d[i * cols + j]);
            }
        }
    }
}
