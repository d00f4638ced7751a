package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;

class TopEigenTest {

    /**
     * A Wishart matrix plus a rank-one spike (an outlier) and without (top of the bulk, gap O(n^{-2/3})):
     * eigenvalues as the full decomposition's to rounding, eigenvector with residual ||S v - l1 v|| below
     * 1e-10 ||S|| and squared cosine 1 with the full decomposition's vector up to (residual / gap)^2.
     */
    @Test
    void matchesTheFullDecomposition() {
        final Rng rng = new Rng(21);
        for (double spike : new double[] {0, 5}) {
            final int n = 80;
            final DMatrixRMaj x = new DMatrixRMaj(n, 2 * n);
            rng.gaussians(x.data, 1 / Math.sqrt(2 * n));
            final DMatrixRMaj s = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(x, x, s);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s.add(i, j, spike / n);
                }
            }
            final TopEigen top = TopEigen.of(s);
            final EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
            assertTrue(eig.decompose(s.copy()));
            int first = 0;
            for (int i = 1; i < n; i++) {
                if (eig.getEigenvalue(i).real > eig.getEigenvalue(first).real) {
                    first = i;
                }
            }
            double second = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (i != first) {
                    second = Math.max(second, eig.getEigenvalue(i).real);
                }
            }
            final double l1 = eig.getEigenvalue(first).real;
            assertEquals(l1, top.l1(), 1e-12 * l1, "spike " + spike);
            assertEquals(second, top.l2(), 1e-12 * l1, "spike " + spike);
            final double[] v = top.vector();
            final DMatrixRMaj sv = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(s, DMatrixRMaj.wrap(n, 1, v), sv);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                residual += Math.pow(sv.data[i] - top.l1() * v[i], 2);
            }
            assertTrue(Math.sqrt(residual) < 1e-10 * l1, "residual " + Math.sqrt(residual));
            assertEquals(1, TopSingular.overlap(v, eig.getEigenVector(first).data), 1e-8, "spike " + spike);
        }
    }

    /**
     * Lanczos with a Cholesky certificate against the dense method: null when every eigenvalue is below the
     * bound, otherwise the same top eigenpair, also from a start vector orthogonal to the top eigenvector
     * (rounding brings it in, or the dense fallback decides).
     */
    @Test
    void aboveABoundMatchesTheDenseMethod() {
        final Rng rng = new Rng(5);
        final int n = 100;
        final DMatrixRMaj x = new DMatrixRMaj(n, 2 * n);
        rng.gaussians(x.data, 1 / Math.sqrt(2 * n));
        final DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(x, x, s);
        final double edge = Math.pow(1 + Math.sqrt(0.5), 2);
        final TopEigen bulk = TopEigen.of(s);
        assertNull(TopEigen.above(s, bulk.l1() * (1 + 1e-9), ones(n)));
        // the top of a bulk just below the bound: Lanczos must resolve a gap of O(n^{-2/3})
        final TopEigen edgeTop = TopEigen.above(s, bulk.l1() * (1 - 1e-3), ones(n));
        assertEquals(bulk.l1(), edgeTop.l1(), 1e-10 * bulk.l1());
        assertEquals(1, TopSingular.overlap(bulk.vector(), edgeTop.vector()), 1e-6);
        // a spike in the direction u: outlier near 1 + spike + ... well above the edge
        final double[] u = new double[n];
        u[0] = 1;
        s.add(0, 0, 3);
        final TopEigen dense = TopEigen.of(s);
        assertTrue(dense.l1() > edge + 1);
        final double[] orthogonal = ones(n);
        final double along = SimulationSupport.dot(orthogonal, dense.vector());
        for (int i = 0; i < n; i++) {
            orthogonal[i] -= along * dense.vector()[i];
        }
        for (double[] start : new double[][] {u, ones(n), orthogonal}) {
            final TopEigen lanczos = TopEigen.above(s, edge, start);
            assertEquals(dense.l1(), lanczos.l1(), 1e-11 * dense.l1());
            assertEquals(1, TopSingular.overlap(dense.vector(), lanczos.vector()), 1e-10);
        }
    }

    private static double[] ones(final int n) {
        final double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    /**
     * TopSingular.Line (Gram blocks multiplied once) against TopSingular.of on the explicit A + s B, tall and wide,
     * and against the singular-value definition A v = s1 u: the same numbers up to rounding of the Gram sums.
     */
    @Test
    void lineOfMatricesMatchesDirectDecomposition() {
        final Rng rng = new Rng(8);
        for (int[] shape : new int[][] {{60, 30}, {30, 60}}) {
            final DMatrixRMaj a = new DMatrixRMaj(shape[0], shape[1]);
            final DMatrixRMaj b = new DMatrixRMaj(shape[0], shape[1]);
            rng.gaussians(a.data, 0.2);
            rng.gaussians(b.data, 0.1);
            final TopSingular.Line line = new TopSingular.Line(a, b);
            for (double s : new double[] {0, 0.7, 5}) {
                final DMatrixRMaj point = a.copy();
                CommonOps_DDRM.addEquals(point, s, b);
                final TopSingular direct = TopSingular.of(point);
                final TopSingular fromLine = line.at(s);
                assertEquals(direct.s1(), fromLine.s1(), 1e-12 * direct.s1(), "s1, s = " + s);
                assertEquals(direct.s2(), fromLine.s2(), 1e-12 * direct.s1(), "s2, s = " + s);
                assertEquals(1, TopSingular.overlap(direct.left(), fromLine.left()), 1e-9);
                assertEquals(1, TopSingular.overlap(direct.right(), fromLine.right()), 1e-9);
                final DMatrixRMaj av = new DMatrixRMaj(shape[0], 1);
                CommonOps_DDRM.mult(point, DMatrixRMaj.wrap(shape[1], 1, fromLine.right()), av);
                for (int i = 0; i < shape[0]; i++) {
                    assertEquals(fromLine.s1() * fromLine.left()[i], av.data[i], 1e-10 * fromLine.s1());
                }
            }
        }
    }

    /** A double top eigenvalue: any unit vector of its eigenspace is right; 1 x 1 and zero matrices. */
    @Test
    void degenerateAndTinyMatrices() {
        final DMatrixRMaj s = CommonOps_DDRM.diag(3, 1, 3, 2);
        final TopEigen top = TopEigen.of(s);
        assertEquals(3, top.l1(), 1e-15);
        assertEquals(3, top.l2(), 1e-15);
        final double[] v = top.vector();
        assertEquals(1, v[0] * v[0] + v[2] * v[2], 1e-12);
        assertEquals(7, TopEigen.of(CommonOps_DDRM.diag(7)).l1(), 0);
        final TopEigen zero = TopEigen.of(new DMatrixRMaj(3, 3));
        assertEquals(0, zero.l1(), 0);
        assertEquals(1, zero.vector()[0], 0);
    }
}
