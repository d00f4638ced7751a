package org.rmtlab.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class DenseProductTest {

    /**
     * Inner dimensions around the unrolling (4) and the inner block (128), widths across a column panel
     * (512): sums of up to 130 products of O(1) Gaussian terms, rounding about 130 eps * 10.
     */
    @Test
    void matchesEjml() {
        for (int[] size : new int[][] {{1, 1, 1}, {3, 5, 7}, {33, 130, 600}, {70, 256, 513}}) {
            final DMatrixRMaj a = SymmetricGramTest.gaussian(size[0], size[1], 1);
            final DMatrixRMaj b = SymmetricGramTest.gaussian(size[1], size[2], 2);
            final DMatrixRMaj expected = new DMatrixRMaj(size[0], size[2]);
            CommonOps_DDRM.mult(a, b, expected);
            assertArrayEquals(expected.data, DenseProduct.mult(a, b).data, 1e-12, "A B");
            final DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
            assertArrayEquals(expected.data, DenseProduct.multTransA(at, b).data, 1e-12, "A^T B");
        }
    }

    /** Rows of C are shared among threads; each entry is summed in the serial order. */
    @Test
    void parallelVariantIsBitIdenticalAndWritesAtTheOffset() {
        final DMatrixRMaj a = SymmetricGramTest.gaussian(101, 150, 3);
        final DMatrixRMaj b = SymmetricGramTest.gaussian(150, 700, 4);
        final DenseProduct product = new DenseProduct(b);
        assertEquals(150, product.rows());
        assertEquals(700, product.columns());
        final int offset = 9;
        final double[] serial = new double[offset + 101 * 700];
        final double[] parallel = new double[offset + 101 * 700];
        java.util.Arrays.fill(serial, 7);
        java.util.Arrays.fill(parallel, 7);
        product.multiply(a.data, 101, serial, offset);
        product.multiplyParallel(a.data, 101, parallel, offset);
        assertArrayEquals(serial, parallel, 0.0);
        for (int i = 0; i < offset; i++) {
            assertEquals(7, serial[i], 0.0, "before the offset");
        }
    }

    @Test
    void shapeMismatchIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DenseProduct.mult(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 3)));
        assertThrows(IllegalArgumentException.class,
            () -> DenseProduct.multTransA(new DMatrixRMaj(2, 3), new DMatrixRMaj(3, 3)));
    }
}
