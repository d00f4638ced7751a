package org.rmtlab.core.resolvent;

/**
 * Blocked Cholesky factorisation A = U^T U of a symmetric positive definite row-major array, in place
 * (upper triangle), with the triangular solves. Right-looking: each panel of 64 rows is factored, then
 * the trailing matrix is updated by {@link SymmetricGram}, which carries the n^3/3 multiply-adds at the
 * speed of the Gram kernel (measured about twice EJML's block Cholesky at n = 1024).
 *
 * <p>The factor of a leading block A[0:k, 0:k] is the leading block of U, and the forward solve is
 * lower triangular, so one factorisation serves every leading block: the simulation solves all models
 * with N &lt;= n from the factor of the largest.
 */
final class Cholesky {
    private static final int PANEL = 64;

    private Cholesky() {
    }

    /**
     * Factors the upper triangle of a (m x m) in place into U.
     *
     * @return the number of leading pivots that were positive: m when A is numerically positive definite;
     *         a smaller value k means only the leading blocks up to size k are usable
     */
    static int factorUpper(final double[] a, final int m) {
        for (int k0 = 0; k0 < m; k0 += PANEL) {
            final int k1 = Math.min(m, k0 + PANEL);
            for (int i = k0; i < k1; i++) {
                final int row = i * m;
                final double d = a[row + i];
                if (!(d > 0) || !Double.isFinite(d)) {
                    return i;
                }
                final double u = Math.sqrt(d);
                a[row + i] = u;
                final double inv = 1 / u;
                for (int j = i + 1; j < m; j++) {
                    a[row + j] *= inv;
                }
                for (int r = i + 1; r < k1; r++) {
                    final double s = a[row + r];
                    if (s == 0) {
                        continue;
                    }
                    final int rr = r * m;
                    for (int j = r; j < m; j++) {
                        a[rr + j] -= s * a[row + j];
                    }
                }
            }
            if (k1 < m) {
                SymmetricGram.addUpper(a, m, k0, k1, k1, m - k1, -1, a, k1 * m + k1, m);
            }
        }
        return m;
    }

    /** b[0:size] &lt;- U_size^{-T} b[0:size] (forward substitution with the leading block of U, stride m). */
    static void solveTransposed(final double[] u, final int m, final int size, final double[] b) {
        for (int r = 0; r < size; r++) {
            final int row = r * m;
            final double y = b[r] / u[row + r];
            b[r] = y;
            for (int j = r + 1; j < size; j++) {
                b[j] -= u[row + j] * y;
            }
        }
    }

    /** y[0:size] &lt;- U_size^{-1} y[0:size] (back substitution with the leading block of U, stride m). */
    static void solveUpper(final double[] u, final int m, final int size, final double[] y) {
        for (int i = size - 1; i >= 0; i--) {
            final int row = i * m;
            double s = y[i];
            for (int j = i + 1; j < size; j++) {
                s -= u[row + j] * y[j];
            }
            y[i] = s / u[row + i];
        }
    }
}
