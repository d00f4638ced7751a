package org.rmtlab.core.resolvent;

/**
 * Accumulates Gram matrices G += scale * A^T A of row blocks, upper triangle only. The loop is the
 * rank-one "axpy" form (vectorised by the JIT), blocked over panels of G's rows so that the panel stays
 * in cache while the rows of A stream past; zero entries of A (half of them for ReLU features) are
 * skipped. Measured about twice as fast as EJML's general multTransA for the Gram shapes used here.
 */
final class SymmetricGram {
    /** Bytes of G's rows kept in cache per panel (about half of a 1 MB level-2 cache). */
    private static final int PANEL_BYTES = 1 << 19;

    private SymmetricGram() {
    }

    /**
     * g[i * cols + j] += scale * sum_{r in [rowFrom, rowTo)} a[r * stride + colFrom + i] a[r * stride + colFrom + j]
     * for j &gt;= i.
     */
    static void addUpper(final double[] a, final int stride, final int rowFrom, final int rowTo, final int colFrom,
        final int cols, final double scale, final double[] g) {
        final int panel = Math.max(8, PANEL_BYTES / (8 * Math.max(1, cols)));
        for (int i0 = 0; i0 < cols; i0 += panel) {
            final int i1 = Math.min(cols, i0 + panel);
            for (int r = rowFrom; r < rowTo; r++) {
                final int base = r * stride + colFrom;
                for (int i = i0; i < i1; i++) {
                    final double v = a[base + i];
                    if (v == 0) {
                        continue;
                    }
                    final double s = scale * v;
                    final int gi = i * cols;
                    for (int j = i; j < cols; j++) {
                        g[gi + j] += s * a[base + j];
                    }
                }
            }
        }
    }

    /** Copies the upper triangle of the leading m x m block of g (stride cols) into a full symmetric m x m array. */
    static void leadingBlock(final double[] g, final int cols, final int m, final double[] out) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(g, i * cols + i, out, i * m + i, m - i);
            for (int j = i + 1; j < m; j++) {
                out[j * m + i] = g[i * cols + j];
            }
        }
    }
}
