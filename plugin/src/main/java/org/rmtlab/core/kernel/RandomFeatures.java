package org.rmtlab.core.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rmtlab.core.util.Rng;

/**
 * The random feature map Sigma = sigma(W X) in R^{N x n}, W in R^{N x p} with iid N(0, 1) entries
 * (Louart, Liao, Couillet 2018, Sec. 2). (Contract; the kernel package may add weight laws.)
 */
public final class RandomFeatures {
    private RandomFeatures() {
    }

    /** W in R^{N x p}, iid N(0, 1), drawn row by row from {@code rng}. */
    public static DMatrixRMaj weights(final int bigN, final int p, final Rng rng) {
        final DMatrixRMaj w = new DMatrixRMaj(bigN, p);
        rng.gaussians(w.data, 1.0);
        return w;
    }

    /** sigma(W X), entrywise. */
    public static DMatrixRMaj map(final Activation sigma, final DMatrixRMaj w, final DMatrixRMaj x) {
        final DMatrixRMaj s = new DMatrixRMaj(w.numRows, x.numCols);
        CommonOps_DDRM.mult(w, x, s);
        final double[] d = s.data;
        for (int i = 0; i < d.length; i++) {
            d[i] = sigma.value(d[i]);
        }
        return s;
    }
}
