package org.rmtlab.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Complex;
import org.rmtlab.core.util.GaussLegendre;

class MarchenkoPasturTest {
    private static final double[] RATIOS = {0.1, 0.5, 1, 2, 10};

    /**
     * Integral of density/(t - z) (plus atom/(0 - z)) over the support by Gauss–Legendre panels in theta,
     * t = a + (b - a)(1 - cos theta)/2, which smooths the square-root edges and the 1/sqrt(t) divergence at
     * c = 1: independent of the closed forms under test, except the density itself.
     */
    private static Complex integrate(final MarchenkoPastur law, final Complex z, final boolean weightByOneOverT) {
        final GaussLegendre rule = new GaussLegendre(16);
        final double a = law.lowerEdge();
        final double b = law.upperEdge();
        final int panels = 400;
        Complex sum = Complex.ZERO;
        for (int j = 0; j < panels; j++) {
            final double from = Math.PI * j / panels;
            final double to = Math.PI * (j + 1) / panels;
            for (int k = 0; k < rule.order(); k++) {
                final double theta = rule.node(k, from, to);
                final double h = Math.sin(0.5 * theta);
                final double t = a + (b - a) * h * h;
                final double w = rule.weight(k, from, to) * law.density(t) * 0.5 * (b - a) * Math.sin(theta);
                sum = sum.plus(weightByOneOverT ? Complex.real(w).divide(Complex.real(t).minus(z)) : Complex.real(w));
            }
        }
        if (weightByOneOverT && law.atom() > 0) {
            sum = sum.plus(Complex.real(law.atom()).divide(z.negate()));
        }
        return sum;
    }

    @Test
    void densityIntegratesToOneMinusTheAtomAndTheCdfReachesOne() {
        for (double c : RATIOS) {
            final MarchenkoPastur law = MarchenkoPastur.of(c, 2.5);
            final double mass = integrate(law, Complex.ZERO, false).re();
            // quadrature in theta of a smooth integrand: converged to rounding (checked with 200 vs 400 panels)
            assertEquals(Math.min(1, 1 / c), mass, 1e-12, "continuous mass, c = " + c);
            assertEquals(Math.max(0, 1 - 1 / c), law.atom(), 0, "atom, c = " + c);
            assertEquals(law.atom(), law.cdf(0), 1e-15, "F(0) is the atom, c = " + c);
            assertEquals(0, law.cdf(-1e-12), 0, "F below 0, c = " + c);
            assertEquals(law.atom(), law.cdf(law.lowerEdge()), 1e-15, "F at the lower edge, c = " + c);
            assertEquals(1, law.cdf(law.upperEdge()), 1e-15, "F at the upper edge, c = " + c);
            assertEquals(1, law.cdf(law.upperEdge() * (1 - 1e-12)), 1e-15, "F just below the upper edge, c = " + c);
        }
    }

    @Test
    void cdfIsTheIntegralOfTheDensityUpToEveryPoint() {
        for (double c : RATIOS) {
            final MarchenkoPastur law = MarchenkoPastur.of(c, 0.7);
            final double a = law.lowerEdge();
            final double b = law.upperEdge();
            double previous = law.atom();
            final GaussLegendre rule = new GaussLegendre(20);
            final int steps = 50;
            for (int j = 0; j < steps; j++) {
                // steps in theta make the integrand smooth on each step, so 20 nodes integrate it to rounding
                final double t0 = Math.PI * j / steps;
                final double t1 = Math.PI * (j + 1) / steps;
                double step = 0;
                for (int k = 0; k < rule.order(); k++) {
                    final double theta = rule.node(k, t0, t1);
                    final double h = Math.sin(0.5 * theta);
                    step += rule.weight(k, t0, t1) * law.density(a + (b - a) * h * h) * 0.5 * (b - a) * Math.sin(theta);
                }
                previous += step;
                final double h = Math.sin(0.5 * t1);
                final double x = a + (b - a) * h * h;
                assertEquals(previous, law.cdf(x), 1e-12, "F(" + x + "), c = " + c);
            }
        }
    }

    @Test
    void cdfNearTheEdgesVanishesLikeThePowerThreeHalves() {
        // F(a + d) - F(a) ~ (2/3) A d^{3/2} with A the edge amplitude: a check of accuracy where the arcsine
        // form would lose half the digits
        for (double c : new double[] {0.25, 4}) {
            final MarchenkoPastur law = MarchenkoPastur.of(c, 1);
            for (double d : new double[] {1e-6, 1e-8}) {
                final double lower = (law.cdf(law.lowerEdge() + d) - law.atom()) / (2.0 / 3 * law.edgeAmplitude(false)
                    * Math.pow(d, 1.5));
                final double upper = (1 - law.cdf(law.upperEdge() - d)) / (2.0 / 3 * law.edgeAmplitude(true)
                    * Math.pow(d, 1.5));
                // relative corrections are O(d / (b - a)); at d = 1e-8 the tails are ~1e-13, so the rounding
                // of F near 1 or near the atom 3/4 (1e-16) is 1e-3 of them
                assertEquals(1, lower, d == 1e-6 ? 1e-5 : 3e-3, "lower tail, c = " + c + ", d = " + d);
                assertEquals(1, upper, d == 1e-6 ? 1e-5 : 3e-3, "upper tail, c = " + c + ", d = " + d);
            }
        }
        // c = 1: hard edge, F(d) ~ (2/pi) sqrt(d) (density 1/(pi sqrt d) near 0)
        final MarchenkoPastur hard = MarchenkoPastur.of(1, 1);
        assertEquals(1, hard.cdf(1e-10) / (2 / Math.PI * Math.sqrt(1e-10)), 1e-5);
        assertEquals(Double.POSITIVE_INFINITY, hard.density(0));
    }

    @Test
    void cdfAndQuantilesMatchTheReferenceTable() {
        // the table has 10 significant digits: its x values are rounded at 5e-11 relative, which moves F by
        // density * x * 5e-11 < 3e-10
        for (double[] r : Reference.rows("mp_cdf.csv")) {
            final MarchenkoPastur law = MarchenkoPastur.of(r[0], 1);
            assertEquals(r[2], law.cdf(r[1]), 5e-10, "F(" + r[1] + "), c = " + r[0]);
            if (r[2] < 1) {
                assertEquals(r[1], law.quantile(r[2]), 5e-9 * r[1], "quantile(" + r[2] + "), c = " + r[0]);
            }
        }
    }

    @Test
    void stieltjesMatchesTheReferenceTableOnBothSides() {
        // 12 significant digits in the table
        final List<double[]> rows = Reference.rows("mp_stieltjes.csv");
        for (double[] r : rows) {
            final Complex z = new Complex(r[1], r[2]);
            final Complex m = MarchenkoPastur.of(r[0], 1).stieltjes(z);
            final Complex mt = MarchenkoPastur.of(r[0], 1, SampleMatrix.GRAM).stieltjes(z);
            final double tol = 2e-11 * (1 + Math.hypot(r[3], r[4]));
            assertEquals(r[3], m.re(), tol, "Re m at " + z + ", c = " + r[0]);
            assertEquals(r[4], m.im(), tol, "Im m at " + z + ", c = " + r[0]);
            final double tolc = 2e-11 * (1 + Math.hypot(r[5], r[6]));
            assertEquals(r[5], mt.re(), tolc, "Re m~ at " + z + ", c = " + r[0]);
            assertEquals(r[6], mt.im(), tolc, "Im m~ at " + z + ", c = " + r[0]);
        }
    }

    @Test
    void stieltjesMatchesNumericalIntegrationOffAndOnTheRealAxis() {
        final Complex[] zs = {new Complex(1, 1), new Complex(0.5, 0.05), new Complex(-2, 0.3), new Complex(3, -0.2),
            Complex.real(-1.5), Complex.real(9), new Complex(0.01, 0.02)};
        for (double c : new double[] {0.3, 1, 3}) {
            final MarchenkoPastur law = MarchenkoPastur.of(c, 0.8);
            for (Complex z : zs) {
                final Complex expected = integrate(law, z, true);
                final Complex m = law.stieltjes(z);
                // the integrand 1/(t - z) is analytic on the support, sharpest at Im z = 0.02: 400 panels of 16
                // nodes resolve it to about 1e-10
                assertEquals(expected.re(), m.re(), 1e-9 * (1 + expected.abs()), "Re m(" + z + "), c = " + c);
                assertEquals(expected.im(), m.im(), 1e-9 * (1 + expected.abs()), "Im m(" + z + "), c = " + c);
            }
        }
    }

    @Test
    void branchIsTheStieltjesOneEverywhere() {
        for (double c : RATIOS) {
            for (SampleMatrix side : SampleMatrix.values()) {
                final MarchenkoPastur law = MarchenkoPastur.of(c, 1.3, side);
                for (double re = -3; re <= law.upperEdge() + 3; re += 0.37) {
                    for (double im : new double[] {1e-9, 1e-3, 0.5, 40}) {
                        final Complex z = new Complex(re, im);
                        final Complex m = law.stieltjes(z);
                        assertTrue(m.im() > 0, "Im m > 0 at " + z + ", c = " + c + ", " + side);
                        assertEquals(m.conjugate(), law.stieltjes(z.conjugate()), "m(conj z) = conj m(z)");
                    }
                }
                // z m(z) = -1 - mean/z + O(1/z^2); the mean eigenvalue is sigma^2 (covariance), c sigma^2 (Gram)
                final Complex far = new Complex(1e7, 3e6);
                final double mean = side == SampleMatrix.COVARIANCE ? 1.3 : 1.3 * c;
                final Complex zm = law.stieltjes(far).times(far).plus(Complex.real(mean).divide(far));
                assertEquals(-1, zm.re(), 1e-10, "z m(z) -> -1, c = " + c);
                assertEquals(0, zm.im(), 1e-10, "z m(z) -> -1, c = " + c);
                // real and increasing on both sides of the support (m' = integral of dmu/(t - x)^2 > 0)
                for (double start : new double[] {-5, law.upperEdge() + 0.01}) {
                    double previous = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < 500; i++) {
                        final Complex m = law.stieltjes(Complex.real(start + 0.00999 * i));
                        assertEquals(0, m.im(), 0, "real outside the support");
                        assertTrue(m.re() > previous, "increasing at " + (start + 0.00999 * i) + ", c = " + c);
                        previous = m.re();
                    }
                }
            }
        }
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        for (double c : new double[] {0.4, 1, 2.5}) {
            final MarchenkoPastur law = MarchenkoPastur.of(c, 1.7);
            for (Complex z : new Complex[] {new Complex(1, 0.4), Complex.real(-0.3), Complex.real(30)}) {
                final double h = 1e-5;
                final Complex fd = law.stieltjes(z.plus(h)).minus(law.stieltjes(z.minus(h))).divide(2 * h);
                final Complex d = law.stieltjesDerivative(z);
                // central differences: error h^2 m''' / 6 ~ 1e-10
                assertEquals(fd.re(), d.re(), 1e-8 * (1 + d.abs()), "Re m' at " + z);
                assertEquals(fd.im(), d.im(), 1e-8 * (1 + d.abs()), "Im m' at " + z);
            }
        }
    }

    @Test
    void companionIdentityAndVarianceScaling() {
        for (double c : RATIOS) {
            final MarchenkoPastur cov = MarchenkoPastur.of(c, 2);
            final MarchenkoPastur gram = cov.companion();
            assertEquals(SampleMatrix.GRAM, gram.side());
            assertEquals(Math.max(0, 1 - c), gram.atom(), 1e-15);
            assertEquals(cov.lowerEdge(), gram.lowerEdge(), 1e-14);
            assertEquals(cov.upperEdge(), gram.upperEdge(), 1e-14);
            final MarchenkoPastur unit = MarchenkoPastur.of(c, 1);
            for (Complex z : new Complex[] {new Complex(0.7, 0.2), new Complex(-1, 3), Complex.real(-0.5)}) {
                final Complex expected = cov.stieltjes(z).times(c).plus(Complex.real(c - 1).divide(z));
                final Complex mt = gram.stieltjes(z);
                assertEquals(expected.re(), mt.re(), 1e-13 * (1 + expected.abs()), "m~ = c m + (c-1)/z");
                assertEquals(expected.im(), mt.im(), 1e-13 * (1 + expected.abs()), "m~ = c m + (c-1)/z");
                final Complex scaled = unit.stieltjes(z.divide(2)).divide(2);
                assertEquals(scaled.re(), cov.stieltjes(z).re(), 1e-14 * (1 + scaled.abs()), "m_s(z) = m_1(z/s)/s");
                assertEquals(scaled.im(), cov.stieltjes(z).im(), 1e-14 * (1 + scaled.abs()), "m_s(z) = m_1(z/s)/s");
            }
            for (double x = cov.lowerEdge() + 0.01; x < cov.upperEdge(); x += 0.05) {
                {
                    assertEquals(c * cov.density(x), gram.density(x), 1e-14 * (1 + gram.density(x)), "f~ = c f");
                    assertEquals(0.5 * unit.density(x / 2), cov.density(x), 1e-14 * (1 + cov.density(x)));
                }
            }
        }
    }

    @Test
    void edgeScaleIsJohnstones() {
        // Johnstone (2001): sigma = (sqrt n + sqrt p)(1/sqrt n + 1/sqrt p)^(1/3) / n for (1/n) X X^T, unit variance
        final int n = 800;
        for (int p : new int[] {80, 400, 1600}) {
            final MarchenkoPastur law = MarchenkoPastur.of(p / (double) n, 1);
            final double johnstone = (Math.sqrt(n) + Math.sqrt(p)) * Math.cbrt(1 / Math.sqrt(n) + 1 / Math.sqrt(p)) / n;
            assertEquals(johnstone, law.edgeScale(true, p), 1e-12 * johnstone);
            assertEquals(johnstone, law.companion().edgeScale(true, n), 1e-12 * johnstone, "same on the Gram side");
        }
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(0.5, -1));
        assertThrows(IllegalArgumentException.class, () -> MarchenkoPastur.of(0.5, 1, null));
        final MarchenkoPastur law = MarchenkoPastur.of(2, 1);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> law.stieltjes(Complex.real(1)));
        assertTrue(e.getMessage().contains("support"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> law.stieltjes(Complex.ZERO));
        assertThrows(IllegalArgumentException.class, () -> law.stieltjes(new Complex(Double.NaN, 1)));
        assertThrows(IllegalArgumentException.class, () -> law.quantile(1.5));
    }
}
