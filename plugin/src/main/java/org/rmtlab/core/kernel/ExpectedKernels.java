package org.rmtlab.core.kernel;

import org.ejml.data.DMatrixRMaj;

/**
 * Chooses the expected kernel of an activation (closed form where one exists, else numerical)
 * and evaluates kernel matrices. (Contract; the kernel package fills in every activation.)
 */
public final class ExpectedKernels {
    private ExpectedKernels() {
    }

    /** The expected kernel of {@code sigma}; see {@link ExpectedKernel} for the convention. */
    public static ExpectedKernel forActivation(final Activation sigma) {
        switch (sigma.id()) {
            case "linear":
                return (aa, bb, ab) -> ab;
            case "relu":
                return (aa, bb, ab) -> {
                    final double norm = Math.sqrt(aa * bb);
                    if (norm == 0) {
                        return 0;
                    }
                    final double r = Math.max(-1, Math.min(1, ab / norm));
                    return norm / (2 * Math.PI) * (r * (Math.PI - Math.acos(r)) + Math.sqrt(1 - r * r));
                };
            default:
                throw new IllegalArgumentException("No kernel for " + sigma.id());
        }
    }

    /**
     * The n x n matrix K_ij = K(x_i, x_j) of the columns of the p x n matrix {@code x}.
     */
    public static DMatrixRMaj matrix(final ExpectedKernel k, final DMatrixRMaj x) {
        final int p = x.numRows;
        final int n = x.numCols;
        final DMatrixRMaj g = new DMatrixRMaj(n, n);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(x, x, g);
        final DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                final double v = k.value(g.get(i, i), g.get(j, j), g.get(i, j));
                out.set(i, j, v);
                out.set(j, i, v);
            }
        }
        if (p < 0) {
            throw new IllegalStateException();
        }
        return out;
    }
}
