package org.rmtlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rmtlab.core.util.Rng;

class GaussianEquivalentsTest {

    private static List<Activation> all() {
        final List<Activation> list = new ArrayList<>();
        for (ActivationInfo info : Activations.catalogue()) {
            list.add(Activations.byId(info.id()));
        }
        list.add(Activations.leakyRelu(0.3));
        return list;
    }

    /**
     * Closed forms against adaptive quadrature (relative accuracy 1e-13 of E|f|): mu0 and mu1 to 1e-11 of
     * sqrt(E[sigma^2]); muStar compared through muStar^2 to 1e-11 of E[sigma^2], because muStar itself
     * loses half its digits when it is near 0 (linear activation).
     */
    @Test
    void closedFormsMatchQuadrature() {
        for (Activation a : all()) {
            if (!Activations.info(a).closedForm()) {
                continue;
            }
            for (double v : new double[] {0.25, 1, 3}) {
                final GaussianEquivalent closed = GaussianEquivalents.of(a, v);
                final GaussianEquivalent quad = GaussianEquivalents.numerical(a, v);
                final double e2 = closed.secondMoment();
                final String what = a.id() + " at v = " + v;
                assertEquals(closed.mu0(), quad.mu0(), 1e-11 * Math.sqrt(e2), what);
                assertEquals(closed.mu1(), quad.mu1(), 1e-11 * Math.sqrt(e2), what);
                assertEquals(closed.muStar() * closed.muStar(), quad.muStar() * quad.muStar(), 1e-11 * e2, what);
            }
        }
    }

    /**
     * Every activation against Monte-Carlo over xi ~ N(0, 1), M = 200000 draws: mu0, mu1 and E[sigma^2]
     * each within 5 standard errors computed from the sample variance.
     */
    @Test
    void coefficientsMatchMonteCarlo() {
        final int m = 200_000;
        final Rng rng = new Rng(99);
        final double[] xi = new double[m];
        rng.gaussians(xi, 1.0);
        for (Activation a : all()) {
            for (double v : new double[] {1, 2.5}) {
                final GaussianEquivalent ge = GaussianEquivalents.of(a, v);
                final double sd = Math.sqrt(v);
                final double[][] samples = new double[3][m];
                for (int t = 0; t < m; t++) {
                    final double s = a.value(sd * xi[t]);
                    samples[0][t] = s;
                    samples[1][t] = xi[t] * s;
                    samples[2][t] = s * s;
                }
                final String what = a.id() + " at v = " + v;
                assertWithin(ge.mu0(), samples[0], what + ": mu0");
                assertWithin(ge.mu1(), samples[1], what + ": mu1");
                assertWithin(ge.secondMoment(), samples[2], what + ": E[sigma^2]");
            }
        }
    }

    /**
     * The coefficients agree with the kernel and the Hermite expansion: mu0 = h_0, mu1 = h_1,
     * mu0^2 + mu1^2 + muStar^2 = K(v, v, v); and by the Mehler series for ||x|| = ||y|| = 1 and
     * correlation r, |K - mu0^2 - mu1^2 r| = |sum_{k &gt;= 2} h_k^2 r^k| &lt;= muStar^2 r^2 (the linear
     * equivalent K ~ mu0^2 1 1^T + mu1^2 X^T X + muStar^2 I off the diagonal, to second order).
     */
    @Test
    void coefficientsAgreeWithKernelAndExpansion() {
        for (Activation a : all()) {
            final GaussianEquivalent ge = GaussianEquivalents.of(a);
            final ExpectedKernel k = ExpectedKernels.forActivation(a);
            final double e2 = k.value(1, 1, 1);
            assertEquals(e2, ge.secondMoment(), 1e-11 * e2, a.id());
            final HermiteExpansion h = HermiteExpansion.of(a, 1);
            assertEquals(h.coefficient(0), ge.mu0(), 1e-11 * Math.sqrt(e2), a.id());
            assertEquals(h.coefficient(1), ge.mu1(), 1e-11 * Math.sqrt(e2), a.id());
            for (double r : new double[] {-0.3, 0.05, 0.2}) {
                final double rest = k.value(1, 1, r) - ge.mu0() * ge.mu0() - ge.mu1() * ge.mu1() * r;
                assertTrue(Math.abs(rest) <= ge.muStar() * ge.muStar() * r * r + 1e-12 * e2, a.id() + " at r = " + r);
            }
        }
    }

    @Test
    void slopeIsTheMeanDerivative() {
        // tanh at v = 2: E[tanh'(t)] = E[xi tanh(sqrt(2) xi)] / sqrt(2) (Stein's lemma)
        final Activation tanh = Activations.byId("tanh");
        final GaussianEquivalent ge = GaussianEquivalents.of(tanh, 2);
        final double derivative = NormalExpectation.of(x -> {
            final double c = Math.cosh(Math.sqrt(2) * x);
            return 1 / (c * c);
        }, 1e-13);
        assertEquals(derivative, ge.slope(), 1e-12);
        assertEquals(0.0, GaussianEquivalents.of(tanh, 0).slope(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GaussianEquivalents.of(tanh, Double.NaN));
    }

    /** The mean squared sample length, by hand: columns (1, 2) and (3, -1) give (5 + 10) / 2. */
    @Test
    void inputVarianceIsTheMeanSquaredLength() {
        assertEquals(7.5, GaussianEquivalents.inputVariance(new DMatrixRMaj(new double[][] {{1, 3}, {2, -1}})), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GaussianEquivalents.inputVariance(new DMatrixRMaj(3, 0)));
        final DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{1, Double.NaN}});
        assertThrows(IllegalArgumentException.class, () -> GaussianEquivalents.inputVariance(nan));
    }

    /**
     * The input variance is the variance of the pre-activations w.x_j: for N = 2000 Gaussian rows of W
     * and samples of unequal lengths, the mean of (w.x_j)^2 over all N n entries lies within 5 standard
     * errors of it; (w.x_j)^2 has variance 2 ||x_j||^4, so the standard error is
     * sqrt(sum_j 2 ||x_j||^4 / N) / n.
     */
    @Test
    void inputVarianceIsThePreActivationVariance() {
        final int p = 50;
        final int n = 40;
        final int bigN = 2000;
        final Rng rng = new Rng(12);
        final DMatrixRMaj x = new DMatrixRMaj(p, n);
        rng.gaussians(x.data, 1.0 / Math.sqrt(p));
        double fourth = 0;
        for (int j = 0; j < n; j++) {
            double norm2 = 0;
            for (int i = 0; i < p; i++) {
                x.set(i, j, x.get(i, j) * (1 + j / 10.0));
                norm2 += x.get(i, j) * x.get(i, j);
            }
            fourth += norm2 * norm2;
        }
        final DMatrixRMaj wx = RandomFeatures.map(Activations.byId("quadratic"),
            RandomFeatures.weights(bigN, p, new Rng(13)), x);
        double mean = 0;
        for (double v : wx.data) {
            mean += v / wx.data.length;
        }
        assertEquals(GaussianEquivalents.inputVariance(x), mean, 5 * Math.sqrt(2 * fourth / bigN) / n);
    }

    private static void assertWithin(final double expected, final double[] samples, final String what) {
        double sum = 0;
        double sum2 = 0;
        for (double s : samples) {
            sum += s;
            sum2 += s * s;
        }
        final int m = samples.length;
        final double mean = sum / m;
        final double se = Math.sqrt(Math.max(0, sum2 / m - mean * mean) / (m - 1));
        assertEquals(expected, mean, 5 * se + 1e-12, what);
    }
}
