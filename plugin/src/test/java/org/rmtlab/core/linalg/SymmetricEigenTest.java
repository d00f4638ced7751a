package org.rmtlab.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    private static DMatrixRMaj wishart(final int m, final long seed) {
        return SymmetricGram.outer(SymmetricGramTest.gaussian(m, m + 100, seed), 1.0 / m);
    }

    /** Both reductions (row-major below {@link SymmetricEigen#BLOCKED_SIZE}, blocked from it) against EJML's default. */
    @Test
    void bothReductionsAgreeWithEjml() {
        for (int m : new int[] {600, SymmetricEigen.BLOCKED_SIZE}) {
            final DMatrixRMaj a = wishart(m, 12);
            final EigenDecomposition_F64<DMatrixRMaj> reference = DecompositionFactory_DDRM.eig(m, false, true);
            assertTrue(reference.decompose(a.copy()));
            final double[] expected = new double[m];
            for (int i = 0; i < m; i++) {
                expected[i] = reference.getEigenvalue(i).real;
            }
            Arrays.sort(expected);
            // backward-stable solvers: eigenvalues agree to m eps ||A||
            assertArrayEquals(expected, SymmetricEigen.eigenvalues(a), 1e-11 * expected[m - 1], "m = " + m);
        }
    }

    /**
     * Eigenpairs of the blocked reduction: residuals ||A v - lambda v|| at rounding (m eps ||A||, ||A|| about 5)
     * and unit norm, for a few pairs (O(m^2) each).
     */
    @Test
    void blockedReductionGivesEigenpairs() {
        final int m = SymmetricEigen.BLOCKED_SIZE;
        final DMatrixRMaj a = wishart(m, 13);
        final SymmetricEigen eig = SymmetricEigen.of(a);
        for (int k : new int[] {0, 1, m / 2, m - 2, m - 1}) {
            double norm = 0;
            for (int i = 0; i < m; i++) {
                double av = 0;
                for (int j = 0; j < m; j++) {
                    av += a.get(i, j) * eig.vectors().get(j, k);
                }
                assertEquals(eig.values()[k] * eig.vectors().get(i, k), av, 1e-11, "A v = lambda v, k = " + k);
                norm += eig.vectors().get(i, k) * eig.vectors().get(i, k);
            }
            assertEquals(1, norm, 1e-12, "unit vector " + k);
        }
    }

    /**
     * A V = V diag(values), V^T V = I, values ascending: residuals at rounding, m eps ||A|| with ||A|| about 4
     * (Marchenko–Pastur edge (1 + sqrt(60/160))^2).
     */
    @Test
    void decompositionIsOrthonormalAndAscending() {
        final int m = 60;
        final DMatrixRMaj a = wishart(m, 14);
        final SymmetricEigen eig = SymmetricEigen.of(a);
        assertEquals(m, eig.size());
        final double[] values = eig.values();
        final DMatrixRMaj v = eig.vectors();
        for (int k = 1; k < m; k++) {
            assertTrue(values[k - 1] <= values[k], "ascending at " + k);
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                double av = 0;
                for (int j = 0; j < m; j++) {
                    av += a.get(i, j) * v.get(j, k);
                }
                assertEquals(values[k] * v.get(i, k), av, 1e-12, "A v = lambda v, k = " + k);
            }
            for (int l = 0; l < m; l++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += v.get(i, k) * v.get(i, l);
                }
                assertEquals(k == l ? 1 : 0, dot, 1e-12, "orthonormal " + k + ", " + l);
            }
        }
        assertArrayEquals(values, SymmetricEigen.eigenvalues(a), 1e-12, "values only");
        assertNull(SymmetricEigen.of(a, false).vectors());
    }

    @Test
    void diagonalMatrixGivesItsSortedDiagonal() {
        final DMatrixRMaj d = new DMatrixRMaj(3, 3);
        d.set(0, 0, 2);
        d.set(1, 1, -1);
        d.set(2, 2, 5);
        assertArrayEquals(new double[] {-1, 2, 5}, SymmetricEigen.eigenvalues(d), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.eigenvalues(new DMatrixRMaj(2, 3)));
    }
}
