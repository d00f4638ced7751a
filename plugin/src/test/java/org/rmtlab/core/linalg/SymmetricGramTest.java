package org.rmtlab.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;

class SymmetricGramTest {

    static DMatrixRMaj gaussian(final int rows, final int cols, final long seed) {
        final DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        new Rng(seed).gaussians(x.data, 1);
        return x;
    }

    /** Sizes below and above {@link SymmetricGram#PARALLEL_COLUMNS}, and not multiples of the unrolling. */
    @Test
    void innerAndOuterMatchEjml() {
        for (int[] size : new int[][] {{1, 1}, {5, 3}, {7, 13}, {37, 300}, {300, 37}}) {
            final DMatrixRMaj x = new DMatrixRMaj(size[0], size[1]);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = Math.sin(1.7 * i) + 0.1 * i / x.data.length;
            }
            final DMatrixRMaj outer = new DMatrixRMaj(size[0], size[0]);
            CommonOps_DDRM.multTransB(0.5, x, x, outer);
            final DMatrixRMaj inner = new DMatrixRMaj(size[1], size[1]);
            CommonOps_DDRM.multTransA(0.5, x, x, inner);
            // sums of up to 300 products of O(1) terms: rounding ~300 eps
            assertArrayEquals(outer.data, SymmetricGram.outer(x, 0.5).data, 1e-12, "X X^T " + size[0] + "x" + size[1]);
            assertArrayEquals(inner.data, SymmetricGram.inner(x, 0.5).data, 1e-12, "X^T X " + size[0] + "x" + size[1]);
        }
    }

    /** Half the entries zero, as for ReLU features: the skipped rows must not change the sums. */
    @Test
    void parallelVariantIsBitIdenticalToTheSerialOne() {
        final int rows = 600;
        final int cols = SymmetricGram.PARALLEL_COLUMNS + 45;
        final DMatrixRMaj a = gaussian(rows, cols, 3);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = Math.max(0, a.data[i]);
        }
        final double[] serial = new double[cols * cols];
        final double[] parallel = new double[cols * cols];
        SymmetricGram.addUpper(a.data, cols, 0, rows, 0, cols, 0.25, serial);
        SymmetricGram.addUpperParallel(a.data, cols, 0, rows, 0, cols, 0.25, parallel);
        assertArrayEquals(serial, parallel, 0.0);
        final DMatrixRMaj expected = new DMatrixRMaj(cols, cols);
        CommonOps_DDRM.multTransA(0.25, a, a, expected);
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < cols; j++) {
                // upper triangle: A^T A / 4 to rounding (600 products of O(1) terms); lower triangle untouched
                assertEquals(j >= i ? expected.get(i, j) : 0, serial[i * cols + j], 1e-12, "(" + i + ", " + j + ")");
            }
        }
    }

    /** An update of a block of a larger array from a sub-range of rows and columns (the Cholesky trailing update). */
    @Test
    void blockUpdateTouchesOnlyItsBlock() {
        final DMatrixRMaj a = gaussian(20, 9, 4);
        final int stride = 12;
        final double[] g = new double[stride * stride];
        SymmetricGram.addUpper(a.data, 9, 5, 17, 2, 6, -1, g, 3 * stride + 4, stride);
        for (int r = 0; r < stride; r++) {
            for (int c = 0; c < stride; c++) {
                final int i = r - 3;
                final int j = c - 4;
                double expected = 0;
                if (i >= 0 && i < 6 && j >= i && j < 6) {
                    for (int k = 5; k < 17; k++) {
                        expected -= a.get(k, 2 + i) * a.get(k, 2 + j);
                    }
                }
                assertEquals(expected, g[r * stride + c], 1e-13, "(" + r + ", " + c + ")");
            }
        }
    }

    @Test
    void leadingBlockIsTheFullSymmetricMatrix() {
        final DMatrixRMaj x = gaussian(30, 8, 5);
        final double[] upper = new double[64];
        SymmetricGram.addUpper(x.data, 8, 0, 30, 0, 8, 1, upper);
        final double[] lead = new double[25];
        SymmetricGram.leadingBlock(upper, 8, 5, lead);
        final DMatrixRMaj full = SymmetricGram.inner(x, 1);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(full.get(i, j), lead[i * 5 + j], 0.0);
            }
        }
    }
}
