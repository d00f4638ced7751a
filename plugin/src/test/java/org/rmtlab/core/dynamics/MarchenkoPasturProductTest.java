package org.rmtlab.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.linalg.SymmetricEigen;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.Rng;

class MarchenkoPasturProductTest {

    /**
     * psiN -> infinity makes B = I, so G must reduce to the Marchenko-Pastur law of ratio a = D/P:
     * a z G^2 + (z + 1 - a) G - 1 = 0, G ~ 1/z. With psiN = 1e9 the cubic differs by O(1e-9).
     */
    @Test
    void reducesToMarchenkoPasturWhenFeaturesAreInfinite() {
        final double a = 1 / 0.7;
        final MarchenkoPasturProduct law = new MarchenkoPasturProduct(1e9, 0.7);
        for (Complex z : new Complex[] {new Complex(0.3, 0.2), new Complex(-2, 0.05), new Complex(-0.01, -0.3),
            Complex.real(1.5), Complex.real(-9)}) {
            final Complex g = marchenkoPastur(a, z);
            final Complex got = law.stieltjes(z);
            assertEquals(0, got.minus(g).abs(), 1e-7 * g.abs(), "z = " + z);
        }
        // MP edges (1 +- sqrt(a))^2
        assertEquals(Math.pow(1 + Math.sqrt(a), 2), law.upperEdge(), 1e-6);
        assertEquals(Math.pow(1 - Math.sqrt(a), 2), law.lowerEdge(), 1e-6);
    }

    /**
     * G(z), (1/D) tr B (z + BC)^{-1}, (1/D) tr C (z + BC)^{-1} and the two-point function against one
     * draw at D = 300 for real z > 0 (real matrices suffice). Linear spectral statistics fluctuate by O(1/D)
     * and have O(1/D) bias, so 3e-2 relative (about 10/D) is a safe tolerance.
     */
    @Test
    void matchesFiniteMatricesAtModerateSize() {
        final int d = 300;
        final MarchenkoPasturProduct law = new MarchenkoPasturProduct(0.6, 1.4);
        final int n = (int) Math.round(0.6 * d);
        final int p = (int) Math.round(1.4 * d);
        final Rng rng = new Rng(21);
        final DMatrixRMaj f = new DMatrixRMaj(n, d);
        rng.gaussians(f.data, 1);
        final DMatrixRMaj x = new DMatrixRMaj(d, p);
        rng.gaussians(x.data, 1);
        final DMatrixRMaj b = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(1.0 / n, f, f, b);
        final DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(1.0 / p, x, x, c);
        final DMatrixRMaj bc = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(b, c, bc);
        final DMatrixRMaj cb = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(c, b, cb);
        final double z1 = 0.4;
        final double z2 = 1.3;
        final DMatrixRMaj r1 = shiftedInverse(cb, z1);
        final DMatrixRMaj r2 = shiftedInverse(bc, z2);
        final DMatrixRMaj prod = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(r1, r2, prod);
        final DMatrixRMaj br2 = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(b, r2, br2);
        final DMatrixRMaj cr2 = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(c, r2, cr2);

        final Complex x1 = law.xAt(Complex.real(z1));
        final Complex x2 = law.xAt(Complex.real(z2));
        assertRelative(CommonOps_DDRM.trace(r2) / d, x2.re() / z2, 3e-2);
        assertRelative(CommonOps_DDRM.trace(br2) / d, law.traceB(x2).re(), 3e-2);
        assertRelative(CommonOps_DDRM.trace(cr2) / d, law.traceC(x2).re(), 3e-2);
        assertRelative(CommonOps_DDRM.trace(prod) / d,
            law.twoPoint(Complex.real(z1), x1, Complex.real(z2), x2).re(), 3e-2);
    }

    /**
     * lambda_+ from the edge equation is where the density (1/pi) |Im G(-lambda + i0)| vanishes: evaluated at
     * height 1e-8 it is at the level of that smoothing (below 1e-8) at 1.001 lambda_+ and clearly positive
     * (above 1e-4; it grows like the square root of the distance) at 0.999 lambda_+. The finite matrix at D = 400 has no eigenvalue beyond the edge by more
     * than its O(D^{-2/3}) fluctuation (5 % allowed); it approaches the edge slowly because the density has a
     * thin tail (at D = 400 the largest eigenvalue is about 7 % below lambda_+).
     */
    @Test
    void upperEdgeIsWhereTheDensityEnds() {
        final MarchenkoPasturProduct law = new MarchenkoPasturProduct(0.5, 0.8);
        final double edge = law.upperEdge();
        final double above = Math.abs(law.stieltjes(new Complex(-edge * 1.001, 1e-8)).im()) / Math.PI;
        final double below = Math.abs(law.stieltjes(new Complex(-edge * 0.999, 1e-8)).im()) / Math.PI;
        assertTrue(above < 1e-8, "density above the edge " + above);
        assertTrue(below > 1e-4, "density below the edge " + below);
        final int d = 400;
        final Rng rng = new Rng(4);
        final DMatrixRMaj f = new DMatrixRMaj(200, d);
        rng.gaussians(f.data, 1);
        final DMatrixRMaj x = new DMatrixRMaj(d, 320);
        rng.gaussians(x.data, 1);
        final DMatrixRMaj b = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(1.0 / 200, f, f, b);
        final DMatrixRMaj bx = new DMatrixRMaj(d, 320);
        CommonOps_DDRM.mult(b, x, bx);
        final DMatrixRMaj k = new DMatrixRMaj(320, 320);
        CommonOps_DDRM.multTransA(1.0 / 320, x, bx, k);
        RandomFeatureFlowSimulation.symmetrise(k);
        double max = 0;
        for (double v : SymmetricEigen.of(k).values()) {
            max = Math.max(max, v);
        }
        assertTrue(max < 1.05 * edge && max > 0.85 * edge, "largest eigenvalue " + max + ", edge " + edge);
    }

    /**
     * The two-point function of independent feature draws on shared data, (1/D) tr[(z1 + C B1)^{-1}
     * (z2 + B2 C)^{-1}] with B1, B2 independent: one draw at D = 300, real z (tolerance as above, 3e-2
     * relative). It must differ clearly from the same-features two-point function (B1 = B2), which it would
     * equal if the mean over F were not the whole story.
     */
    @Test
    void independentFeaturesTwoPointMatchesFiniteMatrices() {
        final int d = 300;
        final MarchenkoPasturProduct law = new MarchenkoPasturProduct(0.6, 1.4);
        final int n = (int) Math.round(0.6 * d);
        final Rng rng = new Rng(5);
        final DMatrixRMaj x = new DMatrixRMaj(d, 420);
        rng.gaussians(x.data, 1);
        final DMatrixRMaj c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(1.0 / 420, x, x, c);
        final DMatrixRMaj[] b = new DMatrixRMaj[2];
        for (int k = 0; k < 2; k++) {
            final DMatrixRMaj f = new DMatrixRMaj(n, d);
            rng.gaussians(f.data, 1);
            b[k] = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(1.0 / n, f, f, b[k]);
        }
        final double z1 = 0.4;
        final double z2 = 1.3;
        final DMatrixRMaj cb1 = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(c, b[0], cb1);
        final DMatrixRMaj b2c = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(b[1], c, b2c);
        final DMatrixRMaj prod = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(shiftedInverse(cb1, z1), shiftedInverse(b2c, z2), prod);
        final Complex x1 = law.xAt(Complex.real(z1));
        final Complex x2 = law.xAt(Complex.real(z2));
        final double independent = law.independentFeaturesTwoPoint(Complex.real(z1), x1, Complex.real(z2), x2).re();
        assertRelative(CommonOps_DDRM.trace(prod) / d, independent, 3e-2);
        final double shared = law.twoPoint(Complex.real(z1), x1, Complex.real(z2), x2).re();
        assertTrue(shared - independent > 0.1 * shared, "shared " + shared + ", independent " + independent);
    }

    /** (G1 - G2)/(z1 - z2) from the cubic: equals G' on the diagonal and stays accurate next to it. */
    @Test
    void dividedDifferenceIsAccurateOnAndNearTheDiagonal() {
        final MarchenkoPasturProduct law = new MarchenkoPasturProduct(0.5, 0.5);
        final Complex z = new Complex(-3, 0.4);
        final Complex g = law.stieltjes(z);
        final double step = 1e-4;
        final Complex zp = z.plus(step);
        final Complex zm = z.minus(step);
        // central difference: error O(step^2 |G'''|), about 1e-8 here
        final Complex derivative = law.stieltjes(zp).minus(law.stieltjes(zm)).divide(2 * step);
        final Complex diagonal = law.dividedDifference(z, g, z, g);
        assertEquals(0, diagonal.minus(derivative).abs(), 1e-6 * derivative.abs());
        // 1e-10 apart: the naive quotient would keep only about 6 digits; this one stays within O(1e-10) of G'
        final Complex z2 = z.plus(new Complex(1e-10, 1e-10));
        final Complex near = law.dividedDifference(z, g, z2, law.stieltjes(z2));
        assertEquals(0, near.minus(diagonal).abs(), 1e-9 * diagonal.abs());
        // and the two-point function is finite and continuous there
        final Complex x1 = g.times(z);
        final Complex onDiagonal = law.twoPoint(z, x1, z, x1);
        final Complex offDiagonal = law.twoPoint(z, x1, z2, law.xAt(z2));
        assertTrue(onDiagonal.isFinite());
        assertEquals(0, onDiagonal.minus(offDiagonal).abs(), 1e-8 * onDiagonal.abs());
    }

    @Test
    void zeroMassIsTheKernelShare() {
        assertEquals(0.5, new MarchenkoPasturProduct(0.5, 1.2).zeroMass(), 0);
        assertEquals(0, new MarchenkoPasturProduct(2, 3).zeroMass(), 0);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new MarchenkoPasturProduct(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MarchenkoPasturProduct(1, Double.NaN));
        final MarchenkoPasturProduct law = new MarchenkoPasturProduct(0.5, 1.2);
        assertThrows(IllegalArgumentException.class, () -> law.stieltjes(Complex.real(-1)));
        assertThrows(IllegalArgumentException.class, () -> law.stieltjes(new Complex(Double.NaN, 1)));
    }

    /**
     * Stieltjes-type transform (1/D) tr (z + C)^{-1} of the MP law of ratio a (mean 1, support in
     * [0, lambda_+]): the root of a z G^2 + (z + 1 - a) G - 1 = 0 that is the transform of a positive measure.
     * Off the real axis Im G Im z < 0. On the real axis Jensen's inequality (1/(z + lambda) is convex) puts
     * G between 1/(z + 1) and 1/z for z > 0, and between 1/(z + 1) and 1/(z + lambda_+) for z < -lambda_+.
     */
    private static Complex marchenkoPastur(final double a, final Complex z) {
        final Complex b = z.plus(1 - a);
        final Complex root = b.times(b).plus(z.times(4 * a)).sqrt();
        final Complex g1 = b.negate().plus(root).divide(z.times(2 * a));
        final Complex g2 = b.negate().minus(root).divide(z.times(2 * a));
        if (z.im() != 0) {
            return g1.im() * z.im() <= 0 ? g1 : g2;
        }
        final double edge = z.re() > 0 ? 0 : Math.pow(1 + Math.sqrt(a), 2);
        final double lo = Math.min(1 / (z.re() + 1), 1 / (z.re() + edge));
        final double hi = Math.max(1 / (z.re() + 1), 1 / (z.re() + edge));
        return g1.re() >= lo && g1.re() <= hi ? g1 : g2;
    }

    private static DMatrixRMaj shiftedInverse(final DMatrixRMaj m, final double z) {
        final DMatrixRMaj s = m.copy();
        for (int i = 0; i < s.numRows; i++) {
            s.add(i, i, z);
        }
        final DMatrixRMaj inv = new DMatrixRMaj(s.numRows, s.numCols);
        assertTrue(CommonOps_DDRM.invert(s, inv));
        return inv;
    }

    private static void assertRelative(final double expected, final double actual, final double relative) {
        assertEquals(expected, actual, relative * Math.abs(expected));
    }
}
