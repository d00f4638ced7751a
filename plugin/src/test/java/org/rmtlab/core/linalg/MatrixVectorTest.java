package org.rmtlab.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class MatrixVectorTest {

    /** Sums of up to 40 products of O(1) Gaussian terms: rounding below 1e-13. */
    @Test
    void productsMatchEjml() {
        final DMatrixRMaj a = SymmetricGramTest.gaussian(23, 40, 8);
        final double[] v = new double[40];
        final double[] w = new double[23];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 3 == 0 ? 0 : Math.cos(i);
        }
        final DMatrixRMaj av = new DMatrixRMaj(23, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(40, 1, v), av);
        assertArrayEquals(av.data, MatrixVector.times(a, v), 1e-13);
        final DMatrixRMaj atw = new DMatrixRMaj(40, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(23, 1, w), atw);
        assertArrayEquals(atw.data, MatrixVector.transposeTimes(a, w), 1e-13);
        assertEquals(CommonOps_DDRM.dot(DMatrixRMaj.wrap(40, 1, v), DMatrixRMaj.wrap(40, 1, v)), MatrixVector.dot(v, v),
            1e-13);
        assertEquals(v[2] * w[0] + v[3] * w[1], MatrixVector.dot(v, 2, w, 2), 1e-15);
    }

    @Test
    void wrongLengthsAreRejected() {
        final DMatrixRMaj a = new DMatrixRMaj(2, 3);
        assertThrows(IllegalArgumentException.class, () -> MatrixVector.times(a, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> MatrixVector.transposeTimes(a, new double[3]));
    }
}
