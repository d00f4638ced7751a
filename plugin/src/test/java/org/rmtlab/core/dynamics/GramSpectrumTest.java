package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.linalg.MatrixVector;
import org.rmtlab.core.util.Rng;

/** Exact identities of the eigenbasis, for a tall (p < n) and a wide (p > n) data matrix. */
class GramSpectrumTest {
    private static final double EPS = 1e-11;

    private static DMatrixRMaj gaussian(final int p, final int n, final Rng rng) {
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = rng.gaussian();
        }
        return x;
    }

    private static double[] vector(final int size, final Rng rng) {
        final double[] v = new double[size];
        rng.gaussians(v, 1);
        return v;
    }

    @Test
    void identitiesHoldInBothShapes() {
        final Rng rng = new Rng(11);
        for (int[] size : new int[][] {{30, 50}, {50, 30}}) {
            final int p = size[0];
            final int n = size[1];
            final DMatrixRMaj x = gaussian(p, n, rng);
            final GramSpectrum s = GramSpectrum.of(x);
            assertEquals(Math.min(p, n), s.rank());
            // trace: sum lambda = ||X||_F^2 / n
            double trace = 0;
            for (double l : s.eigenvalues()) {
                trace += l;
            }
            assertEquals(CommonOps_DDRM.elementSumAbs(elementSquares(x)) / n, trace, EPS * trace);
            // quadratic form: v^T S v = ||X^T v||^2 / n = sum_k lambda_k (V^T v)_k^2, and ||V^T v|| <= ||v||
            final double[] v = vector(p, rng);
            final double[] vc = s.project(v);
            final double[] xtv = new double[n];
            CommonOps_DDRM.multTransA(x, DMatrixRMaj.wrap(p, 1, v), DMatrixRMaj.wrap(n, 1, xtv));
            double quad = 0;
            for (int k = 0; k < vc.length; k++) {
                quad += s.eigenvalue(k) * vc[k] * vc[k];
            }
            assertEquals(MatrixVector.dot(xtv, xtv) / n, quad, EPS * quad);
            assertEquals(true, MatrixVector.dot(vc, vc) <= MatrixVector.dot(v, v) * (1 + EPS));
            // projectSamples(u) = project(X u / n)
            final double[] u = vector(n, rng);
            final double[] xu = new double[p];
            CommonOps_DDRM.mult(x, DMatrixRMaj.wrap(n, 1, u), DMatrixRMaj.wrap(p, 1, xu));
            for (int i = 0; i < p; i++) {
                xu[i] /= n;
            }
            final double[] a = s.projectSamples(u);
            final double[] b = s.project(xu);
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[k], a[k], EPS * (1 + Math.abs(b[k])), "p = " + p + ", k = " + k);
            }
            // X^T w = (X^T V)(V^T w) for every w (the null-space part of w does not reach the outputs)
            final double[] out = new double[n];
            CommonOps_DDRM.mult(s.sampleCoordinates(), DMatrixRMaj.wrap(vc.length, 1, vc), DMatrixRMaj.wrap(n, 1, out));
            for (int i = 0; i < n; i++) {
                assertEquals(xtv[i], out[i], EPS * (1 + Math.abs(xtv[i])), "p = " + p + ", i = " + i);
            }
        }
    }

    private static DMatrixRMaj elementSquares(final DMatrixRMaj x) {
        final DMatrixRMaj sq = x.copy();
        CommonOps_DDRM.elementMult(sq, x);
        return sq;
    }

    @Test
    void rejectsNonFiniteData() {
        final DMatrixRMaj x = new DMatrixRMaj(3, 3);
        x.set(1, 2, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> GramSpectrum.of(x));
        assertThrows(IllegalArgumentException.class, () -> GramSpectrum.of(new DMatrixRMaj(0, 3)));
    }

    /**
     * A trial at p = n = 10^6 needs 8 (p n + 3 r^2 + n r) bytes = 40 TB: refused before anything is allocated;
     * p = n = 100 (400 KB) passes.
     */
    @Test
    void memoryGuardRefusesHugeTrials() {
        GramSpectrum.requireMemory("a small trial", 100, 100);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GramSpectrum.requireMemory("a huge trial", 1_000_000, 1_000_000));
        assertTrue(e.getMessage().contains("Not enough memory: a huge trial (data p x n = 1000000 x 1000000"),
            e.getMessage());
    }
}
